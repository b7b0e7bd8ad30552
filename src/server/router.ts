import { OpenAPIHono, z } from "@hono/zod-openapi";

export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi("Error");

/** Text that must hold more than spaces, as the CLI says of an empty file: spaces alone had been stored. */
export const nonBlankText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((t) => t.trim() !== "", "must not be blank");

/** The error responses most routes can give, for the OpenAPI document and the typed client. */
export const errors = {
  400: { description: "bad input", content: { "application/json": { schema: ErrorBody } } },
  404: { description: "not found", content: { "application/json": { schema: ErrorBody } } },
} as const;

const error = (description: string) => ({ description, content: { "application/json": { schema: ErrorBody } } });

/**
 * Answered on every route: by the app's guards (see app.ts), and as a 400 for a query parameter
 * the route does not read, which routes without parameters had left out of the document, or one
 * (or a path segment) that is not UTF-8 percent-encoding. The app's error handler answers any
 * failure it did not expect as a 500 in the same shape, which the document had not listed.
 */
const guardErrors = {
  400: errors[400],
  401: error("MLPATH_TOKEN is set and the request has no valid bearer token"),
  403: error("no token is set and the Host header is not a loopback name (localhost, 127.x.y.z, [::1])"),
  500: error('a failure the server did not expect: code INTERNAL, message "unexpected error"'),
} as const;

/** Answered before a body reaches its route: too large (1 MB of JSON, 10 MB of upload) or of another type. */
const bodyErrors = {
  413: error("the body is too large"),
  415: error("the body's Content-Type is not the one the route takes"),
} as const;

/** Routes over the store also fail when the server has none or it is down. */
export const storeErrors = {
  ...errors,
  503: { description: "no store, or the store is unavailable", content: { "application/json": { schema: ErrorBody } } },
} as const;

const PART: Record<string, string> = { json: "body", query: "query", param: "path", form: "form", header: "headers" };

/**
 * The first thing wrong with a request, where it is. A key no route reads is named as such
 * (bodies and queries are strict): a misspelt "?tpo=5" or "hoursperweek" had been passed over.
 */
function describeIssue(target: string, error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.join(".") || (PART[target] ?? target);
  if (issue?.code === "unrecognized_keys") {
    const kind = target === "query" ? "parameter" : "field";
    const names = issue.keys.map((k) => `"${k.slice(0, 80)}"`).join(", ");
    return `${where}: unknown ${kind}${issue.keys.length > 1 ? "s" : ""} ${names}; see /api/openapi.json`;
  }
  return `${where}: ${issue?.message ?? "invalid"}`;
}

/**
 * A router whose validation failures have the API's error shape. Every resource gets its own, so
 * each is mounted with `app.route` and its routes stay chained: the chain is what carries the
 * route types to `hc<AppType>` in the web UI.
 */
export function createRouter() {
  const router = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        return c.json({ error: { code: "INVALID_INPUT", message: describeIssue(result.target, result.error) } }, 400);
      }
    },
  });
  const register = router.openapi;
  router.openapi = ((route, handler, hook) => {
    // A route that reads no query refuses one, as the routes that read one refuse keys they do
    // not know: "/api/roles?category=x" had answered every role as if filtered.
    if (!route.request?.query) route = { ...route, request: { ...route.request, query: z.strictObject({}) } };
    // What the app's middleware answers before any route runs, so the document lists every status.
    route = {
      ...route,
      responses: {
        ...guardErrors,
        ...(route.request?.body ? bodyErrors : {}),
        ...route.responses,
      },
    };
    const { request } = route;
    const bodies = Object.values(request?.body?.content ?? {}).map(
      (media) => media && "schema" in media && media.schema,
    );
    for (const schema of [request?.query, request?.params, request?.headers, request?.cookies, ...bodies])
      if (schema instanceof z.ZodType) parseSync(schema);
    return register(route, handler, hook);
  }) as typeof register;
  return router;
}

/**
 * Hono's zod validator parses with `safeParseAsync`, and zod takes its compiled fast path for
 * objects only in a synchronous parse: a 12 KB profile body validated in ~0.2 ms instead of
 * ~0.05 ms, a tenth of a job search. The API's schemas have no async refinements, so the
 * validator is handed the synchronous parse (same result, same issues); a schema that gains one
 * falls back to the asynchronous parse instead of failing.
 */
function parseSync(schema: z.ZodType): void {
  if (Object.hasOwn(schema, "safeParseAsync")) return;
  const parseAsync = schema.safeParseAsync.bind(schema);
  schema.safeParseAsync = async (data, params) => {
    try {
      return schema.safeParse(data, params);
    } catch (e) {
      if (e instanceof z.core.$ZodAsyncError) return parseAsync(data, params);
      throw e;
    }
  };
}
