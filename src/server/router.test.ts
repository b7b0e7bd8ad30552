import { createRoute, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { createRouter } from "./router.js";

const route = (schema: z.ZodType) =>
  createRoute({
    method: "post",
    path: "/x",
    request: { body: { content: { "application/json": { schema } }, required: true } },
    responses: { 200: { description: "the body as validated" } },
  });
const post = (app: ReturnType<typeof createRouter>, body: unknown) =>
  app.request("/x", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("createRouter", () => {
  it("validates bodies synchronously, with defaults applied and the API's error shape", async () => {
    const schema = z.object({ name: z.string().min(1), top: z.number().int().default(20) });
    const app = createRouter().openapi(route(schema), (c) => c.json(c.req.valid("json") as object, 200));
    expect(Object.hasOwn(schema, "safeParseAsync")).toBe(true);
    expect(await (await post(app, { name: "a" })).json()).toEqual({ name: "a", top: 20 });
    const bad = await post(app, { name: "" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: "INVALID_INPUT", message: expect.stringMatching(/^name: /) },
    });
  });

  it("still validates a schema with an asynchronous check, asynchronously", async () => {
    const schema = z.object({ name: z.string().refine(async (s) => s !== "taken", "taken") });
    const app = createRouter().openapi(route(schema), (c) => c.json(c.req.valid("json") as object, 200));
    expect((await post(app, { name: "free" })).status).toBe(200);
    const bad = await post(app, { name: "taken" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { message: "name: taken" } });
  });
});
