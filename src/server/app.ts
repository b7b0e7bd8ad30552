import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { createResumeFileReader } from "../documents/read-resume.js";
import { createResumeThread } from "../documents/resume-thread.js";
import { ERROR_CODES, isAppError } from "../errors.js";
import { createExtractor } from "../extract/index.js";
import type { PackIndex } from "../knowledge/query.js";
import type { SalaryModel } from "../market/salary-model.js";
import type { Db } from "../store/db.js";
import { pathEncodingError, queryEncodingError, unpairedSurrogateError } from "./request-text.js";
import { createRouter } from "./router.js";
import { careerRoutes } from "./routes/career.js";
import { documentRoutes } from "./routes/documents.js";
import { knowledgeRoutes } from "./routes/knowledge.js";
import { marketRoutes } from "./routes/market.js";
import { profileRoutes } from "./routes/profiles.js";
import { defaultSamplesDir } from "./samples.js";
import { defaultWebRoot, serveWeb } from "./web.js";

export interface AppDeps {
  index: PackIndex;
  salaryModel: SalaryModel;
  /** Today as YYYY-MM-DD: the server is an edge and may read the clock, the core may not. */
  today: () => string;
  /** When set, every /api request must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** The store, opened once for the server's life; the job and market routes need it. */
  store?: Db;
  /** The built web UI served at `/`; dist/web by default. Where it is missing, `/` says how to build it. */
  webRoot?: string;
  /** The sample resumes offered by /api/samples; the repository's samples/resumes by default. */
  samplesDir?: string;
}

const MAX_JSON = 1024 * 1024;
const MAX_UPLOAD = 10 * 1024 * 1024;

/**
 * Whether an Authorization header carries the token: the scheme in any case (RFC 7235; "bearer"
 * had been refused), the token compared in constant time.
 */
