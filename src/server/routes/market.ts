import { createHash } from "node:crypto";
import { createRoute, z } from "@hono/zod-openapi";
import { IsoDate } from "../../documents/dates.js";
import { type Profile, profileOfPack } from "../../documents/profile.js";
import { AppError } from "../../errors.js";
import { getRole, type PackIndex, packNames } from "../../knowledge/query.js";
import { usdPerUnit } from "../../market/exchange.js";
import { nameIndustries } from "../../market/industries.js";
import { SkillTrend, trendReport } from "../../market/trends.js";
import { fitRoles } from "../../match/fit.js";
import { RankedPosting } from "../../match/rank.js";
import { createPostingSearch } from "../../match/search.js";
import { createSkillGraph } from "../../match/skill-graph.js";
import { countryCode } from "../../sources/location.js";
import type { Db } from "../../store/db.js";
import { createPostingRepository } from "../../store/postings.js";
import { similarity } from "../../text/minhash.js";
import { createRouter, storeErrors } from "../router.js";

/**
 * A count in a query string: digits only, 1 to `max`, `fallback` when absent. `z.coerce.number()`
 * took "0x5" and " 3" (JavaScript's Number), and a repeated parameter failed as "received NaN".
 * The default is written into the document by hand: the generator drops it behind a transform.
 */
const countParam = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, "must be a whole number written in digits")
    .transform(Number)
    .pipe(z.number().int().min(1).max(max))
    .default(fallback)
    .openapi({ type: "integer", minimum: 1, maximum: max, default: fallback });

/** A country's ISO 3166 code in any case ("UK" for GB); a code that names no country is a 400, not an empty answer. */
const Country = z
  .string()
  .transform((c, ctx) => {
    const code = countryCode(c);
    if (code) return code;
    ctx.addIssue({ code: "custom", message: "must be a country's two-letter code such as US or GB" });
    return z.NEVER;
  })
  .openapi({
    description: "a country's two-letter ISO 3166 code in any case, UK for GB; one naming no country is a 400",
  });
// Rebuilt with the OpenAPI-aware z, so the document names it as a component as before.
const RankedPostingSchema = z.object(RankedPosting.shape).openapi("RankedPosting");
const SkillDemand = z
  .object({
    total: z.number(),
    skills: z.array(z.object({ skill: z.string(), name: z.string(), n: z.number(), share: z.number() })),
  })
  .openapi("SkillDemand");
const Trends = z
  .object({
    split: z.string().nullable().openapi({
      description:
        "the first day of the month the periods split at; null when no split was given and the dated postings (of the role) fall in fewer than two months",
    }),
    totals: z.object({ before: z.number(), after: z.number() }),
    rising: z.array(SkillTrend.extend({ name: z.string() })),
    falling: z.array(SkillTrend.extend({ name: z.string() })),
  })
  .openapi("SkillTrends");
const IndustryRow = z.object({
  postings: z.number(),
  withSalary: z.number(),
  /** Median midpoint of the yearly USD ranges stated, null when none states one. */
  medianSalaryUsd: z.number().nullable(),
});
const Industries = z
  .object({
    industries: z.array(
      IndustryRow.extend({ industry: z.string().nullable(), name: z.string(), naics: z.string().nullable() }),
    ),
    employers: z.array(IndustryRow.extend({ company: z.string(), industry: z.string().nullable() })),
  })
  .openapi("Industries");
const SalaryPercentiles = z
  .object({
    roleId: z.string().nullable(),
    seniority: z.string().nullable(),
    currency: z.string(),
    n: z.number(),
    p10: z.number(),
    p25: z.number(),
    p50: z.number(),
    p75: z.number(),
    p90: z.number(),
  })
  .openapi("SalaryPercentiles");

