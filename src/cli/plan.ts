import { type Command, Option } from "commander";
import pc from "picocolors";
import { AppError } from "../errors.js";
import { getRole } from "../knowledge/query.js";
import { fitRoles } from "../match/fit.js";
import { MILESTONES } from "../plan/gap.js";
import { buildPlan, HoursPerWeek, type Plan, PlanStart } from "../plan/roadmap.js";
import type { CliContext } from "./context.js";
import { heading, money, printJson, wrap } from "./format.js";
import { readProfile, thisMonth, today } from "./profile-input.js";

function hoursPerWeek(value: string): number {
  const n = Number(value);
  if (!HoursPerWeek.safeParse(n).success) {
    throw new AppError("INVALID_INPUT", `--hours-per-week must be a number from 1 to 100 (got "${value}")`, {
      hint: "for example --hours-per-week 10",
    });
  }
  return n;
}

function startDate(value: string): string {
  if (!PlanStart.safeParse(value).success) {
    throw new AppError("INVALID_INPUT", `--start must be a date as YYYY-MM-DD between 1970 and 2100 (got "${value}")`);
  }
  return value;
}

export function registerPlan(program: Command, ctx: CliContext): void {
  program
    .command("plan")
    .description("turn the gap to a role into a dated week-by-week learning plan")
    .argument("<file>", "a resume, a profile from `mlpath resume --json`, profile:ID for a saved one, or - for stdin")
    .option("--role <id>", "the target role (default: the best fit)")
    .option("--hours-per-week <n>", "study hours per week, from 1 to 100", "10")
    .option("--start <date>", "first day of the plan, YYYY-MM-DD (default: today)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "md", "ics"]).default("text"))
    .option("--json", "print the plan as JSON")
    .action(
      async (
        file: string,
        opts: { role?: string; hoursPerWeek: string; start?: string; format: string; json?: boolean },
      ) => {
        const index = ctx.knowledge();
        const perWeek = hoursPerWeek(opts.hoursPerWeek);
        const start = opts.start ? startDate(opts.start) : today();
        const role = opts.role ? getRole(index, opts.role) : undefined;
        const profile = await readProfile(file, ctx);
        const target = role ?? getRole(index, fitRoles(profile, index.pack, thisMonth())[0]?.id ?? "data-analyst");
        const plan = buildPlan(profile, target, index.pack, { hoursPerWeek: perWeek, start });
        if (opts.json) return printJson(plan);
        if (opts.format === "md") process.stdout.write(renderPlanMarkdown(plan));
        else if (opts.format === "ics") process.stdout.write(renderPlanIcs(plan));
        else console.log(renderPlan(plan, role === undefined));
      },
    );
}

/** "USD 150,000/year median (middle half USD 125,000 to USD 199,100), entry". */
function payText(s: Plan["jobSearch"]["salary"][number]): string {
  const range = s.range ? ` (middle half ${money(s.range.p25, s.currency)} to ${money(s.range.p75, s.currency)})` : "";
  return `${money(s.amount, s.currency, s.period)} median${range}${s.level ? `, ${s.level}` : ""}`;
}

const weeks = (a: number, b: number) => (a === b ? `week ${a}` : `weeks ${a}-${b}`);

export function renderPlan(plan: Plan, chosenByFit = false, maxSteps = Number.POSITIVE_INFINITY): string {
  const out: string[] = [];
  out.push(
    `${pc.bold(`Plan to become: ${plan.role.name}`)}${chosenByFit ? pc.dim(" (your best fit; pick another with --role)") : ""}`,
    `${plan.totalHours} hours at ${plan.hoursPerWeek} h/week: ${plan.weeks} weeks, ${plan.start} to ${plan.end}`,
  );
  let shown = 0;
  for (const m of MILESTONES) {
    const milestone = plan.milestones.find((x) => x.id === m.id);
    const steps = plan.steps.filter((s) => s.milestone === m.id);
    if (!milestone && m.id !== "job-search") continue;
    out.push(heading(`${m.name}${milestone ? ` - done by ${milestone.date} (week ${milestone.week})` : ""}`));
    for (const s of steps) {
      if (shown++ >= maxSteps) continue;
      const r = s.resources[0];
      out.push(
        `  ${pc.dim(weeks(s.week, s.endWeek).padEnd(12))} ${pc.bold(s.name)} ${pc.dim(`${s.hours}h, ${s.reason}`)}`,
      );
      if (r) out.push(pc.dim(`               ${r.title} (${r.provider}${r.free ? ", free" : ""}) ${r.url}`));
    }
    if (m.id === "portfolio") {
      for (const p of plan.projects) {
        out.push(
          `  ${pc.dim(weeks(p.week, p.endWeek).padEnd(12))} ${pc.bold(p.title)} ${pc.dim(`${p.hours}h, proves ${p.skills.join(", ")}`)}`,
        );
        out.push(pc.dim(wrap(p.description, 88, "               ")));
      }
    }
    if (m.id === "job-search") {
      for (const step of plan.jobSearch.steps) out.push(wrap(step, 88, "    ").replace(/^ {4}/, "  • "));
      for (const r of plan.jobSearch.routes) out.push(`  • Consider: ${r.name} ${pc.dim(`(${r.kind})`)}`);
      for (const s of plan.jobSearch.salary.slice(0, 3)) {
        out.push(`  • Expected pay: ${payText(s)}, ${s.label} ${pc.dim(`- ${s.source}, ${s.asOf}`)}`);
      }
    }
  }
  if (plan.later.length) {
    out.push(heading("Later, once this plan is done"));
    for (const l of plan.later)
      out.push(
        `  ${pc.bold(l.name)} ${pc.dim(`${l.hours}h, preferred by the role; needs ${l.needsFirstHours}h first: ${l.needsFirst.map((p) => p.name).join(", ")}`)}`,
      );
  }
  if (shown > maxSteps) out.push(pc.dim(`\n  ... ${shown - maxSteps} more steps: run \`mlpath plan FILE\` for all`));
  return out.join("\n");
}

export function renderPlanMarkdown(plan: Plan): string {
  const out: string[] = [`# Plan: ${plan.role.name}`, ""];
  out.push(
    `${plan.totalHours} hours at ${plan.hoursPerWeek} hours a week: ${plan.weeks} weeks, from ${plan.start} to ${plan.end}.`,
    "",
  );
  for (const m of MILESTONES) {
    const milestone = plan.milestones.find((x) => x.id === m.id);
    if (!milestone) continue;
    out.push(`## ${m.name} (by ${milestone.date})`, "");
    for (const s of plan.steps.filter((x) => x.milestone === m.id)) {
      const links = s.resources.map((r) => `[${r.title}](${r.url})${r.free ? " (free)" : ""}`).join(", ");
      out.push(
        `- [ ] **${s.name}** - ${weeks(s.week, s.endWeek)}, ${s.hours} h (${s.reason})${links ? `: ${links}` : ""}`,
      );
    }
    if (m.id === "portfolio")
      for (const p of plan.projects)
        out.push(`- [ ] **${p.title}** - ${weeks(p.week, p.endWeek)}, ${p.hours} h. ${p.description}`);
    if (m.id === "job-search") {
      for (const step of plan.jobSearch.steps) out.push(`- [ ] ${step}`);
      for (const c of plan.jobSearch.communities) out.push(`- Community: [${c.name}](${c.url}) (${c.kind})`);
      for (const s of plan.jobSearch.salary)
        out.push(`- Pay: ${payText(s)}, ${s.label}; source: ${s.source}, ${s.asOf}`);
    }
    out.push("");
  }
  if (plan.later.length) {
    out.push("## Later, once this plan is done", "");
    for (const l of plan.later)
      out.push(
        `- **${l.name}** - ${l.hours} h, preferred by the role; needs ${l.needsFirstHours} h first: ${l.needsFirst.map((p) => p.name).join(", ")}`,
      );
    out.push("");
  }
  return `${out.join("\n")}\n`;
}

/** Calendar milestones (RFC 5545): one all-day event at each milestone's date. */
export function renderPlanIcs(plan: Plan): string {
  const esc = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, "\\n");
  const day = (d: string) => d.replace(/-/g, "");
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mlpath//plan//EN", "CALSCALE:GREGORIAN"];
  for (const m of plan.milestones) {
    const following = new Date(`${m.date}T00:00:00Z`);
    following.setUTCDate(following.getUTCDate() + 1);
    lines.push(
      "BEGIN:VEVENT",
      `UID:${plan.role.id}-${m.id}-${plan.start}@mlpath`,
      `DTSTAMP:${day(plan.start)}T000000Z`,
      `DTSTART;VALUE=DATE:${day(m.date)}`,
      `DTEND;VALUE=DATE:${day(following.toISOString().slice(0, 10))}`,
      `SUMMARY:${esc(`${plan.role.name}: ${m.name}`)}`,
      `DESCRIPTION:${esc(`Week ${m.week} of ${plan.weeks}, ${m.hours} hours.`)}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.join("\r\n")}\r\n`;
}
