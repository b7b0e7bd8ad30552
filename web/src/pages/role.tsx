import type { ReactNode } from "react";
import { call, client, type RoleDetail } from "../api.js";
import { byLevel, levelNote, money, safeUrl, titleList, yearsText } from "../format.js";
import { useProfile } from "../profile.js";
import { Link } from "../router.js";
import { Chip, ErrorNote, Loading, PageHeading, usePageTitle } from "../ui.js";
import { useApi } from "../use-api.js";

const IMPORTANCE: Record<number, string> = { 3: "core", 2: "important", 1: "useful" };

type Cited = RoleDetail["salary"][number]["sourceDetail"];

function Source({ source, id }: { source: Cited; id: string }) {
  if (!source) return <span className="muted">{id}</span>;
  const href = safeUrl(source.url);
  const text = `${source.publisher}, ${source.title} (${source.date})`;
  return href ? (
    <a href={href} target="_blank" rel="noreferrer">
      {text}
    </a>
  ) : (
    <span>{text}</span>
  );
}

/** A card holding one table; the header row stays even when there are no rows, under the `empty` note. */
function TableCard({
  title,
  columns,
  empty,
  children,
}: {
  title: string;
  columns: string[];
  empty?: string | undefined;
  children: ReactNode;
}) {
  return (
    <section className="card">
      <h2>{title}</h2>
      {empty ? <p className="muted">{empty}</p> : null}
      <table className="table">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c}>{c}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}

export function RolePage({ id }: { id: string }) {
  const role = useApi(`role:${id}`, () => call(client.api.roles[":id"].$get({ param: { id } })));
  const { profile } = useProfile();
  const have = new Set(profile?.skills.map((s) => s.id));
  usePageTitle(role.data?.name ?? (role.error ? "Could not load this role" : "Role"));
  if (role.error) {
    return (
      <>
        <p>
          <Link to="/roles">← All roles</Link>
        </p>
        {/* The page's heading: an unknown role's page had none, and no title but "Role". */}
        <PageHeading>Could not load this role</PageHeading>
        <ErrorNote error={role.error} title="The server's answer" />
      </>
    );
  }
  if (!role.data) return <Loading />;
  const r = role.data;
  const skillList = (list: RoleDetail["skills"]["required"]) => (
    <ul className="skill-req">
      {list.map((s) => (
        <li key={s.skill}>
          <span className={`weight weight-${s.weight}`} title={IMPORTANCE[s.weight]} aria-hidden="true" />
          <span>{s.name}</span>
          <span className="muted small">{IMPORTANCE[s.weight]}</span>
          {profile ? (
            have.has(s.skill) ? (
              <Chip tone="met">you have it</Chip>
            ) : (
              <Chip tone="missing">to learn</Chip>
            )
          ) : null}
        </li>
      ))}
    </ul>
  );

  return (
    <article className="role">
      <p>
        <Link to="/roles">← All roles</Link>
      </p>
      <header className="page-header">
        <PageHeading>{r.name}</PageHeading>
        <p className="lead">{r.summary}</p>
        <p className="muted">Titles: {titleList(r.titles)}</p>
        {profile ? (
          <Link to={`/plan?role=${encodeURIComponent(r.id)}`} className="button primary">
            Plan my way to {r.name}
          </Link>
        ) : null}
      </header>

      <div className="grid-2">
        <section className="card">
          <h2>What the work is</h2>
          <ul className="plain-list bullets">
            {r.duties.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </section>
        <section className="card">
          <h2>Seniority ladder</h2>
          <ol className="ladder">
            {r.seniority.map((s) => (
              <li key={s.level}>
                <strong>{s.title}</strong> <span className="muted small">{s.level}</span>
                <div className="muted small">{yearsText(s.years)}</div>
              </li>
            ))}
          </ol>
        </section>
      </div>

      <div className="grid-2">
        <section className="card">
          <h2>Required skills</h2>
          {skillList(r.skills.required)}
        </section>
        <section className="card">
          <h2>Preferred skills</h2>
          {r.skills.preferred.length ? skillList(r.skills.preferred) : <p className="muted">None listed.</p>}
        </section>
      </div>

      <TableCard title="Ways in" columns={["Route", "Kind", "Duration", "Cost"]}>
        {r.educationRoutes.map((e) => (
          <tr key={e.id}>
            <td>{e.name}</td>
            <td>{e.kind}</td>
            <td>{e.months.min === e.months.max ? e.months.min : `${e.months.min}–${e.months.max}`} months</td>
            <td>
              {!e.cost
                ? "—"
                : e.cost.max === 0
                  ? "free"
                  : e.cost.min === e.cost.max
                    ? money(e.cost.max, e.cost.currency)
                    : `${money(e.cost.min, e.cost.currency)}–${money(e.cost.max, e.cost.currency)}`}
            </td>
          </tr>
        ))}
      </TableCard>

      <TableCard
        title="Pay"
        columns={["Figure", "Where", "Amount", "Middle half", "As of", "Source"]}
        empty={r.salary.length === 0 ? "No cited salary figures." : undefined}
      >
        {byLevel(r.salary).map((f) => (
          <tr key={`${f.label}-${f.region}-${f.level ?? ""}`}>
            <td>
              {f.label}
              {levelNote(f.label, f.level) ? <span className="muted small"> · {f.level}</span> : null}
            </td>
            <td>{f.region}</td>
            <td>
              {money(f.amount, f.currency, f.period)} <span className="muted small">{f.statistic}</span>
            </td>
            <td>{f.p25 && f.p75 ? `${money(f.p25, f.currency)}–${money(f.p75, f.currency)}` : "—"}</td>
            <td>{f.asOf}</td>
            <td>
              <Source source={f.sourceDetail} id={f.source} />
            </td>
          </tr>
        ))}
      </TableCard>

      <TableCard
        title="Outlook"
        columns={["Figure", "Where", "Growth", "Employment", "Openings a year", "Source"]}
        empty={r.outlook.length === 0 ? "No cited outlook figures." : undefined}
      >
        {r.outlook.map((f) => (
          <tr key={`${f.label}-${f.region}-${f.period}`}>
            <td>{f.label}</td>
            <td>{f.region}</td>
            <td>
              {f.growthPercent > 0 ? "+" : ""}
              {f.growthPercent}% <span className="muted small">{f.period}</span>
            </td>
            <td>{f.employment?.toLocaleString("en-US") ?? "—"}</td>
            <td>{f.annualOpenings?.toLocaleString("en-US") ?? "—"}</td>
            <td>
              <Source source={f.sourceDetail} id={f.source} />
            </td>
          </tr>
        ))}
      </TableCard>

      <div className="grid-2">
        <section className="card">
          <h2>Industries</h2>
          <div className="chips">
            {r.industryNames.map((n) => (
              <Chip key={n}>{n}</Chip>
            ))}
          </div>
        </section>
        <section className="card">
          <h2>Communities</h2>
          <ul className="plain-list">
            {r.communities.map((c) => (
              <li key={c.id}>
                {safeUrl(c.url) ? (
                  <a href={safeUrl(c.url)} target="_blank" rel="noreferrer">
                    {c.name}
                  </a>
                ) : (
                  c.name
                )}{" "}
                <span className="muted small">{c.kind}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </article>
  );
}