function bearerMatches(header: string | undefined, token: string): boolean {
  const sent = /^bearer +(\S+) *$/i.exec(header ?? "")?.[1];
  if (sent === undefined) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The HTTP API: the CLI's capabilities as JSON over the same core, and the web UI beside it. Every
 * body is validated by the zod schemas that also generate /api/openapi.json; failures are
 * `{ error: { code, message } }` with the status the error code maps to.
 */
/** A Hono route path ("/api/roles/:id") as a pattern for whole request paths. */
const routePattern = (path: string): RegExp =>
  new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:[^/]+/g, "[^/]+")}$`);

/** "localhost", a name under it, 127.x.y.z or [::1], with or without a port. */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  return (
    name === "localhost" ||
    name.endsWith(".localhost") ||
    name === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name)
  );
}

export function createApp(deps: AppDeps) {
  const { index } = deps;
  const app = createRouter();

  // The web UI runs under this policy unchanged: no inline script or style attribute. React and
  // ECharts set styles through the CSSOM, which the policy allows; test/web.test.ts fails on any refusal.
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
      xContentTypeOptions: "nosniff",
    }),
  );
  // Without a token the server trusts whoever can reach it, which is this machine alone. A web
  // page can still point a name it controls at 127.0.0.1 (DNS rebinding) and read saved profiles
  // as same-origin; its requests carry that name in Host, so only loopback names are answered.
  if (!deps.token) {
    app.use("*", async (c, next) => {
      const host = c.req.header("host");
      if (host !== undefined && !isLoopbackHost(host)) {
        return c.json(
          {
            error: {
              code: "FORBIDDEN_HOST",
              message: `this server answers only to localhost, 127.0.0.1 or [::1], not "${host.slice(0, 100)}"; set MLPATH_TOKEN to serve other names`,
            },
          },
          403,
        );
      }
      await next();
    });
  }
  app.use("/api/*", async (c, next) => {
    if (deps.token && !bearerMatches(c.req.header("authorization"), deps.token)) {
      return c.json({ error: { code: "UNAUTHORIZED", message: "a valid bearer token is required" } }, 401, {
        "WWW-Authenticate": 'Bearer realm="mlpath"',
      });
    }
    await next();
  });
  const invalid = (c: Context, message: string) => c.json({ error: { code: "INVALID_INPUT", message } }, 400);
  // Every route's path and query, in one place: what Hono cannot decode reached the route as sent.
  app.use("/api/*", async (c, next) => {
    const problem = pathEncodingError(c.req.url) ?? queryEncodingError(c.req.url);
    if (problem) return invalid(c, problem);
    await next();
  });
  const tooLarge = (limit: number): MiddlewareHandler => {
    const onError = (c: Context) =>
      c.json({ error: { code: "TOO_LARGE", message: `the body is over ${limit / 1048576} MB` } }, 413);
    const streamed = bodyLimit({ maxSize: limit, onError });
    return async (c, next) => {
      // Hono's bodyLimit looks at `c.req.raw.body` first, which makes @hono/node-server build a
      // full web Request and read every body through a web stream (a sixth of a job search's
      // CPU). A declared length says enough, as it does in bodyLimit, and the body is then read
      // through node-server's direct path; chunked bodies are counted by bodyLimit as before.
      const length = c.req.header("content-length");
      if (length === undefined || c.req.header("transfer-encoding") !== undefined) return streamed(c, next);
      // GET and HEAD have no body, and bodyLimit lets them through whatever they declare.
      if (c.req.method === "GET" || c.req.method === "HEAD") return next();
      if (Number.parseInt(length, 10) > limit) return onError(c);
      await next();
    };
  };
  // JSON is UTF-8 (RFC 8259). Hono decodes a body leniently, so bytes that are not UTF-8 had become
  // U+FFFD in a stored profile or an extracted posting without a word; they are refused here. The
  // bytes read are kept by Hono for the validator that parses them next.
  const utf8Json: MiddlewareHandler = async (c, next) => {
    // The media types Hono's validator parses as JSON, "+json" ones included, which had been let
    // through unchecked ("application/vnd.api+json").
    const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim() ?? "";
    if (!/^application\/([\w.-]+\+)?json$/i.test(type)) return next();
    let text: string;
    try {
      text = strictUtf8.decode(await c.req.arrayBuffer());
    } catch {
      return invalid(c, "the body is not valid UTF-8; send JSON encoded as UTF-8");
    }
    // Valid UTF-8 still escapes half a character ("\ud800"), which JSON.parse takes as it is.
    const surrogate = unpairedSurrogateError(text);
    if (surrogate) return invalid(c, surrogate);
    await next();
  };
  // The one route whose body is a file upload: its cap and the type a 415 asks for.
  const UPLOAD_PATH = "/api/resume";
  app.use(UPLOAD_PATH, tooLarge(MAX_UPLOAD));
  for (const path of ["/api/extract", "/api/fit", "/api/plan", "/api/plan/export", "/api/jobs/search", "/api/profiles"])
    app.use(path, tooLarge(MAX_JSON), utf8Json);

  app.onError((e, c) => {
    if (isAppError(e)) {
      return c.json(
        { error: { code: e.code, message: e.hint ? `${e.message}; ${e.hint}` : e.message } },
        ERROR_CODES[e.code].http as 400,
      );
    }
    // Hono's own validators throw HTTPException for malformed JSON or multipart bodies.
    if (e instanceof HTTPException && e.status === 415) {
      const wanted = c.req.path === UPLOAD_PATH ? "multipart/form-data" : "application/json";
      const sent = c.req.header("content-type");
      return c.json(
        {
          error: {
            code: "UNSUPPORTED",
            message: `send the body as Content-Type: ${wanted}, not ${sent ? `"${sent.slice(0, 100)}"` : "without one"}`,
          },
        },
        415,
      );
    }
    if (e instanceof HTTPException && e.status < 500) {
      return c.json({ error: { code: "INVALID_INPUT", message: e.message || "bad request" } }, e.status);
    }
    return c.json({ error: { code: "INTERNAL", message: "unexpected error" } }, 500);
  });
  app.notFound((c) => {
    // A path the API has, asked with another method ("GET /api/extract"), is a 405 that says which.
    const allowed = [
      ...new Set(
        app.routes.filter((r) => r.method !== "ALL" && routePattern(r.path).test(c.req.path)).map((r) => r.method),
      ),
    ];
    if (allowed.length > 0)
      return c.json(
        {
          error: {
            code: "METHOD_NOT_ALLOWED",
            message: `${c.req.path} takes ${allowed.join(" or ")}, not ${c.req.method}`,
          },
        },
        405,
        { Allow: allowed.join(", ") },
      );
    return c.json({ error: { code: "NOT_FOUND", message: `no route ${c.req.method} ${c.req.path}` } }, 404);
  });

  const api = app
    .route("/", knowledgeRoutes(index))
    .route(
      "/",
      documentRoutes({
        extract: createExtractor(index.pack),
        resumes: createResumeFileReader(index.pack),
        uploads: createResumeThread(index.pack),
        today: deps.today,
        samplesDir: deps.samplesDir ?? defaultSamplesDir(),
      }),
    )
    .route("/", careerRoutes(deps))
    .route("/", marketRoutes(deps))
    .route("/", profileRoutes(deps));

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "needed only when the server was started with MLPATH_TOKEN",
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    // Optional: no token on a server that listens on loopback alone.
    security: [{}, { bearer: [] }],
    info: {
      title: "mlpath API",
      version: "0.1.0",
      description:
        "Careers in machine learning, answered from evidence. Requests are strict: a query parameter or body field a route does not read, at any depth, is a 400 that names it, as is a profile whose skill or role ids are not the knowledge pack's, a path segment or query parameter that is not UTF-8 percent-encoding and a JSON string holding half a surrogate pair.",
    },
  });
  // After every API route, so it only sees what they did not answer.
  app.use("*", serveWeb(deps.webRoot ?? defaultWebRoot()));
  return api;
}

/** The API's routes with their request and response types, for `hc<AppType>` in the web UI. */
export type AppType = ReturnType<typeof createApp>;
