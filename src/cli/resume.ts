import type { Command } from "commander";
import pc from "picocolors";
import type { Profile } from "../documents/profile.js";
import { createResumeFileReader, RESUME_FORMATS } from "../documents/read-resume.js";
import type { CliContext } from "./context.js";
import { heading, printableStrings, printJson, wrap } from "./format.js";
import { thisMonth } from "./profile-input.js";

export function registerResume(program: Command, ctx: CliContext): void {
  program
    .command("resume")
    .description(`read a resume (${RESUME_FORMATS}) into a profile`)
    .argument("<file>", "the resume file, or - for stdin")
    .option("--json", "print the profile as JSON")
    .action(async (file: string, opts: { json?: boolean }) => {
      const reader = createResumeFileReader(ctx.knowledge().pack);
      const profile = await reader.fromFile(file, thisMonth());
      // Named as errors name it: "-" is no name a person gave the resume.
      const where = file === "-" ? "stdin" : file;
      for (const w of profile.warnings) process.stderr.write(`mlpath: ${where}: warning: ${w}\n`);
      if (opts.json) return printJson(profile);
      console.log(renderProfile(profile));
    });
}

const range = (start: string | null, end: string | null) => (start ? `${start} - ${end ?? "?"}` : "undated");

export function renderProfile(profile: Profile): string {
  // A resume's text is a stranger's: escape codes in a name or title had reached the terminal.
  const p = printableStrings(profile);
  const out: string[] = [];
  out.push(pc.bold(p.contact.name ?? "(no name found)"));
  if (p.headline) out.push(p.headline);
  const contact = [p.contact.email, p.contact.phone, ...p.contact.links].filter(Boolean);
  if (contact.length) out.push(pc.dim(contact.join("  ")));
  out.push(
    `${p.years} years of professional experience · read from ${p.document.format}${p.document.columns?.includes(2) ? " (two columns)" : ""}`,
  );
  if (p.experience.length) {
    out.push(heading("Experience"));
    for (const e of p.experience) {
      const role = e.roleId ? pc.green(` → ${e.roleId}`) : "";
      out.push(
        `  ${pc.bold(e.title)}${e.organisation ? `, ${e.organisation}` : ""} ${pc.dim(range(e.start, e.end))}${role}`,
      );
      if (e.skills.length) out.push(pc.dim(wrap(`skills: ${e.skills.join(", ")}`, 88, "    ")));
    }
  }
  if (p.education.length) {
    out.push(heading("Education"));
    for (const e of p.education) {
      out.push(
        `  ${[e.level ?? "degree", e.field && `in ${e.field}`, e.institution && `- ${e.institution}`].filter(Boolean).join(" ")} ${pc.dim(e.end ?? "")}`,
      );
    }
  }
  if (p.certifications.length) {
    out.push(heading("Certifications"));
    for (const c of p.certifications)
      out.push(`  ${c.name}${c.issuer ? `, ${c.issuer}` : ""}${c.date ? ` (${c.date})` : ""}`);
  }
  if (p.projects.length) {
    out.push(heading("Projects"));
    for (const pr of p.projects)
      out.push(`  ${pc.bold(pr.name)}${pr.skills.length ? pc.dim(` - ${pr.skills.join(", ")}`) : ""}`);
  }
  out.push(heading(`Skills (${p.skills.length})`));
  const bySource = new Map<string, string[]>();
  for (const s of p.skills) bySource.set(s.source, [...(bySource.get(s.source) ?? []), s.name]);
  for (const [source, names] of bySource)
    out.push(wrap(`${source}: ${names.join(", ")}`, 88, "    ").replace(/^ {4}/, "  "));
  return out.join("\n");
}
