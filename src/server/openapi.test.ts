import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { indexPack } from "../knowledge/query.js";
import { SalaryModel } from "../market/salary-model.js";
import { createApp } from "./app.js";

const root = join(import.meta.dirname, "..", "..");
const salaryModel = SalaryModel.parse(JSON.parse(readFileSync(join(root, "models", "salary-v2.json"), "utf8")));
const app = createApp({ index: indexPack(loadKnowledge()), salaryModel, today: () => "2026-11-25" });

interface Schema {
  type?: string;
  format?: string;
  default?: unknown;
  description?: string;
  properties?: Record<string, Schema>;
}
interface Operation {
  summary: string;
  parameters?: { name: string; in: string; description?: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string }>;
}
const doc = (await (await app.request("/api/openapi.json")).json()) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
const operation = (path: string, method: string) => {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`no ${method} ${path} in the document`);
  return op;
};
const parameter = (path: string, name: string) => {
  const p = operation(path, "get").parameters?.find((x) => x.name === name);
  if (!p) throw new Error(`no parameter ${name} of ${path}`);
  return p;
};

describe("the OpenAPI document", () => {
  it("gives the default of each market report's top, as the routes apply it", () => {
    // The generator dropped a default behind the count's transform: top read as having none.
    expect(parameter("/api/market/skills", "top").schema).toMatchObject({ type: "integer", maximum: 500, default: 20 });
    expect(parameter("/api/market/trends", "top").schema).toMatchObject({ type: "integer", maximum: 200, default: 20 });
    expect(parameter("/api/market/industries", "top").schema).toMatchObject({ maximum: 200, default: 15 });
  });

  it("says market trends split by month, as the store does, with the default it uses", () => {
    // It had said "before a date ... (default: the median date)"; a split of the 15th counts from the 1st.
    const trends = operation("/api/market/trends", "get");
    expect(trends.summary).not.toContain("median date");
    expect(trends.summary).toContain("the month after the median posting's");
    const split = parameter("/api/market/trends", "split");
    expect(split.schema.format).toBe("date");
    expect(split.description).toContain("its month");
  });

  it("says an upload's 415 is also a file of a kind no reader takes", async () => {
    // Its 415 read only "the body's Content-Type is not the one the route takes", which a PNG sent
    // as multipart/form-data is not, yet a 415 is what it gets.
    const form = new FormData();
    form.append("file", new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])], "cv.png"));
    const res = await app.request("/api/resume", { method: "POST", body: form });
    expect(res.status).toBe(415);
    expect(operation("/api/resume", "post").responses["415"]?.description).toMatch(/multipart.*an image/);
  });

  it("says what a plan's start is and what it is when left out", async () => {
    // It had been documented as any string, with no default, though a plan starts today without one.
    for (const path of ["/api/plan", "/api/plan/export"]) {
      const start = operation(path, "post").requestBody?.content["application/json"]?.schema.properties?.start;
      expect(start, path).toMatchObject({ type: "string", format: "date" });
      expect(start?.description, path).toMatch(/1970-01-01 to 2100-12-31; default: the server's today/);
    }
    const profile = await (await app.request("/api/samples/new-graduate")).json();
    const plan = await app.request("/api/plan", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ profile, role: "data-scientist" }),
    });
    expect(await plan.json()).toMatchObject({ start: "2026-11-25", hoursPerWeek: 10 });
  });

  it("says what jobs search's remote and the market's country filters take", () => {
    // remote: false filters nothing, and a country is a code read through countryCode; the document
    // had said only "boolean" and "string".
    const body = operation("/api/jobs/search", "post").requestBody?.content["application/json"]?.schema.properties;
    expect(body?.remote?.description).toBe("true: only remote postings; false or left out: any");
    expect(body?.country?.description).toMatch(/two-letter ISO 3166 code in any case, UK for GB/);
    expect(parameter("/api/market/salaries", "country").schema.description).toMatch(/two-letter ISO 3166 code/);
  });

  it("says what a salary's country and remote share take", async () => {
    // Documented as two letters and an enum of "0", "50", "100" with no word of what they mean.
    expect(parameter("/api/salary", "remote").description).toMatch(
      /0 on site, 50 hybrid, 100 fully remote; default: any/,
    );
    expect(parameter("/api/salary", "country").description).toMatch(/UK for GB.*no answers from is a 400/);
    const base = "/api/salary?role=data-scientist&level=mid";
    expect((await app.request(`${base}&country=uk`)).status).toBe(200);
    expect((await app.request(`${base}&country=ZZ`)).status).toBe(400);
  });

  it("says a salary estimate is yearly and a plan's pay figures name the periods they can have", () => {
    // Both had been documented as any string.
    expect(doc.components.schemas.SalaryEstimate?.properties?.period).toMatchObject({ enum: ["year"] });
    expect(JSON.stringify(operation("/api/plan", "post").responses["200"])).toMatch(
      /"period":\{"type":"string","enum":\["year","month","hour"\]/,
    );
  });

  it("lists the 500 any route gives for a failure it did not expect, in the error shape", async () => {
    // The error handler answers one on every route; no operation had listed it.
    for (const [path, methods] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(methods))
        expect(op.responses["500"]?.description, `${method} ${path}`).toMatch(/did not expect/);
    const broken = createApp({
      index: indexPack(loadKnowledge()),
      salaryModel,
      today: () => {
        throw new Error("no clock");
      },
    });
    const res = await broken.request("/api/fit", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ profile: await (await app.request("/api/samples/new-graduate")).json() }),
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: "INTERNAL", message: "unexpected error" } });
  });

  it("says skills without q is the whole taxonomy", async () => {
    expect(parameter("/api/skills", "q").description).toMatch(/left out or blank: every skill in name order/);
    const all = (await (await app.request("/api/skills")).json()) as { name: string }[];
    expect(all.length).toBeGreaterThan(1000);
    expect(await (await app.request("/api/skills?q=%20")).json()).toEqual(all);
    const names = all.map((s) => s.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it("says what extract's id and title are for", async () => {
    const body = operation("/api/extract", "post").requestBody?.content["application/json"]?.schema.properties;
    expect(body?.id?.description).toBe("answered back as given");
    expect(body?.title?.description).toMatch(/default: the text's first line/);
    const read = async (posting: object) =>
      (await (
        await app.request("/api/extract", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(posting),
        })
      ).json()) as { id?: string; role: { id: string } };
    const text = "Data Scientist\nWe use Python, SQL and statistics to build models.";
    expect(await read({ id: "p-1", text })).toMatchObject({ id: "p-1" });
    // A title other than the first line, so a title not read could not pass: it had been the first line itself.
    expect((await read({ text })).role.id).toBe("data-scientist");
    expect((await read({ title: "Data Engineer", text })).role.id).toBe("data-engineer");
  });
});
