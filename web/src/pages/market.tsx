import { type FormEvent, useMemo, useState } from "react";
import {
  call,
  client,
  type Industries,
  type SalaryEstimate,
  type SalaryPercentiles,
  type SkillDemand,
  type SkillTrend,
  type SkillTrends,
} from "../api.js";
import { Chart, ChartNumbers, type ChartOption, PALETTE, TOOLTIP } from "../chart.js";
import { demandTable, estimateTable, industryTable, percentileTable } from "../chart-table.js";
import { LEVELS, money, percent, plural } from "../format.js";
import { ErrorNote, Loading, PageHeader, RoleSelect } from "../ui.js";
import { useApi } from "../use-api.js";

const levelRank = (l: string | null) => (l === null ? LEVELS.length : LEVELS.indexOf(l));
const thousands = (v: number) => (Math.abs(v) >= 1000 ? `${Math.round(v / 1000)}k` : String(Math.round(v)));

function demandOption(demand: SkillDemand): ChartOption {
  const rows = [...demand.skills].reverse();
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 24, containLabel: true },
    tooltip: { ...TOOLTIP, trigger: "item" },
    xAxis: { type: "value", max: 1, axisLabel: { formatter: (v: number) => percent(v) } },
    yAxis: { type: "category", data: rows.map((s) => s.name), axisTick: { show: false } },
    series: [
      {
        type: "bar",
        name: "share of postings",
        data: rows.map((s) => ({
          value: s.share,
          name: s.name,
          tooltip: { formatter: `${s.name}: ${percent(s.share)} (${s.n} of ${demand.total} postings)` },
        })),
        itemStyle: { color: PALETTE.primary, borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: "right", formatter: (p: { value: unknown }) => percent(Number(p.value)) },
      },
    ],
  };
}

/** Keeps the currency most rows are in: percentiles in different currencies do not share an axis. */
function salaryRows(rows: SalaryPercentiles[], roleNames: Map<string, string>, allRoles: boolean) {
  const byCurrency = new Map<string, number>();
  for (const r of rows) byCurrency.set(r.currency, (byCurrency.get(r.currency) ?? 0) + r.n);
  const currency = [...byCurrency].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "USD";
  const kept = rows
    .filter((r) => r.currency === currency)
    .sort((a, b) => (a.roleId ?? "").localeCompare(b.roleId ?? "") || levelRank(a.seniority) - levelRank(b.seniority));
  /** The row's role (when all roles are shown) and level; the chart's label adds how many postings. */
  const group = (r: SalaryPercentiles) => {
    const level = r.seniority ?? "level not stated";
    return allRoles ? `${roleNames.get(r.roleId ?? "") ?? r.roleId ?? "other"} · ${level}` : level;
  };
  const label = (r: SalaryPercentiles) => `${group(r)} (${r.n})`;
  return { currency, kept, hidden: rows.length - kept.length, group, label };
}

function percentileOption(
  rows: SalaryPercentiles[],
  label: (r: SalaryPercentiles) => string,
  currency: string,
): ChartOption {
  const shown = [...rows].reverse();
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
    tooltip: { ...TOOLTIP, trigger: "item" },
    xAxis: { type: "value", axisLabel: { formatter: thousands }, name: currency, nameLocation: "end" },
    // Rows are tall enough for two lines: a name cut short would hide the level that tells rows apart.
    yAxis: { type: "category", data: shown.map(label), axisTick: { show: false }, axisLabel: { overflow: "break" } },
    series: [
      {
        type: "boxplot",
        layout: "horizontal",
        data: shown.map((r) => ({
          value: [r.p10, r.p25, r.p50, r.p75, r.p90],
          tooltip: {
            formatter: `${label(r)} postings\n10th ${money(r.p10, currency)} · median ${money(r.p50, currency)} · 90th ${money(r.p90, currency)}`,
          },
        })),
        itemStyle: { color: PALETTE.soft, borderColor: PALETTE.primary },
      },
    ],
  };
}

