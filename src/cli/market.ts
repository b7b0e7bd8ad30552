import type { Command } from "commander";
import pc from "picocolors";
import { isIsoDate } from "../documents/dates.js";
import { AppError } from "../errors.js";
import { getRole, getSkill } from "../knowledge/query.js";
import { nameIndustries } from "../market/industries.js";
import { trendReport } from "../market/trends.js";
import { createPostingRepository } from "../store/postings.js";
import { similarity } from "../text/minhash.js";
import { money } from "../text/money.js";
import type { CliContext } from "./context.js";
import { countryOption, printable, printJson, table, topOption } from "./format.js";

const bar = (share: number, width = 30) => pc.cyan("█".repeat(Math.max(1, Math.round(share * width))));

/**
 * Why a report is empty: an empty store needs postings, a selection that matches none of them needs
 * other filters ("--since 3000-01-01" had been told to ingest postings the store already held).
 */
function nothingSelected(stored: number, filters: (string | false | undefined)[]): string {
  if (stored === 0) return "no postings stored yet; run `mlpath ingest FILE...` first";
  const chosen = filters.filter(Boolean).join(", ");
  return `none of the ${stored} unique stored postings matches this selection${chosen ? ` (${chosen})` : ""}`;
}

export function registerMarket(program: Command, ctx: CliContext): void {
  const market = program.command("market").description("what the stored postings ask for and pay");
  market
    .command("skills")
    .description("the share of postings asking for each skill, as a bar chart")
    .option("--role <id>", "only postings read as this role")
    .option("--since <date>", "only postings from this date's month on (YYYY-MM-DD), and undated ones")
    .option("--top <n>", "how many skills", "20")
    .option("--with <skill>", "instead: the skills asked for together with this one, with their lift")
    .option(
      "--trend [date]",
      "instead: rising and falling skills, postings before DATE's month against those from it on (default: the month after the median posting)",
    )
    .option("--json", "print the counts as JSON")
    .action(
      async (opts: {
        role?: string;
        since?: string;
        top: string;
        with?: string;
        trend?: string | boolean;
        json?: boolean;
      }) => {
        // Each of these had been ignored beside the others, and an empty --with beside nothing.
        if (opts.with !== undefined && opts.trend !== undefined)
          throw new AppError("INVALID_INPUT", "--with and --trend are two reports; pick one");
        if (opts.since !== undefined && (opts.with !== undefined || opts.trend !== undefined))
          throw new AppError(
            "INVALID_INPUT",
            `--since applies to skill shares, not to ${opts.with !== undefined ? "--with" : "--trend"}`,
          );
        if (opts.with !== undefined && !opts.with.trim())
          throw new AppError("INVALID_INPUT", "--with needs a skill's name");
        const index = ctx.knowledge();
        const roleId = opts.role !== undefined ? getRole(index, opts.role).id : undefined;
        // An empty --since or --trend date had been taken as none given, and the report made without it.
        if (opts.since !== undefined && !isIsoDate(opts.since))
          throw new AppError("INVALID_INPUT", `--since must be a real date as YYYY-MM-DD (got "${opts.since}")`);
        const top = topOption(opts.top);
        if (opts.with) {
          const skill = getSkill(index.pack, opts.with);
          const { co, stored } = await ctx.withStore(async (db) => {
            const repo = createPostingRepository(db, similarity);
            const co = await repo.coOccurrence({ skill: skill.id, top, ...(roleId ? { roleId } : {}) });
            return { co, stored: co.total === 0 ? (await repo.counts()).unique : undefined };
          });
          // Lift: how much more often two skills are asked for together than if they were independent.
          const rows = co.pairs.map((p) => ({
            ...p,
            name: index.skills.get(p.skill)?.name ?? p.skill,
            share: co.withSkill ? p.both / co.withSkill : 0,
            lift: co.withSkill && p.alone ? (p.both * co.total) / (co.withSkill * p.alone) : 0,
          }));
          if (opts.json) return printJson({ skill: skill.id, total: co.total, withSkill: co.withSkill, skills: rows });
          // Either had printed "0 of N unique postings ask for X; with it they ask for" over an empty table.
          if (co.total === 0) return console.log(nothingSelected(stored ?? 0, [roleId && `read as ${roleId}`]));
          if (co.withSkill === 0)
            return console.log(
              `none of the ${co.total} unique stored postings${roleId ? ` read as ${roleId}` : ""} asks for ${skill.name}`,
            );
          console.log(
            pc.bold(`${co.withSkill} of ${co.total} unique postings ask for ${skill.name}; with it they ask for`),
          );
          console.log(
            table(
              rows.map((r) => [
                r.name,
                `${(r.share * 100).toFixed(0)}%`.padStart(4),
                bar(r.share),
                pc.dim(`lift ${r.lift.toFixed(1)}`),
              ]),
            ),
          );
          return;
        }
        if (opts.trend !== undefined) {
          const split = typeof opts.trend === "string" ? opts.trend : undefined;
          if (split !== undefined && !isIsoDate(split))
            throw new AppError("INVALID_INPUT", `--trend must be a real date as YYYY-MM-DD (got "${split}")`);
          const { periods, stored } = await ctx.withStore(async (db) => {
            const repo = createPostingRepository(db, similarity);
            const periods = await repo.skillCountsByPeriod({
              ...(split ? { split } : {}),
              ...(roleId ? { roleId } : {}),
            });
            const none = periods.totals.before + periods.totals.after === 0;
            return { periods, stored: none ? (await repo.counts()).unique : undefined };
          });
          const report = trendReport(periods, top, (id) => index.skills.get(id)?.name ?? id);
          if (opts.json) return printJson(report);
          // An empty store had been said to lack "dated postings on both sides of the split".
          if (stored === 0) return console.log(nothingSelected(0, []));
          if (!periods.split || periods.totals.before === 0 || periods.totals.after === 0)
            return console.log("not enough dated postings on both sides of the split to compare periods");
          console.log(
            pc.bold(
              `${periods.totals.before} postings before ${periods.split}, ${periods.totals.after} from it on${roleId ? ` (read as ${roleId})` : ""}`,
            ),
          );
          const show = (title: string, rows: typeof report.rising) => {
            console.log(pc.bold(`\n${title}`));
            if (rows.length === 0) return console.log(pc.dim("  none beyond chance (false discovery rate 5%)"));
            console.log(
              table(
                rows.map((r) => [
                  r.name,
                  `${(r.shareBefore * 100).toFixed(1)}% -> ${(r.shareAfter * 100).toFixed(1)}%`,
                  `${r.change >= 0 ? "+" : ""}${r.change.toFixed(1)} pts`,
                  pc.dim(`z ${r.z.toFixed(1)}, q ${r.q < 0.001 ? "<0.001" : r.q.toFixed(3)}`),
                ]),
              ),
            );
          };
          show("Rising", report.rising);
          show("Falling", report.falling);
          return;
        }
        const { demand, stored } = await ctx.withStore(async (db) => {
          const repo = createPostingRepository(db, similarity);
          const demand = await repo.skillDemand({
            top,
            ...(roleId ? { roleId } : {}),
            ...(opts.since ? { since: opts.since } : {}),
          });
          return { demand, stored: demand.total === 0 ? (await repo.counts()).unique : undefined };
        });
        const rows = demand.skills.map((s) => ({
          ...s,
          name: index.skills.get(s.skill)?.name ?? s.skill,
          share: demand.total ? s.n / demand.total : 0,
        }));
        if (opts.json) return printJson({ total: demand.total, skills: rows });
        if (demand.total === 0)
          return console.log(
            nothingSelected(stored ?? 0, [roleId && `read as ${roleId}`, opts.since && `since ${opts.since}`]),
          );
        console.log(
          pc.bold(`Skills asked for in ${demand.total} unique postings${roleId ? ` read as ${roleId}` : ""}`),
        );
        console.log(
          table(
            rows.map((r) => [r.name, `${(r.share * 100).toFixed(0)}%`.padStart(4), bar(r.share), pc.dim(String(r.n))]),
          ),
        );
      },
    );
  market
    .command("industries")
    .description("postings and pay by industry and by employer, beside the knowledge pack's industries")
    .option("--role <id>", "only postings read as this role")
    .option("--top <n>", "how many employers", "15")
    .option("--json", "print the counts as JSON")
    .action(async (opts: { role?: string; top: string; json?: boolean }) => {
      const index = ctx.knowledge();
      const roleId = opts.role !== undefined ? getRole(index, opts.role).id : undefined;
      const top = topOption(opts.top);
      const { data, stored } = await ctx.withStore(async (db) => {
        const repo = createPostingRepository(db, similarity);
        const data = await repo.industryBreakdown({ top, ...(roleId ? { roleId } : {}) });
        const none = data.industries.every((r) => r.postings === 0);
        return { data, stored: none ? (await repo.counts()).unique : undefined };
      });
      const industries = nameIndustries(data.industries, index.pack.industries);
      const { employers } = data;
      const byId = new Map(index.pack.industries.map((i) => [i.id, i]));
      if (opts.json) return printJson({ industries, employers });
      const total = industries.reduce((s, r) => s + r.postings, 0);
      if (total === 0) return console.log(nothingSelected(stored ?? 0, [roleId && `read as ${roleId}`]));
      const usd = (v: number | null, n: number) =>
        v === null ? pc.dim("-") : `${money(v, "USD", "year")} ${pc.dim(`(n=${n})`)}`;
      console.log(pc.bold(`Unique postings by industry${roleId ? ` (read as ${roleId})` : ""}`));
      console.log(
        table(
          industries.map((r) => [
            r.name,
            r.naics ? pc.dim(`NAICS ${r.naics}`) : "",
            String(r.postings),
            `${((r.postings / total) * 100).toFixed(0)}%`.padStart(4),
            bar(r.postings / total, 20),
            usd(r.medianSalaryUsd, r.withSalary),
          ]),
          ["industry", "", "postings", "share", "", "median stated pay (USD, yearly)"],
        ),
      );
      console.log(pc.bold("\nEmployers with the most postings"));
      console.log(
        table(
          employers.map((r) => [
            printable(r.company),
            r.industry ? (byId.get(r.industry)?.name ?? r.industry) : pc.dim("-"),
            String(r.postings),
            usd(r.medianSalaryUsd, r.withSalary),
          ]),
          ["employer", "industry", "postings", "median stated pay"],
        ),
      );
      console.log(
        pc.dim(
          "\nIndustries are the knowledge pack's (knowledge/industries.yaml, NAICS-coded); each source's own label maps to one by its keywords. Pay: median midpoint of the yearly USD ranges postings state.",
        ),
      );
    });
  market
    .command("salaries")
    .description("salary percentiles of stored postings that state pay, with the knowledge pack's cited figures")
    .option("--role <id>", "only postings read as this role, and its cited figures")
    .option("--country <cc>", "only postings in this country (ISO code, e.g. US, GB), and figures cited for it")
    .option("--json", "print the percentiles as JSON")
    .action(async (opts: { role?: string; country?: string; json?: boolean }) => {
      const index = ctx.knowledge();
      const role = opts.role !== undefined ? getRole(index, opts.role) : undefined;
      // Checked before the store is opened: a bad code had first made a new store at the path.
      const country = opts.country !== undefined ? countryOption(opts.country) : undefined;
      const rows = await ctx.withStore((db) =>
        createPostingRepository(db, similarity).salaryPercentiles({
          ...(role ? { roleId: role.id } : {}),
          ...(country ? { country } : {}),
        }),
      );
      // The pack's figures are for one region each: a country's report lists that country's only,
      // where every region's (all US) had stood beside the GB postings as if they were about them.
      const cited = (role ? [role] : index.pack.roles).flatMap((r) =>
        r.salary
          .filter((s) => !country || s.region.toUpperCase() === country)
          .map((s) => ({ role: r.id, ...s, source: index.sources.get(s.source)?.title ?? s.source })),
      );
      if (opts.json) return printJson({ postings: rows, cited });
      if (rows.length) {
        console.log(pc.bold("From stored postings that state a yearly salary (midpoint of the range)"));
        console.log(
          table(
            rows.map((r) => [
              r.roleId ?? "other",
              r.seniority ?? "-",
              r.currency,
              String(r.n),
              ...[r.p10, r.p25, r.p50, r.p75, r.p90].map((v) => Math.round(v).toLocaleString("en-US")),
            ]),
            ["role", "level", "cur", "n", "p10", "p25", "p50", "p75", "p90"],
          ),
        );
      } else console.log("no stored posting states a yearly salary for this selection");
      console.log(pc.bold("\nCited figures from the knowledge pack"));
      if (!cited.length) {
        const regions = [...new Set(index.pack.roles.flatMap((r) => r.salary.map((s) => s.region)))];
        console.log(`  none for ${country}: the pack cites figures for ${regions.join(", ") || "no region"}`);
      }
      for (const c of cited.slice(0, 30))
        console.log(
          `  ${c.role.padEnd(26)} ${money(c.amount, c.currency, c.period)} ${c.statistic}${c.level ? ` (${c.level})` : ""}, ${c.region} ${c.asOf} ${pc.dim(`- ${c.source}`)}`,
        );
    });
}
