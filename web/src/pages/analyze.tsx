import { type FormEvent, useState } from "react";
import { call, client, type ExtractResult } from "../api.js";
import { categoryName, money, percent } from "../format.js";
import { segments } from "../highlight.js";
import { reviewPosting, roleReading } from "../jd-review.js";
import { Link } from "../router.js";
import { Chip, ErrorNote, FocusedErrorNote, Loading, PageHeader, useFocusOn } from "../ui.js";
import { useApi } from "../use-api.js";

const IMPORTANCE = [
  { value: "required", label: "Required", tone: "accent" },
  { value: "preferred", label: "Nice to have", tone: "plain" },
  { value: null, label: "Mentioned", tone: "plain" },
] as const;

interface Analysis {
  text: string;
  result: ExtractResult;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function AnalyzePage() {
  const [title, setTitle] = useState("");
  const [text, setText] = useState("");
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const roleId = analysis?.result.role && analysis.result.role.id !== "other" ? analysis.result.role.id : null;
  const role = useApi(roleId ? `role:${roleId}` : null, () =>
    call(client.api.roles[":id"].$get({ param: { id: roleId as string } })),
  );

  const answer = useFocusOn<HTMLElement>(analysis);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const result = await call(client.api.extract.$post({ json: { text, ...(title.trim() ? { title } : {}) } }));
      setAnalysis({ text, result });
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  const r = analysis?.result;
  const reading = roleReading(r?.role ?? null);
  const ready = r && (!roleId || role.data || role.error);
  const suggestions = r && ready ? reviewPosting(r, role.data ?? null) : [];

  return (
    <>
      <PageHeader title="Job description analyzer">
        Paste a job posting to see what it asks for as mlpath reads it: skills, role, seniority, years, degree and
        salary, each skill marked where the text names it, with suggestions to make the posting clearer.
      </PageHeader>
      <form className="card analyze-form" onSubmit={submit}>
        <label>
          Title (optional)
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Senior Data Scientist" />
        </label>
        <label>
          Posting text
          <textarea
            rows={10}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Paste the full job description"
            required
          />
        </label>
        <button type="submit" className="primary" disabled={busy || !text.trim()}>
          Analyze
        </button>
      </form>
      {busy ? <Loading label="Reading the posting" /> : null}
      <FocusedErrorNote error={error} title="Could not analyze the posting" />

      {analysis && r ? (
        <section className="analysis" aria-label="Analysis" ref={answer} tabIndex={-1}>
          <div className="card">
            <h2>What it reads as</h2>
            <dl className="facts facts-wide">
              <Fact label="Role">
                {roleId ? <Link to={`/roles/${roleId}`}>{reading.name}</Link> : reading.name}
                {reading.sure === null ? null : <span className="muted small"> {percent(reading.sure)} sure</span>}
              </Fact>
              <Fact label="Seniority">{r.seniority ?? "not stated"}</Fact>
              <Fact label="Years asked">{r.minYears !== null ? `${r.minYears}+` : "not stated"}</Fact>
              <Fact label="Degree">{r.degree ?? "not stated"}</Fact>
              <Fact label="Salary">
                {r.salary
                  ? `${money(r.salary.min, r.salary.currency)}–${money(r.salary.max, r.salary.currency, r.salary.period)}`
                  : "not stated"}
              </Fact>
              <Fact label="Skills">{r.skills.length}</Fact>
            </dl>
            {IMPORTANCE.map(({ value, label, tone }) => {
              const skills = r.skills.filter((s) => s.importance === value);
              return skills.length ? (
                <div key={label} className="importance-group">
                  <h3 className="small">
                    {label} ({skills.length})
                  </h3>
                  <div className="chips">
                    {skills.map((s) => (
                      <Chip key={s.id} tone={tone} title={categoryName(s.category)}>
                        {s.name}
                      </Chip>
                    ))}
                  </div>
                </div>
              ) : null;
            })}
          </div>

          <div className="card">
            <h2>Suggestions</h2>
            <ErrorNote error={role.error} title="Could not load the role to compare with" />
            {!ready ? <Loading label="Comparing with the role" /> : null}
            {ready && suggestions.length === 0 ? <p>Nothing to suggest: the posting is clear.</p> : null}
            <ul className="suggestion-list">
              {suggestions.map((s) => (
                <li key={s.text} className={`suggestion suggestion-${s.kind}`}>
                  {s.text}
                </li>
              ))}
            </ul>
          </div>

          <div className="card">
            <h2>The text, with the skills marked</h2>
            <div className="posting-text" data-testid="marked-text">
              {segments(analysis.text, r.skills).map((seg, i) =>
                seg.skill ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and rebuilt whole
                  <mark key={i} title={seg.skill.name}>
                    {seg.text}
                  </mark>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: segments are positional and rebuilt whole
                  <span key={i}>{seg.text}</span>
                ),
              )}
            </div>
          </div>
        </section>
      ) : null}
    </>
  );
}
