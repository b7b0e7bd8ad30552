import { type Command, Option } from "commander";
import pc from "picocolors";
import { AppError } from "../errors.js";
import { getRole } from "../knowledge/query.js";
import { fitRoles } from "../match/fit.js";
import { needsFirstText, payText, planIcs, planMarkdown, projectSkillsText, weeksText } from "../plan/export.js";
import { MILESTONES } from "../plan/gap.js";
import { buildPlan, HoursPerWeek, type Plan, PlanStart } from "../plan/roadmap.js";
import type { CliContext } from "./context.js";
import { heading, numberOption, printJson, wrap } from "./format.js";
import { PROFILE_INPUT, readProfile, thisMonth, today } from "./profile-input.js";

function hoursPerWeek(value: string): number {
  const n = numberOption(value);
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
    .argument("<file>", PROFILE_INPUT)
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
        // --json had won silently over the document asked for.
        if (opts.json && opts.format !== "text")
          throw new AppError("INVALID_INPUT", `--json and --format ${opts.format} ask for two outputs; pick one`);
        const index = ctx.knowledge();
        const perWeek = hoursPerWeek(opts.hoursPerWeek);
        const start = opts.start !== undefined ? startDate(opts.start) : today();
        const role = opts.role !== undefined ? getRole(index, opts.role) : undefined;
        const profile = await readProfile(file, ctx);
        const target = role ?? getRole(index, fitRoles(profile, index.pack, thisMonth())[0]?.id ?? "data-analyst");
        const plan = buildPlan(profile, target, index.pack, { hoursPerWeek: perWeek, start });
        if (opts.json) return printJson(plan);
        if (opts.format === "md") process.stdout.write(planMarkdown(plan));
        else if (opts.format === "ics") process.stdout.write(planIcs(plan));
        else console.log(renderPlan(plan, role === undefined));
      },
    );
}

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
        `  ${pc.dim(weeksText(s.week, s.endWeek).padEnd(12))} ${pc.bold(s.name)} ${pc.dim(`${s.hours}h, ${s.reason}`)}`,
      );
      if (r) out.push(pc.dim(`               ${r.title} (${r.provider}${r.free ? ", free" : ""}) ${r.url}`));
    }
    if (m.id === "portfolio") {
      for (const p of plan.projects) {
        out.push(
          `  ${pc.dim(weeksText(p.week, p.endWeek).padEnd(12))} ${pc.bold(p.title)} ${pc.dim(`${p.hours}h, ${projectSkillsText(p)}`)}`,
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
      out.push(`  ${pc.bold(l.name)} ${pc.dim(`${l.hours} h, preferred by the role; ${needsFirstText(l)}`)}`);
  }
  if (shown > maxSteps) out.push(pc.dim(`\n  ... ${shown - maxSteps} more steps: run \`mlpath plan FILE\` for all`));
  return out.join("\n");
}
