import { OpenAPIHono, z } from "@hono/zod-openapi";

export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi("Error");

/** The error responses most routes can give, for the OpenAPI document and the typed client. */
export const errors = {
  400: { description: "bad input", content: { "application/json": { schema: ErrorBody } } },
  404: { description: "not found", content: { "application/json": { schema: ErrorBody } } },
} as const;

/** Routes over the store also fail when the server has none or it is down. */
export const storeErrors = {
  ...errors,
  503: { description: "no store, or the store is unavailable", content: { "application/json": { schema: ErrorBody } } },
} as const;

/**
 * A router whose validation failures have the API's error shape. Every resource gets its own, so
 * each is mounted with `app.route` and its routes stay chained: the chain is what carries the
 * route types to `hc<AppType>` in the web UI.
 */
export function createRouter() {
  return new OpenAPIHono({
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
}
