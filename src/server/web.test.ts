import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { indexPack } from "../knowledge/query.js";
import { SalaryModel } from "../market/salary-model.js";
import { createApp } from "./app.js";

const root = mkdtempSync(join(tmpdir(), "mlpath-web-"));
mkdirSync(join(root, "assets"));
writeFileSync(join(root, "index.html"), '<!doctype html><script type="module" src="/assets/app-1a2b.js"></script>');
writeFileSync(join(root, "assets", "app-1a2b.js"), "console.log(1)");
afterAll(() => rmSync(root, { recursive: true, force: true }));

const index = indexPack(loadKnowledge());
const salaryModel = SalaryModel.parse({
  version: 2,
  trainedOn: "2026-11",
  source: "test",
  rows: 0,
  coefficients: {},
  titleCoefficients: {},
  rolePrior: {},
  drift: 0,
  prior: 1,
  spread: 1,
  cells: {},
});
const token = "s3cret-token-1234567";
const app = createApp({ index, salaryModel, today: () => "2026-11-25", webRoot: root, token });

describe("web UI serving", () => {
  it("serves index.html at / and for the UI's own routes, without the API token", async () => {
    for (const [path, status] of [
      ["/", 200],
      ["/plan", 200],
      ["/roles/data-scientist", 200],
      // The page itself says "Not found"; the status says it too, where it had said 200.
      ["/plna", 404],
      ["/roles/a/b", 404],
    ] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(await res.text()).toContain("/assets/app-1a2b.js");
    }
  });

  it("caches hashed assets for a year and answers 404 for a missing one", async () => {
    const js = await app.request("/assets/app-1a2b.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("cache-control")).toContain("immutable");
    expect((await app.request("/assets/gone-0000.js")).status).toBe(404);
    const outside = await app.request("/assets/..%2f..%2f..%2fpackage.json");
    expect(outside.status).toBe(404);
  });

  it("leaves /api to the API: unknown API paths are JSON 404s and the token is still asked", async () => {
    const missing = await app.request("/api/nothing", { headers: { authorization: `Bearer ${token}` } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect((await app.request("/api/roles")).status).toBe(401);
  });

  it("says how to build the UI when it is missing", async () => {
    const bare = createApp({ index, salaryModel, today: () => "2026-11-25", webRoot: join(root, "nowhere") });
    const res = await bare.request("/");
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("npm run build");
  });
});
