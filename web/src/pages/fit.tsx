import { useState } from "react";
import { call, client, type Evidence, type RoleFit } from "../api.js";
import { profileKey, useProfile } from "../profile.js";
import { Link } from "../router.js";
import { Chip, ErrorNote, Loading, NeedProfile, PageHeader, ScoreBar } from "../ui.js";
import { useApi } from "../use-api.js";

const STATUS_LABEL = { met: "met", partly: "partly", missing: "missing" } as const;

function EvidenceTable({ fit }: { fit: RoleFit }) {
  const label = (e: Evidence) => (e.kind === "skill" ? e.name : e.kind === "education" ? "Education" : "Experience");
  return (
    <table className="table evidence-table">
      <thead>
        <tr>
          <th>Requirement</th>
          <th>Status</th>
          <th>Evidence</th>
        </tr>
      </thead>
      <tbody>
        {fit.evidence.map((e, i) => (
          <tr key={`${e.kind}-${e.kind === "skill" ? e.skill : i}`}>
            <td>
              <strong>{label(e)}</strong>
              {e.kind === "skill" ? <div className="muted small">{e.importance}</div> : null}
            </td>
            <td>
              <Chip tone={e.status}>{STATUS_LABEL[e.status]}</Chip>
            </td>
            <td className="evidence">
              {e.kind === "skill" ? (
                <>
                  {e.line ? <q>{e.line}</q> : null}
                  <div className="muted small">{e.reason}</div>
                </>
              ) : (
                e.detail
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FitPage() {
  const { profile } = useProfile();
  const fits = useApi(profile ? `fit:${profileKey(profile)}` : null, () =>
    call(client.api.fit.$post({ json: { profile: profile as NonNullable<typeof profile> } })),
  );
  const [open, setOpen] = useState<string | null>(null);
  if (!profile) return <NeedProfile what="Role fit" />;
  const shown = open ?? fits.data?.[0]?.id ?? null;

  return (
    <>
      <PageHeader title="How you fit each role">
        Each role scored 0–100 from its required and preferred skills, education and experience. Open a role to see
        every requirement as met, partly or missing, with the resume line behind it.
      </PageHeader>
      <ErrorNote error={fits.error} title="Could not score the roles" />
      {fits.loading && !fits.data ? <Loading label="Scoring the roles" /> : null}
      <ol className="fit-list">
        {fits.data?.map((f) => {
          const expanded = shown === f.id;
          return (
            <li key={f.id} className={`card fit-row${expanded ? " expanded" : ""}`}>
              <button
                type="button"
                className="fit-summary"
                aria-expanded={expanded}
                onClick={() => setOpen(expanded ? "" : f.id)}
              >
                <span className="fit-name">{f.name}</span>
                <ScoreBar value={f.score} label={`${f.name} fit`} />
                <span className="fit-counts small">
                  <span className="count-met">{f.counts.met} met</span> ·{" "}
                  <span className="count-partly">{f.counts.partly} partly</span> ·{" "}
                  <span className="count-missing">{f.counts.missing} missing</span>
                </span>
              </button>
              {expanded ? (
                <div className="fit-detail">
                  <div className="actions">
                    <Link to={`/plan?role=${encodeURIComponent(f.id)}`} className="button primary">
                      Plan for {f.name}
                    </Link>
                    <Link to={`/roles/${f.id}`} className="button">
                      About the role
                    </Link>
                    <Link to={`/jobs?role=${encodeURIComponent(f.id)}`} className="button">
                      {f.name} postings
                    </Link>
                  </div>
                  <EvidenceTable fit={f} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
