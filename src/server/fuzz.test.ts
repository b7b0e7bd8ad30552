// Every API body and query meets random and adversarial input: the answer is always a 2xx or a
// 4xx with the API's error shape, never a 5xx, a hang or a stack trace. Fixed seeds, bounded runs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { indexPack } from "../knowledge/query.js";
import { SalaryModel } from "../market/salary-model.js";
import { profileWith } from "../match/test-profiles.js";
import { type TestStore, testStores, useTestStore } from "../store/test-stores.js";
import { createApp } from "./app.js";

const root = join(import.meta.dirname, "..", "..");
const salaryModel = SalaryModel.parse(JSON.parse(readFileSync(join(root, "models", "salary-v2.json"), "utf8")));
const profile = profileWith(["python", "sql", "pytorch"], { years: 2 });

/** Strings that break naive code: confusables, RTL marks, NUL, huge numbers, injection, markup. */
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    "",
    "\u0000",
    "\u202eevil\u202c",
    "Руthon",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "1e309",
    "2026-02-30",
    "-0",
    "NaN",
    "{}",
    "x".repeat(5000),
  ),
);
/** Any JSON value, with the nasty strings inside, a few levels deep. */
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    nasty,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(fc.oneof(nasty, fc.constantFrom("profile", "text", "role", "top", "name")), tie("value"), {
      maxKeys: 5,
    }),
  ),
})).value;
/** Valid bodies with one field replaced by anything: the likeliest way a real client goes wrong. */
const mutated = (valid: Record<string, unknown>) =>
  fc.tuple(fc.constantFrom(...Object.keys(valid)), anyJson).map(([key, value]) => ({ ...valid, [key]: value }));

const POSTS: [string, Record<string, unknown>][] = [
  ["/api/extract", { text: "Python and SQL, 3+ years", title: "Data Analyst" }],
  ["/api/fit", { profile }],
  ["/api/plan", { profile, role: "data-analyst", hoursPerWeek: 10 }],
  ["/api/plan/export?format=md", { profile, role: "data-analyst", hoursPerWeek: 10 }],
  ["/api/jobs/search", { profile, top: 5 }],
  ["/api/profiles", { profile, name: "fuzz" }],
];
const GETS = [
  "/api/roles/",
  "/api/skills?q=",
  "/api/salary?role=data-scientist&level=mid&country=",
  "/api/market/skills?top=",
  "/api/market/trends?split=",
  "/api/market/industries?role=",
  "/api/profiles/",
  "/api/samples/",
];

describe("API fuzz", () => {
  const store = useTestStore(testStores()[0] as TestStore);
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    app = createApp({ index: indexPack(loadKnowledge()), salaryModel, today: () => "2026-11-25", store: store() });
  });

  const expectHandled = async (res: Response, what: string) => {
    expect(res.status, what).toBeLessThan(500);
    if (res.status >= 400) {
      const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
      expect(typeof body.error?.code, what).toBe("string");
      expect(typeof body.error?.message, what).toBe("string");
      expect(String(body.error?.message), what).not.toMatch(/\n\s+at /);
    } else await res.arrayBuffer();
  };

  for (const [path, valid] of POSTS) {
    it(`POST ${path}: random bodies, mutated valid bodies and raw bytes`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(anyJson, mutated(valid)), async (body) => {
          const res = await app.request(path, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify(body),
          });
          await expectHandled(res, `${path} ${JSON.stringify(body).slice(0, 200)}`);
        }),
        { seed: 20261125, numRuns: 60 },
      );
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 300 }),
          fc.constantFrom("application/json", "text/plain", "multipart/form-data"),
          async (bytes, type) => {
            const res = await app.request(path, { method: "POST", headers: { "content-type": type }, body: bytes });
            await expectHandled(res, `${path} ${type} bytes`);
          },
        ),
        { seed: 7, numRuns: 30 },
      );
    }, 60_000);
  }

  it("takes NUL bytes in text that reaches the store: a profile's name and text, a search query", async () => {
    const post = (path: string, body: unknown) =>
      app.request(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const saved = await post("/api/profiles", { profile: { ...profile, headline: "a\u0000b" }, name: "n\u0000ul" });
    expect(saved.status).toBe(201);
    const { id, name } = (await saved.json()) as { id: string; name: string };
    expect(name).toBe("nul");
    expect(((await (await app.request(`/api/profiles/${id}`)).json()) as { headline: string }).headline).toBe("ab");
    expect((await post("/api/jobs/search", { profile, query: "py\u0000thon" })).status).toBe(200);
    expect((await app.request("/api/market/trends?split=2026-02-30")).status).toBe(400);
  });

  it("GET routes: adversarial path segments and query values", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...GETS), nasty, async (prefix, value) => {
        const res = await app.request(`${prefix}${encodeURIComponent(value)}`);
        await expectHandled(res, `${prefix}${value.slice(0, 50)}`);
      }),
      { seed: 42, numRuns: 150 },
    );
  }, 60_000);
});