function estimateOption(e: SalaryEstimate): ChartOption {
  const pad = (e.high - e.low) * 0.35;
  return {
    // Room on the right for the currency named at the axis's end, which containLabel leaves out.
    grid: { left: 8, right: 48, top: 16, bottom: 24, containLabel: true },
    tooltip: { ...TOOLTIP, trigger: "item" },
    xAxis: {
      type: "value",
      min: Math.max(0, Math.floor((e.low - pad) / 10000) * 10000),
      max: Math.ceil((e.high + pad) / 10000) * 10000,
      axisLabel: { formatter: thousands },
      name: e.currency,
    },
    yAxis: { type: "category", data: ["estimate"], show: false },
    series: [
      // An invisible bar up to the low end, then the interval stacked on it: a floating range.
      { type: "bar", stack: "range", data: [e.low], itemStyle: { color: "transparent" }, silent: true, barWidth: 28 },
      {
        type: "bar",
        stack: "range",
        data: [e.high - e.low],
        tooltip: { formatter: `80% interval: ${money(e.low, e.currency)} to ${money(e.high, e.currency)}` },
        itemStyle: { color: PALETTE.soft, borderColor: PALETTE.primary, borderWidth: 1, borderRadius: 4 },
        barWidth: 28,
      },
      {
        type: "scatter",
        data: [[e.estimate, "estimate"]],
        tooltip: { formatter: `estimate: ${money(e.estimate, e.currency)}` },
        symbol: "diamond",
        symbolSize: 18,
        itemStyle: { color: PALETTE.primary },
        label: { show: true, position: "top", formatter: () => money(e.estimate, e.currency) },
      },
    ],
  };
}

/** Postings by industry, each bar labelled with its count and the median yearly USD pay stated. */
function industryOption(rows: Industries["industries"]): ChartOption {
  const shown = [...rows].reverse();
  const pay = (r: Industries["industries"][number]) =>
    r.medianSalaryUsd === null ? "no yearly USD salary stated" : `median ${money(r.medianSalaryUsd, "USD")}`;
  return {
    grid: { left: 8, right: 120, top: 8, bottom: 24, containLabel: true },
    tooltip: { ...TOOLTIP, trigger: "item" },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: {
      type: "category",
      data: shown.map((r) => r.name),
      axisTick: { show: false },
      axisLabel: { width: 220, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        name: "postings",
        data: shown.map((r) => ({
          value: r.postings,
          name: r.name,
          tooltip: {
            formatter: `${r.name}${r.naics ? ` (NAICS ${r.naics})` : ""}: ${plural(r.postings, "posting")}\n${pay(r)}${
              r.medianSalaryUsd === null ? "" : ` (from the ${r.withSalary} that state one)`
            }`,
          },
          label: {
            formatter:
              r.medianSalaryUsd === null ? String(r.postings) : `${r.postings} · $${thousands(r.medianSalaryUsd)}`,
          },
        })),
        itemStyle: { color: PALETTE.primary, borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: "right" },
      },
    ],
  };
}

const points = (change: number) => `${change > 0 ? "+" : change < 0 ? "\u2212" : ""}${Math.abs(change).toFixed(1)} pts`;

