import type { Plan } from "./api.js";
import { money } from "./format.js";

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The plan as a Markdown document to keep, built from the same JSON the page shows. */
export function planMarkdown(plan: Plan): string {
  const lines = [
    `# Plan: ${plan.role.name}`,
    "",
    `${plan.weeks} weeks at ${plan.hoursPerWeek} hours a week (${plan.totalHours} hours), ${plan.start} to ${plan.end}.`,
    "",
    "## Milestones",
    "",
    "| Milestone | Week | Date | Hours |",
    "| --- | --- | --- | --- |",
    ...plan.milestones.map((m) => `| ${cell(m.name)} | ${m.week} | ${m.date} | ${m.hours} |`),
    "",
    "## Skills, in learning order",
    "",
  ];
  for (const s of plan.steps) {
    const weeks = s.week === s.endWeek ? `week ${s.week}` : `weeks ${s.week}-${s.endWeek}`;
    lines.push(`### ${s.name} (${weeks}, ${s.hours} h)`, "", s.reason, "");
    for (const r of s.resources) {
      lines.push(`- [${r.title}](${r.url}), ${r.provider}, ${r.hours} h${r.free ? ", free" : ""}`);
    }
    if (s.resources.length) lines.push("");
  }
  if (plan.projects.length) {
    lines.push("## Portfolio projects", "");
    for (const p of plan.projects) {
      lines.push(`- **${p.title}** (weeks ${p.week}-${p.endWeek}, ${p.hours} h): ${p.description}`);
    }
    lines.push("");
  }
  if (plan.later.length) {
    lines.push("## Later, once this plan is done", "");
    for (const l of plan.later) {
      const first = l.needsFirst.map((p) => p.name).join(", ");
      lines.push(`- **${l.name}** (${l.hours} h, preferred by the role): needs ${l.needsFirstHours} h first: ${first}`);
    }
    lines.push("");
  }
  const js = plan.jobSearch;
  lines.push("## Job search", "");
  if (js.titles.length) lines.push(`Titles to search for: ${js.titles.join(", ")}.`, "");
  for (const step of js.steps) lines.push(`- ${step}`);
  if (js.steps.length) lines.push("");
  if (js.salary.length) {
    lines.push("| Pay figure | Amount | Source |", "| --- | --- | --- |");
    for (const f of js.salary) {
      lines.push(`| ${cell(f.label)} | ${money(f.amount, f.currency, f.period)} | ${cell(f.source)}, ${f.asOf} |`);
    }
    lines.push("");
  }
  if (js.communities.length) {
    lines.push("Communities:", "");
    for (const c of js.communities) lines.push(`- [${c.name}](${c.url}) (${c.kind})`);
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
