import type { Command } from "commander";
import pc from "picocolors";
import { getRole } from "../knowledge/query.js";
import {
  CREDIT,
  FIT_WEIGHTS,
  fitRoles,
  RELATED_YEARS_FACTOR,
  type RoleFit,
  type SkillEvidence,
  SOURCE_STRENGTH,
  UNRELATED_YEARS_FACTOR,
} from "../match/fit.js";
import type { CliContext } from "./context.js";
import { heading, printableStrings, printJson, table, topOption, wrap } from "./format.js";
import { PROFILE_INPUT, readProfile, thisMonth } from "./profile-input.js";

const bar = (score: number, width = 20) => {
  const full = Math.round((score / 100) * width);
  return pc.green("█".repeat(full)) + pc.dim("░".repeat(width - full));
};
const MARK = { met: pc.green("✓ met    "), partly: pc.yellow("~ partly "), missing: pc.red("✗ missing") };

export function renderEvidence(roleFit: RoleFit): string {
  // Evidence quotes the resume's lines, which may hold escape codes.
  const fit = printableStrings(roleFit);
  const out: string[] = [];
  for (const importance of ["required", "preferred"] as const) {
    const items = fit.evidence.filter((e): e is SkillEvidence => e.kind === "skill" && e.importance === importance);
    if (!items.length) continue;
    out.push(pc.bold(`  ${importance} skills`));
    for (const e of items.sort((a, b) => b.weight - a.weight)) {
      const proof = e.line ? pc.dim(` "${e.line.length > 70 ? `${e.line.slice(0, 67)}...` : e.line}"`) : "";
      const how = e.status === "met" && !e.via ? "" : pc.dim(` (${e.reason})`);
      out.push(`    ${MARK[e.status]} ${e.name}${how}${proof}`);
    }
  }
  for (const e of fit.evidence)
    if (e.kind !== "skill") out.push(`  ${pc.bold(e.kind.padEnd(10))} ${MARK[e.status]} ${e.detail}`);
  return out.join("\n");
}

export function renderFitTable(fits: RoleFit[]): string {
  return table(
    fits.map((f, i) => [
      String(i + 1),
      bar(f.score),
      f.score.toFixed(0).padStart(3),
      pc.bold(f.id),
      pc.dim(`${f.counts.met} met, ${f.counts.partly} partly, ${f.counts.missing} missing`),
    ]),
    ["#", "fit", "", "role", "evidence"],
  );
}

export function registerFit(program: Command, ctx: CliContext): void {
  program
    .command("fit")
    .description("rank every ML role for a resume, with the evidence behind each score")
    .argument("<file>", PROFILE_INPUT)
    .option("--role <id>", "show the evidence for this role (default: the best fit)")
    .option("--top <n>", "roles to list (default: all)")
    .option("--explain", "print the weights behind the score")
    .option("--json", "print every role's score and evidence as JSON")
    .action(async (file: string, opts: { role?: string; top?: string; explain?: boolean; json?: boolean }) => {
      const index = ctx.knowledge();
      // Options first, so a typo is reported before the resume is read, and in --json mode too.
      const top = opts.top === undefined ? undefined : topOption(opts.top);
      const roleId = opts.role === undefined ? undefined : getRole(index, opts.role).id;
      const profile = await readProfile(file, ctx);
      const fits = fitRoles(profile, index.pack, thisMonth());
      if (opts.json) return printJson(fits.slice(0, top));
      const focus = roleId ? fits.find((f) => f.id === roleId) : fits[0];
      console.log(renderFitTable(fits.slice(0, top)));
      if (focus) {
        console.log(heading(`Why ${focus.name} scores ${focus.score.toFixed(0)}`));
        console.log(renderEvidence(focus));
      }
      if (opts.explain) {
        console.log(heading("How the score is made"));
        console.log(
          wrap(
            `score = 100 x (${FIT_WEIGHTS.required} x required + ${FIT_WEIGHTS.preferred} x preferred + ${FIT_WEIGHTS.education} x education + ${FIT_WEIGHTS.experience} x experience). ` +
              `Each skill part is the weighted share of the role's skills met (skill weights 3 core, 2 important, 1 useful); a skill counts ${CREDIT.met} when on the resume ` +
              `(times ${Object.entries(SOURCE_STRENGTH)
                .map(([k, v]) => `${v} ${k}`)
                .join(", ")} by where it appears), ` +
              `${CREDIT.implied} when implied by a more advanced skill, ${CREDIT.alternative} for a close alternative (another skill of its group in the pack's alternatives.yaml), ${CREDIT.prerequisite} when only a prerequisite is there. ` +
              `Education is 1 when the degree meets the role's usual route; experience reaches 1 at 3 years in the role (a related role counts ${RELATED_YEARS_FACTOR} per year, other work ${UNRELATED_YEARS_FACTOR}).`,
            88,
            "  ",
          ),
        );
        if (focus) {
          const p = focus.parts;
          console.log(
            `  ${focus.id}: required ${p.required.toFixed(2)}, preferred ${p.preferred.toFixed(2)}, education ${p.education.toFixed(2)}, experience ${p.experience.toFixed(2)}`,
          );
        }
      }
    });
}
