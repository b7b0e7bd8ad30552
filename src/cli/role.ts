import type { Command } from "commander";
import pc from "picocolors";
import { describeRole, getRole, type RoleDescription } from "../knowledge/query.js";
import { SENIORITY_LEVELS, type Source } from "../knowledge/schema.js";
import { money } from "../text/money.js";
import type { CliContext } from "./context.js";
import { heading, printJson, wrap } from "./format.js";

const WEIGHT_LABEL = { 3: "core", 2: "important", 1: "useful" } as const;

const cite = (s: Source | undefined): string =>
  s ? pc.dim(`      source: ${s.publisher}, ${s.title}, ${s.date}${s.url ? ` - ${s.url}` : ""}`) : "";

const levelRank = (level: string | undefined) => (level ? SENIORITY_LEVELS.indexOf(level as never) + 1 : 0);

function costText(cost: { min: number; max: number; currency: string }): string {
  if (cost.max === 0) return "usually funded or free";
  if (cost.min === cost.max) return money(cost.min, cost.currency);
  return `${money(cost.min, cost.currency)}-${money(cost.max, cost.currency)}`;
}

export function renderRole(d: RoleDescription): string {
  const out: string[] = [`${pc.bold(d.name)} ${pc.dim(`(${d.id})`)}`, wrap(d.summary)];
  out.push(heading("Duties"), ...d.duties.map((x) => wrap(x, 88, "    ").replace(/^ {4}/, "  • ")));
  for (const kind of ["required", "preferred"] as const) {
    const reqs = d.skills[kind];
    if (reqs.length === 0) continue;
    out.push(heading(kind === "required" ? "Required skills, by importance" : "Preferred skills"));
    for (const w of [3, 2, 1] as const) {
      const names = reqs.filter((r) => r.weight === w).map((r) => r.name);
      if (names.length)
        out.push(wrap(names.join(", "), 88, "             ").replace(/^ {13}/, `  ${WEIGHT_LABEL[w].padEnd(11)}`));
    }
  }
  if (d.educationRoutes.length) {
    out.push(heading("Education routes"));
    for (const e of d.educationRoutes) {
      const months = e.months.min === e.months.max ? `${e.months.min}` : `${e.months.min}-${e.months.max}`;
      const cost = e.cost ? `, ${costText(e.cost)}` : "";
      out.push(`  • ${e.name} ${pc.dim(`(${e.kind}, ${months} months${cost})`)}`);
    }
  }
  out.push(heading("Seniority ladder"));
  for (const s of d.seniority)
    out.push(
      `  ${s.level.padEnd(10)} ${s.title} ${pc.dim(`(${/[a-z]/i.test(s.years) ? s.years : `${s.years} years`})`)}`,
    );
  if (d.salary.length) {
    out.push(heading("Pay"));
    for (const f of [...d.salary].sort((a, b) => levelRank(a.level) - levelRank(b.level))) {
      const level = f.level ? ` ${f.level}` : "";
      out.push(
        `  ${money(f.amount, f.currency, f.period)} ${f.statistic},${level} ${f.region}, ${f.asOf} - ${f.label}`,
      );
      out.push(cite(f.sourceDetail));
    }
  }
  if (d.outlook.length) {
    out.push(heading("Outlook"));
    for (const f of d.outlook) {
      const sign = f.growthPercent > 0 ? "+" : "";
      const extra = f.employment ? `, ${f.employment.toLocaleString("en-US")} employed` : "";
      out.push(`  ${sign}${f.growthPercent}% over ${f.period} in the ${f.region}${extra} - ${f.label}`);
      out.push(cite(f.sourceDetail));
    }
  }
  if (d.industryNames.length) out.push(heading("Industries"), wrap(d.industryNames.join(", "), 88, "  "));
  out.push(heading("Job titles"), wrap(d.titles.join(", "), 88, "  "));
  if (d.related.length) out.push(heading("Related roles"), `  ${d.related.join(", ")}`);
  const codes = [
    ...d.codes.onet.map((c) => `O*NET ${c.code} ${c.title}`),
    ...d.codes.esco.map((c) => `ESCO "${c.label}"`),
  ];
  if (codes.length) out.push(heading("Occupation codes"), wrap(codes.join("; "), 88, "  "));
  if (d.communities.length) {
    out.push(heading("Communities and events"));
    for (const c of d.communities) out.push(`  • ${c.name} ${pc.dim(`(${c.kind}) ${c.url}`)}`);
  }
  return out.filter((l) => l !== "").join("\n");
}

export function registerRole(program: Command, ctx: CliContext): void {
  program
    .command("role")
    .description("show one role: duties, skills by importance, education, pay and outlook with sources")
    .argument("<id>", "role id, as listed by `mlpath roles`")
    .option("--json", "print the role as JSON")
    .action((id: string, opts: { json?: boolean }) => {
      const index = ctx.knowledge();
      const d = describeRole(index, getRole(index, id));
      if (opts.json) return printJson(d);
      console.log(renderRole(d));
    });
}
