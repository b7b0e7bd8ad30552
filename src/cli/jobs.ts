import type { Command } from "commander";
import pc from "picocolors";
import { AppError } from "../errors.js";
import { getRole, packNames } from "../knowledge/query.js";
import { usdPerUnit } from "../market/exchange.js";
import { fitRoles } from "../match/fit.js";
import { searchPostings } from "../match/search.js";
import { createSkillGraph } from "../match/skill-graph.js";
import { createPostingRepository } from "../store/postings.js";
import { similarity } from "../text/minhash.js";
import type { CliContext } from "./context.js";
import { countryOption, numberOption, postingFacts, printable, printJson, skillNames, topOption } from "./format.js";
import { PROFILE_INPUT, readProfile, thisMonth } from "./profile-input.js";

export function registerJobs(program: Command, ctx: CliContext): void {
  const jobs = program.command("jobs").description("postings in the store");
  jobs
    .command("stats")
    .description("how many postings the store holds, and how many are reposts")
    .option("--json", "print the counts as JSON")
    .action(async (opts: { json?: boolean }) => {
      await ctx.withStore(async (db) => {
        const counts = await createPostingRepository(db, similarity).counts();
        // The reposts the command's description promises, in JSON too: it had left them to subtract.
        const reposts = counts.total - counts.unique;
        if (opts.json) return printJson({ ...counts, reposts });
        console.log(`${counts.total} postings stored, ${counts.unique} unique, ${reposts} reposts`);
      });
    });
  jobs
    .command("search")
    .description("stored postings ranked for a resume, each with the skills it matches and misses")
    .requiredOption("--resume <file>", PROFILE_INPUT)
    .option("--role <id>", "only postings read as this role")
    .option("--remote", "only remote postings")
    .option("--country <cc>", "only postings in this country (ISO code, e.g. US, GB)")
    .option(
      "--min-salary <n>",
      "only postings stating a yearly salary whose top reaches this many US dollars (other currencies converted at the pack's latest yearly rate)",
    )
    .option("--query <text>", "full-text search over titles and descriptions")
    .option("--top <n>", "how many to show", "20")
    .option("--json", "print the results as JSON")
    .action(
      async (opts: {
        resume: string;
        role?: string;
        remote?: boolean;
        country?: string;
        minSalary?: string;
        query?: string;
        top: string;
        json?: boolean;
      }) => {
        const index = ctx.knowledge();
        const top = topOption(opts.top);
        if (opts.query !== undefined && !opts.query.trim())
          throw new AppError("INVALID_INPUT", "--query is empty", { hint: "leave it out to rank every posting" });
        const minSalary = opts.minSalary === undefined ? undefined : numberOption(opts.minSalary);
        // "1e400" is Infinity: a number, but no salary reaches it, so the answer was silently empty.
        if (minSalary !== undefined && !(minSalary >= 0 && Number.isFinite(minSalary)))
          throw new AppError("INVALID_INPUT", `--min-salary must be a number, 0 or more (got "${opts.minSalary}")`);
        const country = opts.country === undefined ? undefined : countryOption(opts.country);
        const roleId = opts.role !== undefined ? getRole(index, opts.role).id : undefined;
        const profile = await readProfile(opts.resume, ctx);
        const fits = fitRoles(profile, index.pack, thisMonth()).map((f) => f.id);
        await ctx.withStore(async (db) => {
          const { total, results: ranked } = await searchPostings(createPostingRepository(db, similarity), profile, {
            fitRoles: fits,
            top,
            usdPer: usdPerUnit(index.pack.exchangeRates),
            names: packNames(index),
            graph: createSkillGraph(index.pack),
            filter: {
              ...(roleId ? { roleId } : {}),
              ...(opts.remote ? { remote: true } : {}),
              ...(country ? { country } : {}),
              ...(minSalary !== undefined ? { minSalary } : {}),
              ...(opts.query ? { query: opts.query } : {}),
            },
          });
          if (total === 0) {
            throw new AppError("NOT_FOUND", "the store holds no postings yet", {
              hint: "run `mlpath ingest FILE...` first",
            });
          }
          if (opts.json) return printJson(ranked);
          if (!ranked.length) return console.log("no posting matches these filters");
          for (const [i, r] of ranked.entries()) {
            // A posting's fields are a stranger's text: escape codes in a title had set the
            // terminal's window title and cleared its screen.
            const [title, company, location, url] = [
              r.posting.title,
              r.posting.company,
              r.posting.location,
              r.posting.url,
            ].map((t) => (t ? printable(t) : t));
            console.log(
              `${String(i + 1).padStart(2)}. ${pc.bold(title as string)}${company ? ` - ${company}` : ""}${location ? pc.dim(` (${location})`) : ""} ${pc.green(r.score.toFixed(0))}`,
            );
            const facts = postingFacts(r.posting);
            if (facts) console.log(`    ${facts}`);
            console.log(pc.dim(`    ${r.why.join("; ")}`));
            if (r.matched.length) console.log(`    ${pc.green("has")} ${skillNames(r, r.matched, 10)}`);
            if (r.missing.length) console.log(`    ${pc.red("missing")} ${skillNames(r, r.missing, 8)}`);
            if (url) console.log(pc.dim(`    ${url}`));
          }
        });
      },
    );
}
