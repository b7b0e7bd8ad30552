import { useEffect, useState } from "react";
import { call, callDocument, client, type Plan } from "../api.js";
import { clampedNumber, money, plural, safeUrl } from "../format.js";
import { profileKey, useProfile } from "../profile.js";
import { navigate, useLocation } from "../router.js";
import { Chip, ErrorNote, Loading, NeedProfile, PageHeader, RoleSelect } from "../ui.js";
import { useApi } from "../use-api.js";

const MIN_HOURS = 2;
const MAX_HOURS = 40;
/** The days a plan may start on: the field and the check on each keystroke share them. */
const FIRST_START = "1970-01-01";
const LAST_START = "2100-12-31";

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The steps as bars over the weeks: where each starts and how long it runs. */
function Gantt({ plan }: { plan: Plan }) {
  const rows = [
    ...plan.steps.map((s) => ({ key: s.skill, name: s.name, week: s.week, endWeek: s.endWeek, kind: s.milestone })),
    ...plan.projects.map((p) => ({ key: p.id, name: p.title, week: p.week, endWeek: p.endWeek, kind: "portfolio" })),
  ];
  const span = (w: number) => `${((w - 1) / plan.weeks) * 100}%`;
  return (
    <div className="gantt" role="img" aria-label={`Timeline of ${plan.weeks} weeks`}>
      {rows.map((r) => (
        <div className="gantt-row" key={r.key}>
          <span className="gantt-label">{r.name}</span>
          <span className="gantt-track">
            <span
              className={`gantt-bar ms-${r.kind}`}
              style={{ left: span(r.week), width: `${((r.endWeek - r.week + 1) / plan.weeks) * 100}%` }}
              title={`weeks ${r.week}-${r.endWeek}`}
            />
          </span>
        </div>
      ))}
      <div className="gantt-row gantt-axis" aria-hidden="true">
        <span className="gantt-label" />
        <span className="gantt-track">
          <span className="gantt-tick gantt-first">week 1</span>
          <span className="gantt-tick gantt-last">week {plan.weeks}</span>
        </span>
      </div>
    </div>
  );
}

