import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { Profile } from "../documents/profile.js";
import { createResumeFileReader } from "../documents/read-resume.js";
import { AppError, ERROR_CODES, isAppError } from "../errors.js";
import { createExtractor, ExtractResult, PostingInput } from "../extract/index.js";
import { describeRole, getRole, type PackIndex, searchSkills } from "../knowledge/query.js";
import { SKILL_CATEGORIES, Skill } from "../knowledge/schema.js";
import { estimateSalary, type SalaryModel } from "../market/salary-model.js";
import { fitRoles, RoleFit } from "../match/fit.js";
import { RankedPosting } from "../match/rank.js";
import { searchPostings } from "../match/search.js";
import { buildPlan, Plan } from "../plan/roadmap.js";
import type { Db } from "../store/db.js";
import { createPostingRepository } from "../store/postings.js";
import { similarity } from "../text/minhash.js";

export interface AppDeps {
  index: PackIndex;
  salaryModel: SalaryModel;
  /** Today as YYYY-MM-DD: the server is an edge and may read the clock, the core may not. */
  today: () => string;
  /** When set, every /api request must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** The store, opened once for the server's life; the job and market routes need it. */
  store?: Db;
}

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi("Error");
const MAX_JSON = 1024 * 1024;
const MAX_UPLOAD = 10 * 1024 * 1024;
const errors = {
  400: { description: "bad input", content: { "application/json": { schema: ErrorBody } } },
  404: { description: "not found", content: { "application/json": { schema: ErrorBody } } },
} as const;

const RoleSummary = z
  .object({ id: z.string(), name: z.string(), summary: z.string(), titles: z.array(z.string()) })
  .openapi("RoleSummary");
