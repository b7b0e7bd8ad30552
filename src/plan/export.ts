import { money } from "../text/money.js";
import type { Plan } from "./roadmap.js";

/**
 * A plan as documents to keep: Markdown (a checklist by milestone) and iCalendar (the milestones'
 * dates). One writer for the CLI's `--format md|ics` and `POST /api/plan/export`, which the web
 * page downloads from, so all give the same document.
 */

/** "$150,000 / year median (middle half $125,000 to $199,100), entry". */
export function payText(s: Plan["jobSearch"]["salary"][number]): string {
  const range = s.range ? ` (middle half ${money(s.range.p25, s.currency)} to ${money(s.range.p75, s.currency)})` : "";
  return `${money(s.amount, s.currency, s.period)} median${range}${s.level ? `, ${s.level}` : ""}`;
}

export const weeksText = (a: number, b: number): string => (a === b ? `week ${a}` : `weeks ${a}-${b}`);

/** What a skill left for later needs first: "needs 100 h first: Distributed systems, Networking". */
export const needsFirstText = (l: Plan["later"][number]): string =>
  `needs ${l.needsFirstHours} h first: ${l.needsFirst.map((p) => p.name).join(", ")}`;

/** "proves Docker, FastAPI; new here: MLflow": the skills a project needs that nothing before it taught. */
export const projectSkillsText = (p: Plan["projects"][number]): string => {
  const proves = p.skills.filter((s) => !s.new).map((s) => s.name);
  const fresh = p.skills.filter((s) => s.new).map((s) => s.name);
  return [proves.length ? `proves ${proves.join(", ")}` : "", fresh.length ? `new here: ${fresh.join(", ")}` : ""]
    .filter(Boolean)
    .join("; ");
};

/** Table cells and link texts must not end early on a "|" or "]" in a name. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const linkText = (text: string) => text.replace(/[[\]]/g, (c) => `\\${c}`);

export function planMarkdown(plan: Plan): string {
  const out: string[] = [
    `# Plan: ${plan.role.name}`,
    "",
    `${plan.weeks} weeks at ${plan.hoursPerWeek} hours a week (${plan.totalHours} hours), ${plan.start} to ${plan.end}.`,
    "",
    "| Milestone | Week | Date | Hours |",
    "| --- | --- | --- | --- |",
    ...plan.milestones.map((m) => `| ${cell(m.name)} | ${m.week} | ${m.date} | ${m.hours} |`),
    "",
  ];
  for (const m of plan.milestones) {
    out.push(`## ${m.name} (by ${m.date})`, "");
    for (const s of plan.steps.filter((x) => x.milestone === m.id)) {
      out.push(`- [ ] **${s.name}** - ${weeksText(s.week, s.endWeek)}, ${s.hours} h (${s.reason})`);
      for (const r of s.resources)
        out.push(`  - [${linkText(r.title)}](${r.url}), ${r.provider}, ${r.hours} h${r.free ? ", free" : ""}`);
    }
    if (m.id === "portfolio")
      for (const p of plan.projects)
        out.push(
          `- [ ] **${p.title}** - ${weeksText(p.week, p.endWeek)}, ${p.hours} h. ${p.description} (${projectSkillsText(p)})`,
        );
    if (m.id === "job-search") {
      const js = plan.jobSearch;
      for (const step of js.steps) out.push(`- [ ] ${step}`);
      for (const c of js.communities) out.push(`- Community: [${linkText(c.name)}](${c.url}) (${c.kind})`);
      for (const s of js.salary) out.push(`- Pay: ${payText(s)}, ${s.label}; source: ${s.source}, ${s.asOf}`);
    }
    out.push("");
  }
  if (plan.later.length) {
    out.push("## Later, once this plan is done", "");
    for (const l of plan.later) out.push(`- **${l.name}** - ${l.hours} h, preferred by the role; ${needsFirstText(l)}`);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** Calendar milestones (RFC 5545): one all-day event at each milestone's date. */
export function planIcs(plan: Plan): string {
  // A CR, alone or before LF, had gone out raw and ended the line early; RFC 5545 text allows no
  // control character but HTAB, so a line break of any kind becomes \n and the rest are dropped.
  const esc = (s: string) =>
    s
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\r\n?|\n/g, "\\n")
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");
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
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

/**
 * RFC 5545 folds a line longer than 75 octets: the rest goes on following lines that start with a
 * space. A long role and milestone name made SUMMARY lines of 92. Never cuts inside a character.
 */
function fold(line: string): string {
  const parts: string[] = [];
  let part = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (octets + size > (parts.length ? 74 : 75)) {
      parts.push(part);
      part = "";
      octets = 0;
    }
    part += ch;
    octets += size;
  }
  parts.push(part);
  return parts.join("\r\n ");
}
