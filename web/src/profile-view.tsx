import { useEffect, useRef, useState } from "react";
import { call, client, type Profile, type ProfileSkill, type Skill } from "./api.js";
import { categoryName, month, plural } from "./format.js";
import { Chip, ErrorNote } from "./ui.js";
import { useApi } from "./use-api.js";

const SOURCE_LABEL: Record<ProfileSkill["source"], string> = {
  experience: "used in a job",
  project: "used in a project",
  skills: "listed",
  certification: "certified",
  education: "studied",
  summary: "in the summary",
  other: "mentioned",
};

/** The parsed profile, with the skills editable: a wrong reading is corrected here, before fit and plan. */
export function ProfileView({ profile, onChange }: { profile: Profile; onChange: (p: Profile) => void }) {
  const remove = (id: string) => onChange({ ...profile, skills: profile.skills.filter((s) => s.id !== id) });
  const add = (skill: Skill) => {
    if (profile.skills.some((s) => s.id === skill.id)) return;
    // Added by hand it counts as a listed skill: a claim, not proof from a job.
    const added: ProfileSkill = {
      id: skill.id,
      name: skill.name,
      category: skill.category,
      source: "skills",
      sources: ["skills"],
      mentions: [],
    };
    onChange({ ...profile, skills: [...profile.skills, added] });
  };
  const { contact } = profile;
  // A job reads as one of the pack's roles; the page names it as the role atlas does, not by its id.
  const roles = useApi("roles", () => call(client.api.roles.$get()));
  const roleName = (id: string) => roles.data?.find((r) => r.id === id)?.name ?? id;

  return (
    <section className="profile" aria-label="Parsed profile">
      <div className="card profile-head">
        <div>
          <h2>{contact.name ?? "Unnamed"}</h2>
          {profile.headline ? <p className="lead">{profile.headline}</p> : null}
          <p className="muted">
            {[contact.email, contact.phone, ...contact.links].filter(Boolean).join(" · ") || "no contact details"}
          </p>
        </div>
        <dl className="facts">
          <div>
            <dt>Experience</dt>
            <dd>{plural(Math.round(profile.years * 10) / 10, "year")}</dd>
          </div>
          <div>
            <dt>Skills</dt>
            <dd>{profile.skills.length}</dd>
          </div>
          <div>
            <dt>Read as</dt>
            <dd>
              {profile.document.format.toUpperCase()}
              {profile.document.pages ? `, ${plural(profile.document.pages, "page")}` : ""}
              {profile.document.columns?.some((c) => c > 1) ? ", two columns" : ""}
            </dd>
          </div>
        </dl>
      </div>

      {profile.warnings.length ? (
        <div className="note note-warn" role="status">
          <strong>Check these</strong>
          <ul>
            {profile.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="card">
        <div className="card-title-row">
          <h2>Skills and their evidence</h2>
          <SkillAdder have={new Set(profile.skills.map((s) => s.id))} onAdd={add} />
        </div>
        {profile.skills.length === 0 ? <p className="muted">No skills were read. Add them here.</p> : null}
        <table className="table skills-table">
          <thead>
            <tr>
              <th>Skill</th>
              <th>Seen</th>
              <th>Evidence from the resume</th>
              <th>
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {profile.skills.map((s) => (
              <tr key={s.id}>
                <td>
                  <strong>{s.name}</strong>
                  <div className="muted small">{categoryName(s.category)}</div>
                </td>
                <td>
                  <Chip tone={s.source === "experience" || s.source === "project" ? "met" : "plain"}>
                    {SOURCE_LABEL[s.source]}
                  </Chip>
                </td>
                <td className="evidence">
                  {s.mentions.length ? <q>{s.mentions[0]?.line}</q> : <span className="muted">added by you</span>}
                  {s.mentions.length > 1 ? <span className="muted small"> +{s.mentions.length - 1} more</span> : null}
                </td>
                <td>
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => remove(s.id)}
                    aria-label={`Remove ${s.name}`}
                    title={`Remove ${s.name}`}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="grid-2">
        <div className="card">
          <h2>Experience</h2>
          {profile.experience.length === 0 ? <p className="muted">No jobs were read.</p> : null}
          <ul className="timeline-list">
            {profile.experience.map((x) => (
              <li key={`${x.title}|${x.organisation}|${x.start}|${x.end}`}>
                <strong>{x.title}</strong>
                {x.organisation ? <span>, {x.organisation}</span> : null}
                <div className="muted small">
                  {month(x.start)} – {month(x.end)}
                  {x.roleId ? ` · reads as ${roleName(x.roleId)}` : ""}
                </div>
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h2>Education</h2>
          {profile.education.length === 0 ? <p className="muted">No education was read.</p> : null}
          <ul className="timeline-list">
            {profile.education.map((e) => (
              <li key={`${e.level}|${e.field}|${e.institution}|${e.start}`}>
                <strong>{[e.level, e.field].filter(Boolean).join(", ") || "Studies"}</strong>
                {e.institution ? <span>, {e.institution}</span> : null}
                <div className="muted small">
                  {month(e.start)} – {month(e.end)}
                </div>
              </li>
            ))}
          </ul>
          {profile.certifications.length ? (
            <>
              <h3>Certifications</h3>
              <ul className="plain-list">
                {profile.certifications.map((c) => (
                  <li key={c.name}>
                    {c.name}
                    {c.issuer ? <span className="muted"> · {c.issuer}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function SkillAdder({ have, onAdd }: { have: Set<string>; onAdd: (s: Skill) => void }) {
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const t = setTimeout(() => setQuery(text.trim()), 200);
    return () => clearTimeout(t);
  }, [text]);
  const hits = useApi(query ? `skills:${query}` : null, () => call(client.api.skills.$get({ query: { q: query } })));
  const shown = (hits.data ?? []).filter((s) => !have.has(s.id)).slice(0, 8);
  return (
    <div className="skill-adder">
      <label className="sr-only" htmlFor="skill-search">
        Add a skill
      </label>
      <input
        id="skill-search"
        ref={input}
        type="search"
        placeholder="Add a skill: search by name"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
      />
      <ErrorNote error={hits.error} title="Skill search failed" />
      {query && hits.data ? (
        <ul className="suggestions" aria-label="Matching skills">
          {shown.length === 0 ? <li className="muted">No new skill matches "{query}"</li> : null}
          {shown.map((s) => (
            <li key={s.id}>
              <button
                type="button"
                onClick={() => {
                  onAdd(s);
                  setText("");
                  // The chosen button goes with the list: focus had fallen to the page's top.
                  input.current?.focus();
                }}
              >
                <strong>{s.name}</strong> <span className="muted small">{categoryName(s.category)}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