const PlanRequest = z.object({
  profile: Profile,
  role: z.string(),
  hoursPerWeek: z.number().gt(0).max(100).default(10),
  start: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
const SalaryEstimate = z
  .object({
    estimate: z.number(),
    low: z.number(),
    high: z.number(),
    currency: z.string(),
    period: z.string(),
    n: z.number(),
    cell: z.string(),
    widened: z.array(z.string()),
  })
  .openapi("SalaryEstimate");

/**
 * The HTTP API: the CLI's capabilities as JSON over the same core. Every body is validated by
 * the zod schemas that also generate /api/openapi.json; failures are `{ error: { code, message } }`
 * with the status the error code maps to.
 */
export function createApp(deps: AppDeps) {
  const { index } = deps;
  const extract = createExtractor(index.pack);
  const resumes = createResumeFileReader(index.pack);
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        return c.json(
          {
            error: {
              code: "INVALID_INPUT",
              message: `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`,
            },
          },
          400,
        );
      }
    },
  });

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] },
      xContentTypeOptions: "nosniff",
    }),
  );
  app.use("/api/*", async (c, next) => {
    if (deps.token && c.req.header("authorization") !== `Bearer ${deps.token}`) {
      return c.json({ error: { code: "UNAUTHORIZED", message: "a valid bearer token is required" } }, 401);
    }
    await next();
  });
  const tooLarge = (limit: number) =>
    bodyLimit({
      maxSize: limit,
      onError: (c) => c.json({ error: { code: "TOO_LARGE", message: `the body is over ${limit / 1048576} MB` } }, 413),
    });
  app.use("/api/resume", tooLarge(MAX_UPLOAD));
  app.use("/api/extract", tooLarge(MAX_JSON));
  app.use("/api/fit", tooLarge(MAX_JSON));
  app.use("/api/plan", tooLarge(MAX_JSON));

  app.onError((e, c) => {
    if (isAppError(e)) {
      return c.json(
        { error: { code: e.code, message: e.hint ? `${e.message}; ${e.hint}` : e.message } },
        ERROR_CODES[e.code].http as 400,
      );
    }
    // Hono's own validators throw HTTPException for malformed JSON or multipart bodies.
    if (e instanceof HTTPException && e.status < 500) {
      return c.json({ error: { code: "INVALID_INPUT", message: e.message || "bad request" } }, e.status);
    }
    return c.json({ error: { code: "INTERNAL", message: "unexpected error" } }, 500);
  });
  app.notFound((c) => c.json({ error: { code: "NOT_FOUND", message: `no route ${c.req.method} ${c.req.path}` } }, 404));

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/roles",
      summary: "Every role of the knowledge pack",
      responses: { 200: { description: "roles", content: { "application/json": { schema: z.array(RoleSummary) } } } },
    }),
    (c) => c.json(index.pack.roles.map((r) => ({ id: r.id, name: r.name, summary: r.summary, titles: r.titles }))),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/roles/{id}",
      summary: "One role: duties, skills by importance, education, pay and outlook with sources",
      request: { params: z.object({ id: z.string().max(100) }) },
      responses: {
        200: {
          description: "the role",
          content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
        },
        ...errors,
      },
    }),
    (c) => c.json(describeRole(index, getRole(index, c.req.valid("param").id)) as Record<string, unknown>, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/skills",
      summary: "Search the skill taxonomy by name or alias",
      request: {
        query: z.object({ q: z.string().max(200).optional(), category: z.enum(SKILL_CATEGORIES).optional() }),
      },
      responses: {
        200: { description: "skills", content: { "application/json": { schema: z.array(Skill) } } },
        ...errors,
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

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/extract",
      summary: "Read a job posting into skills, role, seniority, years, degree and salary",
      request: {
        body: {
          content: { "application/json": { schema: PostingInput.extend({ text: z.string().min(1).max(500_000) }) } },
          required: true,
        },
      },
      responses: {
        200: { description: "what the posting says", content: { "application/json": { schema: ExtractResult } } },
        ...errors,
      },
    }),
    (c) => c.json(extract(c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/resume",
      summary:
        "Read an uploaded resume (PDF, DOCX, text, JSON Resume, LinkedIn export) into a profile; nothing is kept",
      request: {
        body: {
          content: {
            "multipart/form-data": {
              schema: z.object({ file: z.any().openapi({ type: "string", format: "binary" }) }),
            },
          },
          required: true,
        },
      },
      responses: {
        200: { description: "the profile", content: { "application/json": { schema: Profile } } },
        ...errors,
      },
    }),
    async (c) => {
      const form = await c.req.parseBody().catch(() => {
        throw new AppError("INVALID_INPUT", "expected a multipart form with a file field");
      });
      const file = form.file;
      if (!(file instanceof File)) throw new AppError("INVALID_INPUT", 'no file in the form field "file"');
      const profile = await resumes.fromBytes(
        new Uint8Array(await file.arrayBuffer()),
        file.name || "upload",
        deps.today().slice(0, 7),
      );
      return c.json(profile, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/fit",
      summary: "Every role ranked for a profile, with the evidence behind each score",
      request: {
        body: { content: { "application/json": { schema: z.object({ profile: Profile }) } }, required: true },
      },
      responses: {
        200: { description: "roles, best first", content: { "application/json": { schema: z.array(RoleFit) } } },
        ...errors,
      },
    }),
    (c) => c.json(fitRoles(c.req.valid("json").profile, index.pack, deps.today().slice(0, 7)), 200),
  );

  app.openapi(
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
    (c) => {
      const body = c.req.valid("json");
      const plan = buildPlan(body.profile, getRole(index, body.role), index.pack, {
        hoursPerWeek: body.hoursPerWeek,
        start: body.start ?? deps.today(),
      });
      return c.json(plan, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/salary",
      summary: "A salary estimate with an 80% interval and the records behind it",
      request: {
        query: z.object({
          role: z.string().max(100),
          level: z.enum(["entry", "mid", "senior", "executive"]),
          country: z.string().regex(/^[A-Za-z]{2}$/),
          remote: z.enum(["0", "50", "100"]).optional(),
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
      const e = estimateSalary(deps.salaryModel, {
        role: role.id,
        level: q.level,
        country: q.country.toUpperCase(),
        ...(q.remote ? { remote: Number(q.remote) as 0 | 50 | 100 } : {}),
      });
      if (!e) throw new AppError("NOT_FOUND", "no salary records");
      return c.json(e, 200);
    },
  );

  const postings = () => {
    if (!deps.store) throw new AppError("STORE_ERROR", "this server has no store");
    return createPostingRepository(deps.store, similarity);
  };
  app.use("/api/jobs/search", tooLarge(MAX_JSON));

  app.openapi(
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
                country: z
                  .string()
                  .regex(/^[A-Za-z]{2}$/)
                  .optional(),
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
          content: { "application/json": { schema: z.array(RankedPosting) } },
        },
        ...errors,
      },
    }),
    async (c) => {
      const b = c.req.valid("json");
      const roleId = b.role ? getRole(index, b.role).id : undefined;
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
      return c.json(results, 200);
    },
  );

  app.openapi(
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
        200: {
          description: "skill demand",
          content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
        },
        ...errors,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const roleId = q.role ? getRole(index, q.role).id : undefined;
      const demand = await postings().skillDemand({ top: q.top, ...(roleId ? { roleId } : {}) });
      return c.json(
        {
          total: demand.total,
          skills: demand.skills.map((s) => ({ ...s, share: demand.total ? s.n / demand.total : 0 })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/market/salaries",
      summary: "Salary percentiles of stored postings that state a yearly salary",
      request: {
        query: z.object({
          role: z.string().max(100).optional(),
          country: z
            .string()
            .regex(/^[A-Za-z]{2}$/)
            .optional(),
        }),
      },
      responses: {
        200: {
          description: "percentiles",
          content: { "application/json": { schema: z.array(z.record(z.string(), z.unknown())) } },
        },
        ...errors,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const roleId = q.role ? getRole(index, q.role).id : undefined;
      const rows = await postings().salaryPercentiles({
        ...(roleId ? { roleId } : {}),
        ...(q.country ? { country: q.country } : {}),
      });
      return c.json(rows as unknown as Record<string, unknown>[], 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/ingest/status",
      summary: "How many postings the store holds, and how many are reposts",
      responses: {
        200: {
          description: "counts",
          content: { "application/json": { schema: z.object({ total: z.number(), unique: z.number() }) } },
        },
      },
    }),
    async (c) => c.json(await postings().counts(), 200),
  );

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "mlpath API",
      version: "0.1.0",
      description: "Careers in machine learning, answered from evidence.",
    },
  });
  return app;
}