export function PlanPage() {
  const { profile } = useProfile();
  const { query } = useLocation();
  const roles = useApi("roles", () => call(client.api.roles.$get()));
  const key = profile ? profileKey(profile) : null;
  // Without a role in the address, plan for the role that fits best.
  const best = useApi(profile && !query.get("role") ? `fit:${key}` : null, () =>
    call(client.api.fit.$post({ json: { profile: profile as NonNullable<typeof profile> } })),
  );
  const role = query.get("role") ?? best.data?.[0]?.id ?? null;
  const [hours, setHours] = useState(() => clampedNumber(query.get("hours"), MIN_HOURS, MAX_HOURS, 10));
  const [settled, setSettled] = useState(hours);
  useEffect(() => {
    const t = setTimeout(() => setSettled(hours), 250);
    return () => clearTimeout(t);
  }, [hours]);
  // Empty is the server's today. The field is left uncontrolled: typing a year passes through 0002,
  // 0020 and 0202, which the API refuses, so only a day in its range is planned for, and setting the
  // field back to the last such day would undo the typing.
  const [start, setStart] = useState("");
  const plan = useApi(profile && role ? `plan:${role}:${settled}:${start}:${key}` : null, () =>
    call(
      client.api.plan.$post({
        json: {
          profile: profile as NonNullable<typeof profile>,
          role: role as string,
          hoursPerWeek: settled,
          ...(start ? { start } : {}),
        },
      }),
    ),
  );
  const [exportError, setExportError] = useState<Error | undefined>();
  // The server writes the document (one writer for the CLI and the page), for the plan shown.
  const exportPlan = (shown: Plan, format: "md" | "ics") => {
    setExportError(undefined);
    const json = {
      profile: profile as NonNullable<typeof profile>,
      role: shown.role.id,
      hoursPerWeek: shown.hoursPerWeek,
      start: shown.start,
    };
    callDocument(client.api.plan.export.$post({ json, query: { format } }))
      .then((doc) => download(doc.filename, doc.text, doc.type))
      .catch((e: Error) => setExportError(e));
  };
  if (!profile) return <NeedProfile what="A plan" />;
  const p = plan.data;

  return (
    <>
      <PageHeader title="Your learning plan">
        The skills you lack for the role, in prerequisite order, packed week by week at the hours you can give, then
        portfolio projects and the job search.
      </PageHeader>
      <div className="card toolbar">
        {/* The blank choice only stands in until the best fit is known: a plan always needs a role. */}
        <RoleSelect
          roles={roles.data}
          value={role ?? ""}
          onChange={(id) => navigate(`/plan?role=${encodeURIComponent(id)}`, { replace: true })}
          blank={role === null ? "Choosing the best fit..." : undefined}
        />
        <label className="slider">
          Hours per week: <strong>{hours}</strong>
          <input
            type="range"
            min={MIN_HOURS}
            max={MAX_HOURS}
            step={1}
            value={hours}
            onChange={(e) => setHours(Number(e.target.value))}
            aria-label="Hours per week"
          />
        </label>
        <label>
          Start
          <input
            type="date"
            min={FIRST_START}
            max={LAST_START}
            onChange={(e) => {
              const day = e.target.value;
              if (day === "" || (day >= FIRST_START && day <= LAST_START)) setStart(day);
            }}
          />
        </label>
        <button type="button" disabled={!p} onClick={() => p && exportPlan(p, "md")}>
          Export as Markdown
        </button>
        <button type="button" disabled={!p} onClick={() => p && exportPlan(p, "ics")}>
          Export as calendar
        </button>
      </div>
      <ErrorNote error={roles.error ?? best.error} title="Could not choose a role" />
      <ErrorNote error={plan.error} title="Could not make the plan" />
      <ErrorNote error={exportError} title="Could not export the plan" />
      {plan.loading && !p ? <Loading label="Planning" /> : null}
      {p ? (
        <div className={plan.loading ? "stale" : ""}>
          <div className="card plan-summary">
            <h2>{p.role.name}</h2>
            <p className="plan-total">
              <strong data-testid="plan-weeks">{plural(p.weeks, "week")}</strong> at {p.hoursPerWeek} h a week ·{" "}
              {plural(p.totalHours, "hour")} · {p.start} to {p.end}
            </p>
            {p.steps.length === 0 ? (
              <p>You already have every skill this role asks for: go straight to the portfolio.</p>
            ) : null}
            <Gantt plan={p} />
          </div>

          <ol className="milestones">
            {p.milestones.map((m) => {
              const steps = p.steps.filter((s) => s.milestone === m.id);
              const projects = m.id === "portfolio" ? p.projects : [];
              return (
                <li key={m.id} className="card milestone">
                  <div className="milestone-head">
                    <h3>{m.name}</h3>
                    <span className="muted">
                      week {m.week} · {m.date} · {m.hours} h
                    </span>
                  </div>
                  {steps.map((s) => (
                    <div key={s.skill} className="step">
                      <div className="step-head">
                        <span className="step-weeks">
                          {s.week === s.endWeek ? `Week ${s.week}` : `Weeks ${s.week}–${s.endWeek}`}
                        </span>
                        <strong>{s.name}</strong>
                        <span className="muted small">{s.hours} h</span>
                      </div>
                      <p className="muted small">{s.reason}</p>
                      {s.resources.length ? (
                        <ul className="resources">
                          {s.resources.map((r) => (
                            <li key={r.url}>
                              <a href={safeUrl(r.url)} target="_blank" rel="noreferrer">
                                {r.title}
                              </a>{" "}
                              <span className="muted small">
                                {r.provider} · {r.hours} h
                              </span>{" "}
                              {r.free ? <Chip tone="met">free</Chip> : null}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </div>
                  ))}
                  {projects.map((pr) => (
                    <div key={pr.id} className="step">
                      <div className="step-head">
                        <span className="step-weeks">
                          Weeks {pr.week}–{pr.endWeek}
                        </span>
                        <strong>{pr.title}</strong>
                        <span className="muted small">{pr.hours} h</span>
                      </div>
                      <p className="small">{pr.description}</p>
                      <div className="chips" data-testid="project-skills">
                        {pr.skills.map((s) => (
                          <Chip
                            key={s.skill}
                            tone={s.new ? "partly" : "plain"}
                            title={s.new ? "Not on your resume nor taught above: learnt in this project" : undefined}
                          >
                            {s.new ? `${s.name} (new here)` : s.name}
                          </Chip>
                        ))}
                      </div>
                    </div>
                  ))}
                  {m.id === "job-search" ? (
                    <div className="step">
                      <ul className="plain-list bullets">
                        {p.jobSearch.steps.map((s) => (
                          <li key={s}>{s}</li>
                        ))}
                      </ul>
                      {p.jobSearch.salary.map((f) => (
                        <p key={`${f.label}-${f.level ?? ""}`} className="small">
                          {f.label}: <strong>{money(f.amount, f.currency, f.period)}</strong>
                          {f.range
                            ? ` (middle half ${money(f.range.p25, f.currency)}–${money(f.range.p75, f.currency)})`
                            : ""}{" "}
                          <span className="muted">
                            {f.source}, {f.asOf}
                          </span>
                        </p>
                      ))}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
          {p.later.length ? (
            <div className="card" data-testid="plan-later">
              <h3>Later, once this plan is done</h3>
              <p className="muted small">Preferred by the role, but each needs long study first.</p>
              {p.later.map((l) => (
                <div key={l.skill} className="step">
                  <div className="step-head">
                    <strong>{l.name}</strong>
                    <span className="muted small">{l.hours} h</span>
                  </div>
                  <p className="muted small">
                    needs {l.needsFirstHours} h first: {l.needsFirst.map((n) => n.name).join(", ")}
                  </p>
                </div>
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