/** What the stored postings say: the ones that suit a person, the skills asked for, the pay offered. */
export function marketRoutes(deps: { index: PackIndex; today: () => string; store?: Db }) {
  const { index } = deps;
  const postings = () => {
    if (!deps.store) throw new AppError("STORE_ERROR", "this server has no store");
    return createPostingRepository(deps.store, similarity);
  };
  // One search for the server's life: its ranking index is built on the first search and then
  // only reads postings stored since, instead of scanning the store on every request. Under load,
  // the searches of each tenth of a second share one look at the store for new postings (one
  // round trip and no queue), so a posting stored elsewhere shows up within that tenth.
  const search = deps.store
    ? createPostingSearch(createPostingRepository(deps.store, similarity), {
        freshMs: 100,
        usdPer: usdPerUnit(index.pack.exchangeRates),
        names: packNames(index),
        graph: createSkillGraph(index.pack),
      })
    : undefined;
  const roleIdOf = (role: string | undefined) => (role ? getRole(index, role).id : undefined);
  // Scoring every role is most of a search's work (10-20 ms), and a person refining filters sends
  // the same profile again and again: the best roles are kept for recent profiles, by a hash of
  // the profile (the ids of roles, not the profile, are what is kept).
  const recentFits = new Map<string, string[]>();
  const bestRoles = (profile: Profile) => {
    const month = deps.today().slice(0, 7);
    const key = createHash("sha256").update(month).update(JSON.stringify(profile)).digest("hex");
    let fits = recentFits.get(key);
    if (!fits) {
      fits = fitRoles(profile, index.pack, month)
        .slice(0, 5)
        .map((f) => f.id);
      recentFits.set(key, fits);
      if (recentFits.size > 256) recentFits.delete(recentFits.keys().next().value as string);
    }
    return fits;
  };
  return createRouter()
    .openapi(
      createRoute({
        method: "post",
        path: "/api/jobs/search",
        summary: "Stored postings ranked for a profile, with matched and missing skills",
        request: {
          body: {
            content: {
              "application/json": {
                schema: z.strictObject({
                  profile: profileOfPack(index),
                  role: z.string().max(100).optional().openapi({ description: "only postings read as this role id" }),
                  // False filters nothing, as leaving out the CLI's --remote does; unsaid, it read as "on-site only".
                  remote: z
                    .boolean()
                    .optional()
                    .openapi({ description: "true: only remote postings; false or left out: any" }),
                  country: Country.optional(),
                  minSalary: z.number().nonnegative().optional().openapi({
                    description:
                      "only postings stating a yearly pay whose top reaches this many US dollars (other currencies converted at the pack's latest yearly rate)",
                  }),
                  query: z
                    .string()
                    .max(500)
                    .optional()
                    .openapi({ description: "full-text search over titles and descriptions" }),
                  // The bounds first: an int check first answered 1e308 with the safe-integer limit, not 200.
                  top: z.number().min(1).max(200).int().default(20),
                }),
              },
            },
            required: true,
          },
        },
        responses: {
          200: {
            description: "postings, best first",
            content: { "application/json": { schema: z.array(RankedPostingSchema) } },
          },
          ...storeErrors,
        },
      }),
      async (c) => {
        const b = c.req.valid("json");
        const roleId = roleIdOf(b.role);
        const fits = bestRoles(b.profile);
        if (!search) throw new AppError("STORE_ERROR", "this server has no store");
        const { results } = await search.search(b.profile, {
          fitRoles: fits,
          top: b.top,
          filter: {
            ...(roleId ? { roleId } : {}),
            ...(b.remote ? { remote: true } : {}),
            ...(b.country ? { country: b.country } : {}),
            ...(b.minSalary !== undefined ? { minSalary: b.minSalary } : {}),
            ...(b.query ? { query: b.query } : {}),
          },
        });
        return c.json(results, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/market/skills",
        summary: "Share of stored postings asking for each skill",
        request: {
          query: z.strictObject({
            role: z.string().max(100).optional(),
            top: countParam(500, 20),
          }),
        },
        responses: {
          200: { description: "skill demand", content: { "application/json": { schema: SkillDemand } } },
          ...storeErrors,
        },
      }),
      async (c) => {
        const q = c.req.valid("query");
        const roleId = roleIdOf(q.role);
        const demand = await postings().skillDemand({ top: q.top, ...(roleId ? { roleId } : {}) });
        return c.json(
          {
            total: demand.total,
            skills: demand.skills.map((s) => ({
              ...s,
              name: index.skills.get(s.skill)?.name ?? s.skill,
              share: demand.total ? s.n / demand.total : 0,
            })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/market/trends",
        // Periods are whole months, as the CLI's --trend says: a split of the 15th had been
        // documented as a day, and the default as the median date.
        summary:
          "Skills rising and falling between postings before a month and from it on (default: the month after the median posting's)",
        request: {
          query: z.strictObject({
            role: z.string().max(100).optional(),
            split: IsoDate.optional().openapi({
              format: "date",
              description:
                "a day as YYYY-MM-DD: postings before its month against those from its month on; default: the month after the median posting's",
            }),
            top: countParam(200, 20),
          }),
        },
        responses: {
          200: { description: "rising and falling skills", content: { "application/json": { schema: Trends } } },
          ...storeErrors,
        },
      }),
      async (c) => {
        const q = c.req.valid("query");
        const roleId = roleIdOf(q.role);
        const periods = await postings().skillCountsByPeriod({
          ...(q.split ? { split: q.split } : {}),
          ...(roleId ? { roleId } : {}),
        });
        return c.json(
          trendReport(periods, q.top, (id) => index.skills.get(id)?.name ?? id),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/market/industries",
        summary: "Stored postings and stated pay by the knowledge pack's industries and by employer",
        request: {
          query: z.strictObject({
            role: z.string().max(100).optional(),
            top: countParam(200, 15),
          }),
        },
        responses: {
          200: { description: "by industry and employer", content: { "application/json": { schema: Industries } } },
          ...storeErrors,
        },
      }),
      async (c) => {
        const q = c.req.valid("query");
        const roleId = roleIdOf(q.role);
        const data = await postings().industryBreakdown({ top: q.top, ...(roleId ? { roleId } : {}) });
        return c.json(
          { industries: nameIndustries(data.industries, index.pack.industries), employers: data.employers },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/market/salaries",
        summary: "Salary percentiles of stored postings that state a yearly salary, by role, seniority and currency",
        request: { query: z.strictObject({ role: z.string().max(100).optional(), country: Country.optional() }) },
        responses: {
          200: {
            description: "percentiles",
            content: { "application/json": { schema: z.array(SalaryPercentiles) } },
          },
          ...storeErrors,
        },
      }),
      async (c) => {
        const q = c.req.valid("query");
        const roleId = roleIdOf(q.role);
        const rows = await postings().salaryPercentiles({
          ...(roleId ? { roleId } : {}),
          ...(q.country ? { country: q.country } : {}),
        });
        return c.json(rows, 200);
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/ingest/status",
        summary: "How many postings the store holds, and how many are reposts",
        responses: {
          200: {
            description: "counts",
            content: { "application/json": { schema: z.object({ total: z.number(), unique: z.number() }) } },
          },
          503: storeErrors[503],
        },
      }),
      async (c) => c.json(await postings().counts(), 200),
    );
}
