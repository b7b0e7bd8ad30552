import { readFileSync } from "node:fs";
import { type Command, Option } from "commander";
import pc from "picocolors";
import { AppError } from "../errors.js";
import { getRole, getSkill } from "../knowledge/query.js";
import { conversionFromUsd, convertPay } from "../market/exchange.js";
import { estimateSalary, MAX_TITLE, PaidIn, paidInText, SalaryModel, surveyCountry } from "../market/salary-model.js";
import { adjustForSkills, skillPremiums } from "../market/skill-premium.js";
import { createPostingRepository } from "../store/postings.js";
import { similarity } from "../text/minhash.js";
import { money } from "../text/money.js";
import type { CliContext } from "./context.js";
import { printJson } from "./format.js";
import { today } from "./profile-input.js";

const MODEL = new URL("../../models/salary-v2.json", import.meta.url);

export function loadModel(): SalaryModel {
  const parsed = SalaryModel.safeParse(JSON.parse(readFileSync(MODEL, "utf8")));
  if (!parsed.success)
    throw new AppError("INVALID_KNOWLEDGE", "models/salary-v2.json does not match the model format", {
      hint: "retrain it with scripts/train-salary-model.ts",
    });
  return parsed.data;
}

/**
 * `--paid-in` as the model takes it: upper case, or undefined for the country's usual mix. Refused
 * unless it is a three-letter code, since any other word would silently count as "not dollars".
 */
export function parsePaidIn(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = PaidIn.safeParse(value);
  if (!parsed.success)
    throw new AppError("INVALID_INPUT", `--paid-in "${value}" is not a currency code`, {
      hint: `--paid-in ${parsed.error.issues[0]?.message ?? "must be a three-letter currency code"}; leave it out for the country's usual mix`,
    });
  return parsed.data;
}

export function registerSalary(program: Command, ctx: CliContext): void {
  program
    .command("salary")
    .description("estimate yearly pay for a role, level and country, with an 80% interval and the records behind it")
    // Commander marks neither required options nor a default it does not hold, so the text does.
    .requiredOption("--role <id>", "role id, as listed by `mlpath roles` (required)")
    .addOption(
      new Option("--level <level>", "experience level (required)")
        .choices(["entry", "mid", "senior", "executive"])
        .makeOptionMandatory(),
    )
    .requiredOption("--country <cc>", "country of residence, ISO code such as US, GB, DE (required)")
    .addOption(new Option("--remote <ratio>", "share of remote work (default: any)").choices(["0", "50", "100"]))
    .option(
      "--title <text>",
      'the job title as written, e.g. "staff machine learning engineer": its words refine the estimate',
    )
    .option(
      "--paid-in <code>",
      "currency the pay is in, e.g. USD for a US employer abroad (default: the country's usual mix)",
    )
    .option(
      "--currency <code>",
      "convert to this currency (EUR, GBP, INR...) at the survey's yearly average rate (default: USD)",
    )
    .option(
      "--skills <list>",
      "comma-separated skills: move the estimate by what stored postings of the role pay for them (at most ±15%)",
    )
    .option("--json", "print the estimate as JSON")
    .action(
      async (opts: {
        role: string;
        level: "entry" | "mid" | "senior" | "executive";
        country: string;
        remote?: string;
        title?: string;
        paidIn?: string;
        currency?: string;
        skills?: string;
        json?: boolean;
      }) => {
        if (opts.title !== undefined && !opts.title.trim())
          throw new AppError("INVALID_INPUT", "--title is empty", {
            hint: "leave it out to estimate for the role alone",
          });
        // A long text had been echoed back whole in "too few answers for ...".
        if (opts.title !== undefined && opts.title.length > MAX_TITLE)
          throw new AppError(
            "INVALID_INPUT",
            `--title is ${opts.title.length} characters long; a job title has at most ${MAX_TITLE}`,
            {
              hint: 'give the title alone, e.g. "senior data scientist"',
            },
          );
        // An empty --currency had been taken as none, and the estimate shown in dollars.
        if (opts.currency !== undefined && !opts.currency.trim())
          throw new AppError("INVALID_INPUT", "--currency is empty", { hint: "leave it out for US dollars" });
        const role = getRole(ctx.knowledge(), opts.role);
        const model = loadModel();
        const country = surveyCountry(model, opts.country);
        const remote = opts.remote === undefined ? undefined : (Number(opts.remote) as 0 | 50 | 100);
        const paidIn = parsePaidIn(opts.paidIn);
        const conversion = conversionFromUsd(
          ctx.knowledge().pack.exchangeRates,
          opts.currency,
          Number(today().slice(0, 4)),
        );
        const e = estimateSalary(
          model,
          {
            role: role.id,
            level: opts.level,
            country,
            ...(remote !== undefined ? { remote } : {}),
            ...(opts.title?.trim() ? { title: opts.title } : {}),
            ...(paidIn ? { paidIn } : {}),
          },
          role.name,
        );
        if (!e) throw new AppError("INVALID_KNOWLEDGE", "the salary model is empty");
        const index = ctx.knowledge();
        const skills = opts.skills
          ?.split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .map((name) => getSkill(index.pack, name).id);
        if (skills?.length === 0) throw new AppError("INVALID_INPUT", "--skills needs at least one skill");
        // Skill premiums come from stored postings paid in US dollars, so they apply before conversion.
        const paid = skills
          ? await ctx.withStore((db) => createPostingRepository(db, similarity).paidPostings(e.currency))
          : [];
        const adjusted = skills ? adjustForSkills(e, skillPremiums(paid, role.id), skills) : undefined;
        const result = adjusted ?? e;
        const shown = conversion ? convertPay(result, conversion) : { ...result, currency: e.currency };
        if (opts.json)
          return printJson({
            ...shown,
            ...(skills ? { postingsWithPay: paid.length } : {}),
            source: model.trainedOn,
          });
        console.log(
          `${pc.bold(money(shown.estimate, shown.currency, e.period))}  ${pc.dim(`80% interval ${money(shown.low, shown.currency)} - ${money(shown.high, shown.currency)}`)}`,
        );
        const before = adjusted ? ` (${money(e.estimate, e.currency, e.period)} before skills)` : "";
        console.log(`from ${e.n} survey answers in the group ${e.cell}${before}`);
        // Abroad, pay in dollars is mostly a US employer's: worth a pointer where the mix is not already dollars.
        const pointer = !e.paidIn && country !== "US" ? pc.dim(" (--paid-in USD for a US employer's pay)") : "";
        console.log(`assumed: ${paidInText(e.paidIn, country)}${pointer}`);
        if (e.widened.length)
          console.log(pc.yellow(`too few answers for ${e.widened.join("; ")}: widened to ${e.cell}`));
        if (adjusted) {
          const sign = (f: number) => `${f >= 1 ? "+" : ""}${((f - 1) * 100).toFixed(1)}%`;
          console.log(
            `skills move it ${sign(adjusted.skillFactor)}, from ${paid.length} stored postings stating pay in ${e.currency}:`,
          );
          for (const s of adjusted.skills)
            console.log(
              `  ${(index.skills.get(s.skill)?.name ?? s.skill).padEnd(24)} ${s.n ? `${sign(s.premium)} (${s.n} postings)` : pc.dim("no posting with pay asks for it")}`,
            );
        }
        console.log(pc.dim(`source: ${model.trainedOn}; amounts in USD at the survey's yearly exchange rates`));
        if (conversion)
          console.log(
            pc.dim(
              `converted from USD at the survey's ${conversion.year} average rate: 1 USD = ${conversion.rate.toFixed(4)} ${conversion.to}`,
            ),
          );
      },
    );
}
