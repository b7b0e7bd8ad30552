import { createRoute, z } from "@hono/zod-openapi";
import { Profile } from "../../documents/profile.js";
import { AppError } from "../../errors.js";
import { getRole, type PackIndex } from "../../knowledge/query.js";
import { fitRoles } from "../../match/fit.js";
import { RankedPosting } from "../../match/rank.js";
import { searchPostings } from "../../match/search.js";
import type { Db } from "../../store/db.js";
import { createPostingRepository } from "../../store/postings.js";
import { similarity } from "../../text/minhash.js";
import { createRouter, storeErrors } from "../router.js";

const Country = z.string().regex(/^[A-Za-z]{2}$/);
/** A ranked posting with the names of its skills, so a page can show them without the whole taxonomy. */
const RankedPostingWithNames = RankedPosting.extend({ names: z.record(z.string(), z.string()) }).openapi(
  "RankedPosting",
);
const SkillDemand = z
  .object({
    total: z.number(),
    skills: z.array(z.object({ skill: z.string(), name: z.string(), n: z.number(), share: z.number() })),
  })
  .openapi("SkillDemand");
const SalaryPercentiles = z
  .object({
    role_id: z.string().nullable(),
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
  const roleIdOf = (role: string | undefined) => (role ? getRole(index, role).id : undefined);
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
                schema: z.object({
                  profile: Profile,
                  role: z.string().max(100).optional(),
                  remote: z.boolean().optional(),
                  country: Country.optional(),
                  minSalary: z.number().nonnegative().optional(),
                  query: z.string().max(500).optional(),
                  top: z.number().int().min(1).max(200).default(20),
                }),
              },
            },
            required: true,
          },
        },
        responses: {
          200: {
            description: "postings, best first",
            content: { "application/json": { schema: z.array(RankedPostingWithNames) } },
          },
          ...storeErrors,
        },
      }),
      async (c) => {
        const b = c.req.valid("json");
        const roleId = roleIdOf(b.role);
        const fits = fitRoles(b.profile, index.pack, deps.today().slice(0, 7)).map((f) => f.id);
        const { results } = await searchPostings(postings(), b.profile, {
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
        const name = (id: string) => index.skills.get(id)?.name ?? id;
        return c.json(
          results.map((r) => ({
            ...r,
            names: Object.fromEntries([...r.matched, ...r.missing].map((id) => [id, name(id)])),
          })),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/market/skills",
        summary: "Share of stored postings asking for each skill",
        request: {
          query: z.object({
            role: z.string().max(100).optional(),
            top: z.coerce.number().int().min(1).max(500).default(20),
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
        path: "/api/market/salaries",
        summary: "Salary percentiles of stored postings that state a yearly salary, by role, seniority and currency",
        request: { query: z.object({ role: z.string().max(100).optional(), country: Country.optional() }) },
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