function TrendTable({
  rows,
  direction,
  totals,
}: {
  rows: SkillTrend[];
  direction: "up" | "down";
  totals: SkillTrends["totals"];
}) {
  const title = direction === "up" ? "Rising" : "Falling";
  return (
    <>
      <h3>{title}</h3>
      <table className="table trend-table" aria-label={`${title} skills`}>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.skill} className={`trend-${direction}`}>
              <td>{t.name}</td>
              <td title={`${t.before} of ${totals.before} postings`}>{percent(t.shareBefore)}</td>
              <td title={`${t.after} of ${totals.after} postings`}>
                <span aria-hidden="true">{"\u2192 "}</span>
                {percent(t.shareAfter)}
              </td>
              <td className="trend-change" title={`q = ${t.q.toPrecision(2)}`}>
                <span aria-hidden="true">{direction === "up" ? "\u25b2 " : "\u25bc "}</span>
                {points(t.change)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Skills whose share of postings moved between two periods by more than chance explains. */
function TrendsPanel({ role, roleName }: { role: string; roleName: string | undefined }) {
  const [draft, setDraft] = useState("");
  const [split, setSplit] = useState("");
  const trends = useApi(`trends:${role}:${split}`, () =>
    call(
      client.api.market.trends.$get({
        query: { top: "10", ...(role ? { role } : {}), ...(split ? { split } : {}) },
      }),
    ),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSplit(draft);
  };
  const t = trends.data;
  const none = t && t.rising.length === 0 && t.falling.length === 0;
  return (
    <section className="card" aria-labelledby="trends-title">
      <h2 id="trends-title">Rising and falling skills</h2>
      <form className="toolbar inline" onSubmit={submit}>
        <label>
          Split date (optional)
          <input type="date" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit">Compare</button>
        {split ? (
          <button
            type="button"
            onClick={() => {
              setDraft("");
              setSplit("");
            }}
          >
            Use the median date
          </button>
        ) : null}
      </form>
      <ErrorNote error={trends.error} title="Could not compare the periods" />
      {trends.loading && !t ? <Loading /> : null}
      {t ? (
        <p className="muted small" data-testid="trend-totals">
          {t.split
            ? `${plural(t.totals.before, "posting")} before ${t.split} and ${t.totals.after} from it on${
                roleName ? ` for ${roleName}` : ""
              }${split ? "" : " (split at the first month after the median posting)"}. Periods are whole months. A skill is listed when its share changed beyond chance (false-discovery rate under 5%).`
            : `No stored posting${roleName ? ` for ${roleName}` : ""} has a date, so there are no periods to compare.`}
        </p>
      ) : null}
      {t?.split && none ? (
        t.totals.before === 0 || t.totals.after === 0 ? (
          <p className="muted">
            Every posting falls {t.totals.before === 0 ? "on or after" : "before"} {t.split}: pick a split date between
            the first and the last posting.
          </p>
        ) : (
          <p className="trend-none">No change beyond chance between the two periods.</p>
        )
      ) : null}
      {t?.rising.length ? <TrendTable rows={t.rising} direction="up" totals={t.totals} /> : null}
      {t?.falling.length ? <TrendTable rows={t.falling} direction="down" totals={t.totals} /> : null}
    </section>
  );
}

/** Postings and stated pay by industry (a chart) and by employer (a table). */
function IndustriesPanel({ role, roleName }: { role: string; roleName: string | undefined }) {
  const data = useApi(`industries:${role}`, () =>
    call(client.api.market.industries.$get({ query: { top: "10", ...(role ? { role } : {}) } })),
  );
  const d = data.data;
  const option = useMemo(() => (d?.industries.length ? industryOption(d.industries) : null), [d]);
  const numbers = useMemo(() => (d?.industries.length ? industryTable(d.industries) : null), [d]);
  const industryName = useMemo(() => new Map(d?.industries.map((i) => [i.industry, i.name])), [d]);
  const unmapped = d?.industries.every((i) => i.industry === null);
  return (
    <section className="card" aria-labelledby="industries-title">
      <h2 id="industries-title">Industries and employers</h2>
      <ErrorNote error={data.error} title="Could not load industries" />
      {data.loading && !d ? <Loading /> : null}
      {d && d.industries.length === 0 ? (
        <p className="muted">No postings stored{roleName ? ` for ${roleName}` : ""}.</p>
      ) : null}
      {option && d ? (
        <>
          <p className="muted small">
            Unique postings{roleName ? ` for ${roleName}` : ""} by the employer's industry as the source states it,
            mapped to the knowledge pack's industries; the label adds the median yearly salary stated in USD.
            {unmapped ? " None of these postings states an industry the pack knows." : ""}
          </p>
          <Chart option={option} height={56 + d.industries.length * 30} label="Postings by industry bar chart" />
          {numbers ? <ChartNumbers table={numbers} /> : null}
        </>
      ) : null}
      {d?.employers.length ? (
        <table className="table" aria-label="Top employers">
          <thead>
            <tr>
              <th scope="col">Employer</th>
              <th scope="col">Industry</th>
              <th scope="col">Postings</th>
              <th scope="col">Median stated pay (USD a year)</th>
            </tr>
          </thead>
          <tbody>
            {d.employers.map((e) => (
              <tr key={e.company}>
                <td>{e.company}</td>
                <td>{e.industry === null ? "not stated" : (industryName.get(e.industry) ?? e.industry)}</td>
                <td>{e.postings}</td>
                <td>
                  {e.medianSalaryUsd === null ? (
                    <span className="muted">not stated</span>
                  ) : (
                    <>
                      {money(e.medianSalaryUsd, "USD")}
                      {e.withSalary < e.postings ? (
                        <span className="muted small"> ({e.withSalary} stating)</span>
                      ) : null}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

interface EstimateQuery {
  role: string;
  level: "entry" | "mid" | "senior" | "executive";
  country: string;
  remote: "" | "0" | "50" | "100";
  title: string;
  /** The currency the pay is in ("" for the country's usual mix): a job abroad paid in USD pays like a US one. */
  paidIn: string;
  /** The currency the answer is shown in. */
  currency: string;
}

/**
 * Currencies the survey's rate table converts to; the server refuses others with the list it knows.
 * Also the pay currencies offered: the model only tells US dollars from the rest, so any will do.
 */
const CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "JPY", "SGD", "PLN", "BRL", "MXN", "ZAR"];
const currencyOptions = CURRENCIES.map((c) => (
  <option key={c} value={c}>
    {c}
  </option>
));

export function MarketPage() {
  const roles = useApi("roles", () => call(client.api.roles.$get()));
  const roleNames = useMemo(() => new Map(roles.data?.map((r) => [r.id, r.name])), [roles.data]);
  const [role, setRole] = useState("");
  const demand = useApi(`demand:${role}`, () =>
    call(client.api.market.skills.$get({ query: { top: "15", ...(role ? { role } : {}) } })),
  );
  const salaries = useApi(`salaries:${role}`, () =>
    call(client.api.market.salaries.$get({ query: role ? { role } : {} })),
  );
  const [draft, setDraft] = useState<EstimateQuery>({
    role: "data-scientist",
    level: "mid",
    country: "US",
    remote: "",
    title: "",
    paidIn: "",
    currency: "USD",
  });
  const [asked, setAsked] = useState(draft);
  const estimate = useApi(`salary:${JSON.stringify(asked)}`, () =>
    call(
      client.api.salary.$get({
        query: {
          role: asked.role,
          level: asked.level,
          country: asked.country,
          ...(asked.remote ? { remote: asked.remote } : {}),
          ...(asked.title.trim() ? { title: asked.title.trim() } : {}),
          ...(asked.paidIn ? { paidIn: asked.paidIn } : {}),
          ...(asked.currency !== "USD" ? { currency: asked.currency } : {}),
        },
      }),
    ),
  );

  const demandChart = useMemo(() => (demand.data ? demandOption(demand.data) : null), [demand.data]);
  const pay = useMemo(
    () => (salaries.data ? salaryRows(salaries.data, roleNames, role === "") : null),
    [salaries.data, roleNames, role],
  );
  const payChart = useMemo(
    () => (pay?.kept.length ? percentileOption(pay.kept, pay.label, pay.currency) : null),
    [pay],
  );
  const estimateChart = useMemo(() => (estimate.data ? estimateOption(estimate.data) : null), [estimate.data]);
  // The same numbers as tables, from the same data, for those who cannot hover the canvases.
  const demandNumbers = useMemo(() => (demand.data ? demandTable(demand.data) : null), [demand.data]);
  const payNumbers = useMemo(
    () => (pay?.kept.length ? percentileTable(pay.kept, pay.group, pay.currency) : null),
    [pay],
  );
  const estimateNumbers = useMemo(() => (estimate.data ? estimateTable(estimate.data) : null), [estimate.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(draft);
  };

  return (
    <>
      <PageHeader title="The market">
        What the postings in this server's store ask for and pay, and a salary estimate with an honest interval from the
        aijobs.net survey (CC0).
      </PageHeader>
      <div className="card toolbar">
        <RoleSelect roles={roles.data} value={role} onChange={setRole} blank="All roles" />
      </div>

      <div className="grid-2">
        <section className="card">
          <h2>Skills in demand</h2>
          <ErrorNote error={demand.error} title="Could not load skill demand" />
          {demand.loading && !demand.data ? <Loading /> : null}
          {/* "Share of 0 unique postings" had stood above "No postings stored". */}
          {demand.data && demand.data.total > 0 ? (
            <p className="muted small">
              Share of {demand.data.total} unique postings{role ? ` for ${roleNames.get(role) ?? role}` : ""} asking for
              each skill.
            </p>
          ) : null}
          {demand.data && demand.data.total === 0 ? (
            <p className="muted">No postings stored{role ? " for this role" : ""}. Add some with mlpath ingest.</p>
          ) : null}
          {demandChart && demand.data?.skills.length ? (
            <>
              <Chart option={demandChart} height={40 + demand.data.skills.length * 24} label="Skill demand bar chart" />
              {demandNumbers ? <ChartNumbers table={demandNumbers} /> : null}
            </>
          ) : null}
        </section>

        <section className="card">
          <h2>Salaries by level</h2>
          <ErrorNote error={salaries.error} title="Could not load salaries" />
          {salaries.loading && !salaries.data ? <Loading /> : null}
          {pay ? (
            <p className="muted small">
              10th, 25th, 50th, 75th and 90th percentile of the yearly salary midpoints postings state, in{" "}
              {pay.currency}
              {pay.hidden ? ` (${pay.hidden} groups in other currencies left out)` : ""}; in brackets, how many postings
              each box is made of.
            </p>
          ) : null}
          {pay && pay.kept.length === 0 ? (
            <p className="muted">No stored posting{role ? " for this role" : ""} states a yearly salary.</p>
          ) : null}
          {payChart && pay ? (
            <>
              <Chart option={payChart} height={56 + pay.kept.length * 34} label="Salary percentiles by level" />
              {payNumbers ? <ChartNumbers table={payNumbers} /> : null}
            </>
          ) : null}
        </section>
      </div>

      <div className="grid-2">
        <TrendsPanel role={role} roleName={role ? (roleNames.get(role) ?? role) : undefined} />
        <IndustriesPanel role={role} roleName={role ? (roleNames.get(role) ?? role) : undefined} />
      </div>

      <section className="card">
        <h2>Salary estimate</h2>
        <form className="toolbar inline" onSubmit={submit}>
          <RoleSelect roles={roles.data} value={draft.role} onChange={(id) => setDraft({ ...draft, role: id })} />
          <label>
            Level
            <select
              value={draft.level}
              onChange={(e) => setDraft({ ...draft, level: e.target.value as EstimateQuery["level"] })}
            >
              <option value="entry">entry</option>
              <option value="mid">mid</option>
              <option value="senior">senior</option>
              <option value="executive">executive</option>
            </select>
          </label>
          <label>
            Country
            <input
              value={draft.country}
              onChange={(e) => setDraft({ ...draft, country: e.target.value })}
              maxLength={2}
              size={3}
              required
            />
          </label>
          <label>
            Remote
            <select
              value={draft.remote}
              onChange={(e) => setDraft({ ...draft, remote: e.target.value as EstimateQuery["remote"] })}
            >
              <option value="">any</option>
              <option value="0">on site</option>
              <option value="50">hybrid</option>
              <option value="100">fully remote</option>
            </select>
          </label>
          <label>
            Job title
            <input
              value={draft.title}
              onChange={(e) => setDraft({ ...draft, title: e.target.value })}
              maxLength={200}
              size={18}
              placeholder="optional, e.g. staff ML engineer"
            />
          </label>
          <label title="The currency the pay is in: USD for a US employer abroad">
            Paid in
            <select value={draft.paidIn} onChange={(e) => setDraft({ ...draft, paidIn: e.target.value })}>
              <option value="">the country's usual mix</option>
              {currencyOptions}
            </select>
          </label>
          <label>
            Currency
            <select value={draft.currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value })}>
              {currencyOptions}
            </select>
          </label>
          <button type="submit" className="primary">
            Estimate
          </button>
        </form>
        <ErrorNote error={estimate.error} title="No estimate" />
        {estimate.loading && !estimate.data ? <Loading /> : null}
        {estimate.data ? (
          <>
            <p className="estimate-text">
              <strong>{money(estimate.data.estimate, estimate.data.currency, estimate.data.period)}</strong>, 80%
              interval {money(estimate.data.low, estimate.data.currency)} to{" "}
              {money(estimate.data.high, estimate.data.currency)}
              <span className="muted small">
                {" "}
                · from {plural(estimate.data.n, "survey record")} in {estimate.data.cell}
                {/* The groups too small to answer, as the CLI says; "(widened: ... / NG)" had read as widened to them. */}
                {estimate.data.widened.length ? `, as there were too few in ${estimate.data.widened.join("; ")}` : ""}
                {estimate.data.paidIn
                  ? ` · paid in ${estimate.data.paidIn}`
                  : ` · the usual mix of pay currencies in ${asked.country.toUpperCase()}`}
                {estimate.data.conversion
                  ? ` · converted from USD at the survey's ${estimate.data.conversion.year} average rate (1 USD = ${estimate.data.conversion.rate.toFixed(4)} ${estimate.data.conversion.to})`
                  : ""}
              </span>
            </p>
            {estimateChart ? <Chart option={estimateChart} height={110} label="Salary estimate range" /> : null}
            {estimateNumbers ? <ChartNumbers table={estimateNumbers} /> : null}
          </>
        ) : null}
      </section>
    </>
  );
}
