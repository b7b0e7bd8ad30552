import { createRoute, z } from "@hono/zod-openapi";
import { profileOfPack } from "../../documents/profile.js";
import { AppError } from "../../errors.js";
import { getRole, type PackIndex } from "../../knowledge/query.js";
import { conversionFromUsd, convertPay } from "../../market/exchange.js";
import { estimateSalary, MAX_TITLE, PaidIn, type SalaryModel, surveyCountry } from "../../market/salary-model.js";
import { fitRoles, RoleFit } from "../../match/fit.js";
import { planIcs, planMarkdown } from "../../plan/export.js";
import { buildPlan, HoursPerWeek, Plan, PlanStart } from "../../plan/roadmap.js";
import { createRouter, errors } from "../router.js";

/** Strict, as the fit request is: a misspelt "hoursperweek" had planned at the default 10 without a word. */
const planRequest = (index: PackIndex) =>
  z.strictObject({
    profile: profileOfPack(index),
    role: z.string().openapi({ description: "a role id, as GET /api/roles lists them" }),
    hoursPerWeek: HoursPerWeek.default(10).openapi({ description: "hours of study a week" }),
    // The document had said only "string": the date, its range and the default are the schema's and the handler's.
    start: PlanStart.optional().openapi({
      format: "date",
      description: "the plan's first day as YYYY-MM-DD, 1970-01-01 to 2100-12-31; default: the server's today",
    }),
  });
const SalaryEstimate = z
  .object({
    estimate: z.number(),
    low: z.number(),
    high: z.number(),
    currency: z.string(),
    period: z.literal("year"),
    n: z.number().openapi({ description: "the survey answers in the group named by cell" }),
    cell: z.string().openapi({
      description: 'the survey group the estimate rests on, in words: "Data Scientist / senior / US / fully remote"',
    }),
    widened: z.array(z.string()).openapi({
      description: "the more specific groups that had too few answers, in words, most specific first",
    }),
    paidIn: z.string().nullable().openapi({
      description: "the currency the pay was taken to be in; null: the usual mix of pay currencies in the country",
    }),
    /** Present when the amounts were converted out of US dollars. */
    conversion: z
      .object({ from: z.string(), to: z.string(), rate: z.number(), year: z.number(), source: z.string() })
      .optional(),
  })
  .openapi("SalaryEstimate");

/** One person's answers: how each role fits, the plan to one, and what it pays. */
export function careerRoutes(deps: { index: PackIndex; salaryModel: SalaryModel; today: () => string }) {
  const { index } = deps;
  const PlanRequest = planRequest(index);
  const plan = (body: z.infer<typeof PlanRequest>) =>
    buildPlan(body.profile, getRole(index, body.role), index.pack, {
      hoursPerWeek: body.hoursPerWeek,
      start: body.start ?? deps.today(),
    });
  return createRouter()
    .openapi(
      createRoute({
        method: "post",
        path: "/api/fit",
        summary: "Every role ranked for a profile, with the evidence behind each score",
        request: {
          // Strict: a "role" sent here was silently ignored, so the caller believed it had one role's fit.
          body: {
            content: { "application/json": { schema: z.strictObject({ profile: profileOfPack(index) }) } },
            required: true,
          },
        },
        responses: {
          200: { description: "roles, best first", content: { "application/json": { schema: z.array(RoleFit) } } },
        },
      }),
      (c) => c.json(fitRoles(c.req.valid("json").profile, index.pack, deps.today().slice(0, 7)), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/plan",
        summary: "A dated week-by-week learning plan from a profile to a role",
        request: { body: { content: { "application/json": { schema: PlanRequest } }, required: true } },
        responses: {
          200: { description: "the plan", content: { "application/json": { schema: Plan } } },
          ...errors,
        },
      }),
      (c) => c.json(plan(c.req.valid("json")), 200),
    )
    .openapi(
      createRoute({
        method: "post",
        path: "/api/plan/export",
        summary: "The same plan as a document to keep: a Markdown checklist or the milestones as iCalendar events",
        request: {
          query: z.strictObject({ format: z.enum(["md", "ics"]) }),
          body: { content: { "application/json": { schema: PlanRequest } }, required: true },
        },
        responses: {
          200: {
            description: "the document",
            content: { "text/markdown": { schema: z.string() }, "text/calendar": { schema: z.string() } },
          },
          ...errors,
        },
      }),
      (c) => {
        const p = plan(c.req.valid("json"));
        const ics = c.req.valid("query").format === "ics";
        return c.body(ics ? planIcs(p) : planMarkdown(p), 200, {
          "Content-Type": ics ? "text/calendar; charset=utf-8" : "text/markdown; charset=utf-8",
          "Content-Disposition": `attachment; filename="mlpath-plan-${p.role.id}.${ics ? "ics" : "md"}"`,
        });
      },
    )
    .openapi(
      createRoute({
        method: "get",
        path: "/api/salary",
        summary: "A salary estimate with an 80% interval and the records behind it",
        request: {
          query: z.strictObject({
            role: z.string().max(100).openapi({ description: "a role id, as GET /api/roles lists them" }),
            level: z.enum(["entry", "mid", "senior", "executive"]),
            // Both were bare: a country is read through countryCode and must be one the survey has,
            // and remote is a share in percent whose absence is no share of 0.
            country: z
              .string()
              .regex(/^[A-Za-z]{2}$/)
              .openapi({
                description:
                  "country of residence, its two-letter ISO 3166 code in any case (UK for GB); one the survey has no answers from is a 400",
              }),
            remote: z.enum(["0", "50", "100"]).optional().openapi({
              description: "share of remote work in percent: 0 on site, 50 hybrid, 100 fully remote; default: any",
            }),
            title: z
              .string()
              .max(MAX_TITLE)
              .optional()
              .openapi({ description: "the job title as written; its words refine the estimate" }),
            paidIn: PaidIn.optional().openapi({
              description:
                "the currency the pay is in, three letters in any case (USD for a US employer abroad); default: the country's usual mix",
            }),
            currency: z
              .string()
              .regex(/^[A-Za-z]{3}$/)
              .optional()
              .openapi({ description: "convert from USD at the survey's yearly average rate (EUR, GBP, INR...)" }),
          }),
        },
        responses: {
          200: { description: "the estimate", content: { "application/json": { schema: SalaryEstimate } } },
          ...errors,
        },
      }),
      (c) => {
        const q = c.req.valid("query");
        const role = getRole(index, q.role);
        const e = estimateSalary(
          deps.salaryModel,
          {
            role: role.id,
            level: q.level,
            country: surveyCountry(deps.salaryModel, q.country),
            ...(q.remote ? { remote: Number(q.remote) as 0 | 50 | 100 } : {}),
            ...(q.title?.trim() ? { title: q.title } : {}),
            ...(q.paidIn ? { paidIn: q.paidIn } : {}),
          },
          role.name,
        );
        if (!e) throw new AppError("NOT_FOUND", "no salary records");
        const conversion = conversionFromUsd(index.pack.exchangeRates, q.currency, Number(deps.today().slice(0, 4)));
        return c.json(conversion ? convertPay(e, conversion) : e, 200);
      },
    );
}
