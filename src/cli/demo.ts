import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import pc from "picocolors";
import { createResumeFileReader } from "../documents/read-resume.js";
import { getRole, packNames } from "../knowledge/query.js";
import { fitRoles } from "../match/fit.js";
import { searchPostings } from "../match/search.js";
import { createSkillGraph } from "../match/skill-graph.js";
import { buildPlan } from "../plan/roadmap.js";
import { inThreadPreparer } from "../sources/prepare-pool.js";
import { appliedMigrations } from "../store/db.js";
import { ingestFiles } from "../store/ingest.js";
import { createPostingRepository } from "../store/postings.js";
import { similarity } from "../text/minhash.js";
import type { CliContext } from "./context.js";
import { renderEvidence, renderFitTable } from "./fit.js";
import { heading, postingFacts, printJson, skillNames, wholeNumberOption } from "./format.js";
import { renderPlan } from "./plan.js";
import { thisMonth, today } from "./profile-input.js";

const SAMPLES = fileURLToPath(new URL("../../samples/resumes/", import.meta.url));
const SAMPLE_POSTINGS = fileURLToPath(new URL("../../samples/postings/postings.jsonl", import.meta.url));
const PERSONAS = [
  { file: "career-changer-two-column.pdf", who: "a maths teacher moving into data" },
  { file: "new-graduate.docx", who: "a computer-science graduate" },
  { file: "software-engineer.pdf", who: "a backend engineer moving into ML" },
  { file: "senior-data-scientist.pdf", who: "a senior data scientist" },
];

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command("demo")
    .description(
      "the main job on bundled samples: read four resumes, rank roles with evidence, plan the best one, rank sample postings",
    )
    .option("--persona <n>", "which sample to show in full: 1 career changer, 2 graduate, 3 engineer, 4 senior", "3")
    .option("--json", "print the sample profiles' fits and the plan as JSON")
    .action(async (opts: { persona: string; json?: boolean }) => {
      const { pack } = ctx.knowledge();
      const index = ctx.knowledge();
      // "9" had shown the last persona and "abc" the third: the choice is checked, not bent to fit.
      const persona = wholeNumberOption("persona", opts.persona, 1, PERSONAS.length);
      const reader = createResumeFileReader(pack);
      const now = thisMonth();
      const people = [];
      for (const p of PERSONAS) {
        const profile = await reader.fromFile(join(SAMPLES, p.file), now);
        people.push({ ...p, profile, fits: fitRoles(profile, pack, now) });
      }
      const chosen = people[persona - 1] ?? people[0];
      if (!chosen) return;
      const best = chosen.fits[0];
      const plan = best
        ? buildPlan(chosen.profile, getRole(index, best.id), pack, { hoursPerWeek: 10, start: today() })
        : null;
      // One visit to the store: the sample postings go in once (a second demo finds them there),
      // then they are ranked for the chosen person.
      const { store, ingest, postings } = await ctx.withStore(async (db) => {
        const repo = createPostingRepository(db, similarity);
        const ingest = await ingestFiles(repo, [SAMPLE_POSTINGS], inThreadPreparer(pack));
        const { results } = await searchPostings(repo, chosen.profile, {
          fitRoles: chosen.fits.map((f) => f.id),
          top: 5,
          names: packNames(index),
          graph: createSkillGraph(pack),
        });
        return {
          store: { kind: db.kind, location: db.location, migrations: (await appliedMigrations(db)).length },
          ingest,
          postings: results,
        };
      });
      if (opts.json) {
        return printJson({
          store,
          people: people.map((p) => ({
            file: p.file,
            who: p.who,
            top: p.fits.slice(0, 3).map((f) => ({ id: f.id, score: f.score })),
          })),
          plan,
          postings,
          ingest,
        });
      }
      console.log(pc.bold("mlpath demo: four sample resumes, read, ranked and planned on this machine"));
      console.log(
        pc.dim(
          `store: ${store.kind} at ${store.location} (${store.migrations} migrations); sample postings: ${ingest.inserted + ingest.duplicates} new, ${ingest.skipped} already stored`,
        ),
      );
      console.log(heading("Best-fitting roles per sample resume"));
      for (const p of people) {
        const top = p.fits
          .slice(0, 3)
          .map((f) => `${f.id} ${f.score.toFixed(0)}`)
          .join(", ");
        console.log(`  ${pc.bold(p.file.padEnd(30))} ${pc.dim(p.who.padEnd(36))} ${top}`);
      }
      console.log(heading(`In full: ${chosen.file} (${chosen.who}), ${chosen.profile.years} years of experience`));
      console.log(renderFitTable(chosen.fits.slice(0, 5)));
      if (best) {
        console.log(heading(`Evidence for ${best.name}`));
        console.log(renderEvidence(best));
      }
      if (plan) {
        console.log(heading("The plan for that role"));
        console.log(renderPlan(plan, true, 12));
      }
      if (postings.length) {
        console.log(heading(`Top postings for ${chosen.file} among the sample postings`));
        for (const [i, r] of postings.entries()) {
          console.log(
            `  ${i + 1}. ${pc.bold(r.posting.title)} - ${r.posting.company ?? "?"} ${pc.dim(`(${r.posting.location ?? ""})`)} ${pc.green(r.score.toFixed(0))}`,
          );
          const facts = postingFacts(r.posting);
          if (facts) console.log(`     ${facts}`);
          console.log(
            pc.dim(`     has ${skillNames(r, r.matched, 8) || "-"}; missing ${skillNames(r, r.missing, 5) || "-"}`),
          );
        }
      }
      console.log(
        pc.dim(
          `\nTry it on your own resume: mlpath fit CV.pdf, mlpath plan CV.pdf --role ID --format md > plan.md. Add real postings with mlpath ingest FILE and rank them with mlpath jobs search --resume CV.pdf.`,
        ),
      );
    });
}
