import { createRoute, z } from "@hono/zod-openapi";
import { describeRole, getRole, type PackIndex, searchSkills } from "../../knowledge/query.js";
import {
  Community,
  EducationRoute,
  OutlookFact,
  Role,
  SalaryFact,
  SKILL_CATEGORIES,
  Skill,
  SkillCategory,
  Source,
} from "../../knowledge/schema.js";
import { createRouter, errors } from "../router.js";

const RoleSummary = z
  .object({ id: z.string(), name: z.string(), summary: z.string(), titles: z.array(z.string()) })
  .openapi("RoleSummary");
const RoleSkill = z.object({
  skill: z.string(),
  weight: z.number(),
  name: z.string(),
  category: SkillCategory.optional(),
});
const cited = { sourceDetail: Source.optional() };
/** What `describeRole` returns: the role with names and sources resolved, so a page needs one request. */
const RoleDetail = Role.extend({
  skills: z.object({ required: z.array(RoleSkill), preferred: z.array(RoleSkill) }),
  educationRoutes: z.array(EducationRoute.pick({ id: true, name: true, kind: true, months: true, cost: true })),
  salary: z.array(SalaryFact.extend(cited)),
  outlook: z.array(OutlookFact.extend(cited)),
  industryNames: z.array(z.string()),
  communities: z.array(Community.pick({ id: true, name: true, kind: true, url: true })),
}).openapi("RoleDetail");

/** The knowledge pack: roles and the skill taxonomy. */
export function knowledgeRoutes(index: PackIndex) {
  return createRouter()
    .openapi(
      createRoute({
        method: "get",
        path: "/api/roles",
        summary: "Every role of the knowledge pack",
        responses: {
          200: { description: "roles", content: { "application/json": { schema: z.array(RoleSummary) } } },
        },
      }),
      (c) => c.json(index.pack.roles.map((r) => ({ id: r.id, name: r.name, summary: r.summary, titles: r.titles }))),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/roles/{id}",
        summary: "One role: duties, skills by importance, education, pay and outlook with sources",
        request: { params: z.object({ id: z.string().max(100) }) },
        responses: {
          200: { description: "the role", content: { "application/json": { schema: RoleDetail } } },
          ...errors,
        },
      }),
      (c) => c.json(describeRole(index, getRole(index, c.req.valid("param").id)), 200),
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/skills",
        summary: "Search the skill taxonomy by name or alias",
        request: {
          // Without q the route answers the whole taxonomy, which the document had not said.
          query: z.strictObject({
            q: z.string().max(200).optional().openapi({
              description:
                "a skill's id, name or alias, or a word of its description, best match first; left out or blank: every skill in name order",
            }),
            category: z.enum(SKILL_CATEGORIES).optional().openapi({ description: "only skills of this category" }),
          }),
        },
        responses: {
          200: { description: "skills", content: { "application/json": { schema: z.array(Skill) } } },
        },
      }),
      (c) => {
        const { q, category } = c.req.valid("query");
        return c.json(
          searchSkills(index.pack, q ?? "", category).map((h) => h.skill),
          200,
        );
      },
    );
}
