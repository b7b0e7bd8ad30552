import { once } from "node:events";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { indexPack } from "../knowledge/query.js";
import { SalaryModel } from "../market/salary-model.js";
import { profileWith } from "../match/test-profiles.js";
import { inThreadPreparer } from "../sources/prepare-pool.js";
import type { Db } from "../store/db.js";
import { ingestFiles } from "../store/ingest.js";
import { createPostingRepository } from "../store/postings.js";
import { testStores } from "../store/test-stores.js";
import { similarity } from "../text/minhash.js";
import { createApp } from "./app.js";

const root = join(import.meta.dirname, "..", "..");
const salaryModel = SalaryModel.parse(JSON.parse(readFileSync(join(root, "models", "salary-v2.json"), "utf8")));
const app = createApp({ index: indexPack(loadKnowledge()), salaryModel, today: () => "2026-11-25" });
const json = (path: string, body: unknown) =>
  app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const upload = (name: string, bytes: Uint8Array | string) => {
  const form = new FormData();
  form.append("file", new File([bytes], name));
  return app.request("/api/resume", { method: "POST", body: form });
};

describe("API", () => {
  it("lists roles and shows one, with a suggestion for a typo", async () => {
    const roles = (await (await app.request("/api/roles")).json()) as { id: string }[];
    expect(roles).toHaveLength(17);
    const one = await app.request("/api/roles/data-scientist");
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: "data-scientist", duties: expect.any(Array) });
    const typo = await app.request("/api/roles/data-scientst");
    expect(typo.status).toBe(404);
    expect(((await typo.json()) as { error: { message: string } }).error.message).toContain(
      'did you mean "data-scientist"',
    );
  });

  it("searches skills and validates the category", async () => {
    const hits = (await (await app.request("/api/skills?q=sklearn")).json()) as { id: string }[];
    expect(hits[0]?.id).toBe("scikit-learn");
    const bad = await app.request("/api/skills?category=astrology");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "INVALID_INPUT" } });
  });

  it("says which method a path takes, and which content type a body needs", async () => {
    // Both had been bare: "no route GET /api/extract" (404) and "Unsupported Media Type".
    const get = await app.request("/api/extract");
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(await get.json()).toMatchObject({ error: { message: "/api/extract takes POST, not GET" } });
    const post = await app.request("/api/roles/data-scientist", { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET");
    const remove = await app.request("/api/profiles/0123456789ab", { method: "PUT" });
    expect(remove.headers.get("allow")?.split(", ").sort()).toEqual(["DELETE", "GET"]);
    expect((await app.request("/api/nothing-here", { method: "POST" })).status).toBe(404);
    const text = await app.request("/api/fit", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({
      error: { code: "UNSUPPORTED", message: 'send the body as Content-Type: application/json, not "text/plain"' },
    });
  });

  it("refuses query parameters and body fields no route reads, naming them", async () => {
    // Each was passed over: a misspelt filter answered as if it had been applied.
    const message = async (res: Response) => {
      expect(res.status).toBe(400);
      return ((await res.json()) as { error: { message: string } }).error.message;
    };
    expect(await message(await app.request("/api/skills?q=sql&categroy=cloud"))).toBe(
      'query: unknown parameter "categroy"; see /api/openapi.json',
    );
    expect(await message(await app.request("/api/roles?category=cloud&x=1"))).toBe(
      'query: unknown parameters "category", "x"; see /api/openapi.json',
    );
    expect(await message(await app.request("/api/roles/data-scientist?verbose=1"))).toContain('"verbose"');
    expect(await message(await json("/api/extract", { text: "SQL and Python", tittle: "Analyst" }))).toBe(
      'body: unknown field "tittle"; see /api/openapi.json',
    );
    expect(await message(await json("/api/fit?role=data-analyst", { profile: {} }))).toContain('"role"');
  });

  it("refuses a query parameter that is not UTF-8 percent-encoding, on every route, naming it", async () => {
    // Hono kept what it could not decode as sent: "?q=%FF" searched for the text "%FF" and answered [].
    const refused = async (url: string, init?: RequestInit) => {
      const res = await app.request(url, init);
      expect(res.status, url).toBe(400);
      return ((await res.json()) as { error: { code: string; message: string } }).error;
    };
    const fix = "percent-encode the text's UTF-8 bytes, as encodeURIComponent does";
    expect(await refused("/api/skills?q=%FF")).toEqual({
      code: "INVALID_INPUT",
      message: `query: parameter "q" is not valid UTF-8 percent-encoding ("%FF"); ${fix}`,
    });
    // "é" in Latin-1, half of a UTF-8 sequence, a "%" with no digits, a name: each in the route's own way.
    const salary = "/api/salary?role=data-scientist&level=mid&country=US";
    for (const [url, name] of [
      [`${salary}&title=Caf%E9`, "title"],
      ["/api/skills?category=cloud&q=caf%C3", "q"],
      ["/api/market/skills?role=data-scientist&top=5%", "top"],
      ["/api/market/trends?split=2026%2D01%2", "split"],
      ["/api/market/industries?role=%ZZ", "role"],
      ["/api/market/salaries?country=U%D0", "country"],
      ["/api/roles/data-scientist?x+y=%80", "x y"],
    ])
      expect((await refused(url as string)).message, url).toContain(`parameter "${name}" is not valid UTF-8`);
    expect((await refused("/api/roles?%FF=1")).message).toBe(
      `query: the parameter name "%FF" is not valid UTF-8 percent-encoding; ${fix}`,
    );
    // A path segment too: "/api/roles/%FF" had been a 404 for the role id "%FF".
    for (const url of ["/api/roles/%FF", "/api/profiles/caf%E9", "/api/roles/data%2"])
      expect((await refused(url)).message, url).toMatch(/^path: ".+" is not valid UTF-8 percent-encoding; /);
    expect((await app.request("/api/roles/data%2Dscientist")).status).toBe(200);
    const exported = await refused("/api/plan/export?format=m%E4", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(exported.message).toContain('parameter "format"');
    // UTF-8, "+" for a space and an encoded "%" are read as before.
    for (const q of ["scikit%2Dlearn", "caf%C3%A9", "machine+learning", "100%25", "%F0%9F%98%80"])
      expect((await app.request(`/api/skills?q=${q}`)).status, q).toBe(200);
    expect(((await (await app.request("/api/skills?q=scikit%2Dlearn")).json()) as { id: string }[])[0]?.id).toBe(
      "scikit-learn",
    );
  });

  it("refuses a JSON body holding half a surrogate pair, naming the field", async () => {
    // JSON.parse takes "\ud800", and the text had been read, stored and answered as U+FFFD.
    const send = async (path: string, body: string, type = "application/json") => {
      const res = await app.request(path, { method: "POST", headers: { "content-type": type }, body });
      return { status: res.status, message: ((await res.json()) as { error?: { message: string } }).error?.message };
    };
    const fix = 'half of a character; send the whole character, as UTF-8 or an escaped pair such as "\\ud83d\\ude00"';
    expect(await send("/api/extract", '{"text":"SQL \\ud800 and Python"}')).toEqual({
      status: 400,
      message: `text: holds an unpaired surrogate ("\\ud800"), ${fix}`,
    });
    for (const [body, says] of [
      ['{"title":"Analyst \\uDE00","text":"SQL"}', 'title: holds an unpaired surrogate ("\\ude00")'],
      ['{"text":"SQL \\ude00\\ud83d"}', 'text: holds an unpaired surrogate ("\\ude00")'],
      ['{"text":"SQL","\\ud83d":1}', 'body: has a field name with an unpaired surrogate ("\\ud83d")'],
      ['"\\udbff"', 'body: holds an unpaired surrogate ("\\udbff")'],
    ] as const) {
      const e = await send("/api/extract", body);
      expect(e.status, body).toBe(400);
      expect(e.message, body).toBe(`${says}, ${fix}`);
    }
    const profile = { ...profileWith(["python", "sql"]), headline: "ML \u00e9 \ud83d" };
    expect(await send("/api/fit", JSON.stringify({ profile }))).toEqual({
      status: 400,
      message: `profile.headline: holds an unpaired surrogate ("\\ud83d"), ${fix}`,
    });
    // On "+json" types too, as the UTF-8 check is.
    const typed = await send("/api/extract", '{"text":"\\ud800"}', "application/vnd.api+json");
    expect(typed.status).toBe(400);
    // A whole pair, an escaped backslash before "ud800" and text without escapes are read as before.
    for (const body of ['{"text":"SQL \\ud83d\\ude00"}', '{"text":"SQL \\\\ud800"}', '{"text":"SQL 😀"}'])
      expect((await send("/api/extract", body)).status, body).toBe(200);
  });

  it("extracts a posting and rejects wrong types, empty text and broken JSON", async () => {
    const ok = await json("/api/extract", {
      title: "Senior Data Engineer",
      text: "5+ years with Airflow, dbt and SQL. Salary: $150,000 - $180,000 per year.",
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ role: { id: "data-engineer" }, minYears: 5, salary: { min: 150000 } });
    expect((await json("/api/extract", { text: 42 })).status).toBe(400);
    expect((await json("/api/extract", { text: "" })).status).toBe(400);
    const blank = await json("/api/extract", { text: " \n\t " });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(await blank.json())).toContain("must not be blank");
    const broken = await app.request("/api/extract", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{nope",
    });
    expect(broken.status).toBe(400);
    // Latin-1 bytes in a JSON body had been read as U+FFFD and extracted without a word.
    const latin1 = await app.request("/api/extract", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: Buffer.from('{"text":"Caf\xe9 analyst with SQL"}', "latin1"),
    });
    expect(latin1.status).toBe(400);
    expect(JSON.stringify(await latin1.json())).toContain("not valid UTF-8");
    // Every JSON type the validator parses is checked: "+json" types had skipped the UTF-8 check.
    for (const type of ["application/vnd.api+json", "Application/Problem+JSON; charset=utf-8"]) {
      const suffixed = await app.request("/api/extract", {
        method: "POST",
        headers: { "content-type": type },
        body: Buffer.from('{"text":"Caf\xe9 analyst with SQL"}', "latin1"),
      });
      expect(suffixed.status).toBe(400);
      expect(JSON.stringify(await suffixed.json())).toContain("not valid UTF-8");
    }
    const utf8 = await app.request("/api/extract", {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: Buffer.from('{"text":"Caf\u00e9 analyst with SQL"}', "utf8"),
    });
    expect(utf8.status).toBe(200);
  });

  it("refuses bodies over the limit with 413", async () => {
    const big = await json("/api/extract", { text: "x".repeat(1_200_000) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: "TOO_LARGE" } });
  });

  it("over HTTP, limits bodies by their declared length or, when chunked, by what arrives", async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
    await once(server, "listening");
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/extract`;
    const post = (body: string | ReadableStream, init: RequestInit = {}) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body, ...init });
    const chunked = (text: string) =>
      new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(text));
          c.close();
        },
      });
    try {
      const ok = await post(JSON.stringify({ text: "Python and SQL." }));
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ skills: expect.any(Array) });
      const declared = await post(JSON.stringify({ text: "x".repeat(1_200_000) }));
      expect(declared.status).toBe(413);
      expect(await declared.json()).toMatchObject({ error: { code: "TOO_LARGE" } });
      const streamedOk = await post(chunked(JSON.stringify({ text: "Python and SQL." })), {
        duplex: "half",
      } as RequestInit);
      expect(streamedOk.status).toBe(200);
      const streamed = await post(chunked(JSON.stringify({ text: "x".repeat(1_200_000) })), {
        duplex: "half",
      } as RequestInit);
      expect(streamed.status).toBe(413);
    } finally {
      server.close();
    }
  });

  it("reads an uploaded resume by content, then fits and plans from the profile", async () => {
    const pdf = readFileSync(join(root, "samples", "resumes", "senior-data-scientist.pdf"));
    const res = await upload("cv.pdf", pdf);
    expect(res.status).toBe(200);
    const profile = await res.json();
    expect(profile).toMatchObject({ contact: { name: "Grace Whitfield" }, document: { format: "pdf" } });
    const fit = (await (await json("/api/fit", { profile })).json()) as { id: string; score: number }[];
    expect(fit[0]?.id).toBe("data-scientist");
    const plan = await json("/api/plan", { profile, role: "ml-engineer", hoursPerWeek: 8, start: "2027-01-04" });
    expect(plan.status).toBe(200);
    expect(await plan.json()).toMatchObject({ role: { id: "ml-engineer" }, hoursPerWeek: 8, start: "2027-01-04" });
    // The same plan as documents: one writer with the CLI's --format md and ics.
    const body = { profile, role: "ml-engineer", hoursPerWeek: 8, start: "2027-01-04" };
    const md = await json("/api/plan/export?format=md", body);
    expect(md.status).toBe(200);
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    expect(md.headers.get("content-disposition")).toBe('attachment; filename="mlpath-plan-ml-engineer.md"');
    expect(await md.text()).toMatch(/^# Plan: Machine Learning Engineer\n[\s\S]*- \[ \] \*\*/);
    const ics = await json("/api/plan/export?format=ics", body);
    expect(ics.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(await ics.text()).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*DTSTART;VALUE=DATE:20\d{6}\r\n/);
    expect((await json("/api/plan/export?format=pdf", body)).status).toBe(400);
    expect((await json("/api/plan/export", body)).status).toBe(400);
    expect((await json("/api/plan/export?format=md", { ...body, role: "astronaut" })).status).toBe(404);
    expect((await json("/api/plan", { profile, role: "ml-engineer", hoursPerWeek: 0 })).status).toBe(400);
    // Was a 500: the end date of a plan at 1e-300 hours a week is no date.
    expect((await json("/api/plan", { profile, role: "ml-engineer", hoursPerWeek: 1e-300 })).status).toBe(400);
    expect((await json("/api/plan", { profile, role: "ml-engineer", start: "9999-12-31" })).status).toBe(400);
    expect((await json("/api/plan", { profile, role: "astronaut" })).status).toBe(404);
    expect((await json("/api/fit", { profile: { skills: "nope" } })).status).toBe(400);
    // Both were taken: a career of 1e308 years and a job begun in month 99.
    const saved = profile as { experience: object[] };
    const centuries = await json("/api/fit", { profile: { ...saved, years: 1e308 } });
    expect(centuries.status).toBe(400);
    expect(await centuries.text()).toContain("years");
    const job = { ...saved.experience[0], start: "2030-99" };
    const month99 = await json("/api/fit", { profile: { ...saved, experience: [job] } });
    expect(month99.status).toBe(400);
    expect(await month99.text()).toContain("must be a month as YYYY-MM");
    // Year 0000 had been counted as 60 years of experience in this role.
    const year0 = await json("/api/fit", { profile: { ...saved, experience: [{ ...job, start: "0000-01" }] } });
    expect(year0.status).toBe(400);
    expect(await year0.text()).toContain("from 1900 to 2100");
    const withRole = await json("/api/fit", { profile, role: "data-scientist" });
    expect(withRole.status).toBe(400);
    expect(await withRole.text()).toContain("role");
  });

  it("refuses a profile that fit would misread: a job ending before it starts, ids not in the pack", async () => {
    const profile = await (
      await upload("cv.pdf", readFileSync(join(root, "samples", "resumes", "senior-data-scientist.pdf")))
    ).json();
    const p = profile as { skills: { id: string }[]; experience: { roleId: string | null; skills: string[] }[] };
    const error = async (path: string, body: object) => {
      const res = await json(path, body);
      return { status: res.status, message: ((await res.json()) as { error: { message: string } }).error.message };
    };
    // Each of these was a 200 that counted the job as no time, or the skill or role as absent.
    const backwards = { ...p.experience[0], start: "2023-05", end: "2019-01" };
    expect(await error("/api/fit", { profile: { ...p, experience: [backwards] } })).toEqual({
      status: 400,
      message: "profile.experience.0.end: ends (2019-01) before it starts (2023-05)",
    });
    const typo = { ...p, skills: [{ ...p.skills[0], id: "pythn" }] };
    for (const path of ["/api/fit", "/api/plan", "/api/jobs/search"]) {
      const e = await error(path, { profile: typo, role: "ml-engineer" });
      expect(e.status, path).toBe(400);
      expect(e.message, path).toMatch(
        /^profile\.skills\.0\.id: "pythn" is not a skill id of the pack \(`mlpath skills/,
      );
    }
    const role = { ...p, experience: [{ ...p.experience[0], roleId: "astronaut" }] };
    expect((await error("/api/fit", { profile: role })).message).toMatch(
      /experience\.0\.roleId: "astronaut" is not a role id/,
    );
    // A misspelt option was planned at the default without a word.
    const misspelt = await error("/api/plan", { profile, role: "ml-engineer", hoursperweek: 2 });
    expect(misspelt.status).toBe(400);
    expect(misspelt.message).toContain("hoursperweek");
  });

  it("refuses a field no profile has at any depth, naming where, on every route that takes a profile", async () => {
    const profile = await (
      await upload("cv.pdf", readFileSync(join(root, "samples", "resumes", "senior-data-scientist.pdf")))
    ).json();
    type Entry = Record<string, unknown>;
    const p = profile as Entry & { skills: (Entry & { mentions: Entry[] })[]; experience: Entry[]; education: Entry[] };
    const [skill, ...skills] = p.skills;
    const [mention, ...mentions] = skill?.mentions ?? [];
    const [job, ...jobs] = p.experience;
    // Each was a 200 with the field dropped: the person's "strat" month or "skils" read as absent.
    const misspelt: [object, string][] = [
      [{ ...p, skills: [{ ...skill, skils: ["python"] }, ...skills] }, 'profile.skills.0: unknown field "skils"'],
      [{ ...p, experience: [{ ...job, strat: "2019-01" }, ...jobs] }, 'profile.experience.0: unknown field "strat"'],
      [{ ...p, education: [{ ...p.education[0], degree: "MSc" }] }, 'profile.education.0: unknown field "degree"'],
      [
        { ...p, skills: [{ ...skill, mentions: [{ ...mention, page: 2 }, ...mentions] }, ...skills] },
        'profile.skills.0.mentions.0: unknown field "page"',
      ],
      [{ ...p, contact: { ...(p.contact as Entry), linkedin: "x" } }, 'profile.contact: unknown field "linkedin"'],
      [
        { ...p, projects: [{ name: "x", description: "", skills: [], url: "y" }] },
        'profile.projects.0: unknown field "url"',
      ],
      [
        { ...p, certifications: [{ name: "x", issuer: null, date: null, expires: "2030" }] },
        'profile.certifications.0: unknown field "expires"',
      ],
      [{ ...p, document: { format: "pdf", page: 2 } }, 'profile.document: unknown field "page"'],
    ];
    const bodies: [string, (profile: object) => object][] = [
      ["/api/fit", (profile) => ({ profile })],
      ["/api/plan", (profile) => ({ profile, role: "ml-engineer" })],
      ["/api/plan/export?format=md", (profile) => ({ profile, role: "ml-engineer" })],
      ["/api/jobs/search", (profile) => ({ profile })],
      ["/api/profiles", (profile) => ({ profile, name: "cv" })],
    ];
    for (const [path, body] of bodies)
      for (const [wrong, says] of misspelt) {
        const res = await json(path, body(wrong));
        expect(res.status, `${path} ${says}`).toBe(400);
        expect(((await res.json()) as { error: { message: string } }).error.message).toContain(says);
      }
    expect((await json("/api/fit", { profile: p })).status).toBe(200);
  });

  it("lists the sample personas and reads one into a profile", async () => {
    const samples = (await (await app.request("/api/samples")).json()) as { id: string; name: string }[];
    expect(samples.map((s) => s.id)).toEqual([
      "career-changer",
      "new-graduate",
      "senior-data-scientist",
      "software-engineer",
    ]);
    const one = await app.request("/api/samples/new-graduate");
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ contact: { name: "Lucas Moreau" }, document: { format: "pdf" } });
    const outside = await app.request("/api/samples/..%2F..%2Fpackage");
    expect(outside.status).toBe(404);
  });

  it("refuses an image, an empty file and a missing file field", async () => {
    const image = await upload("cv.pdf", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]));
    expect(image.status).toBe(415);
    expect((await upload("cv.txt", "")).status).toBe(400);
    const noFile = await app.request("/api/resume", { method: "POST", body: new FormData() });
    expect(noFile.status).toBe(400);
    expect(JSON.stringify(await noFile.json())).toContain('no file in the form field \\"file\\"');
    // Two files had been answered with the second one's profile.
    const two = new FormData();
    two.append("file", new File(["Jane Doe\nSkills: Python"], "a.txt"));
    two.append("file", new File(["John Roe\nSkills: SQL"], "b.txt"));
    const both = await app.request("/api/resume", { method: "POST", body: two });
    expect(both.status).toBe(400);
    expect(JSON.stringify(await both.json())).toContain('2 files in the form field \\"file\\"; send one resume');
  });

  it("estimates a salary and validates the query", async () => {
    const ok = await app.request("/api/salary?role=data-scientist&level=senior&country=us");
    expect(ok.status).toBe(200);
    const usd = (await ok.json()) as { estimate: number };
    expect(usd).toMatchObject({ currency: "USD", cell: "Data Scientist / senior / US" });
    expect((await app.request("/api/salary?role=data-scientist&level=guru&country=US")).status).toBe(400);
    const eur = await app.request("/api/salary?role=data-scientist&level=senior&country=US&currency=eur");
    expect(eur.status).toBe(200);
    const body = (await eur.json()) as {
      currency: string;
      estimate: number;
      conversion: { rate: number; year: number };
    };
    expect(body).toMatchObject({
      currency: "EUR",
      conversion: { from: "USD", to: "EUR", source: "aijobs-salary-survey" },
    });
    expect(body.estimate).toBeCloseTo(usd.estimate * body.conversion.rate, -3);
    // UK is GB, as in job search; it had been refused as a country with no survey records.
    const uk = await app.request("/api/salary?role=data-scientist&level=senior&country=uk");
    expect(uk.status).toBe(200);
    expect(await uk.json()).toEqual(
      await (await app.request("/api/salary?role=data-scientist&level=senior&country=GB")).json(),
    );
    const nowhere = await app.request("/api/salary?role=data-scientist&level=senior&country=ZZ");
    expect(nowhere.status).toBe(400);
    expect(await nowhere.text()).toContain("no survey records for country");
    const unknown = await app.request("/api/salary?role=data-scientist&level=senior&country=US&currency=XYZ");
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("EUR");
  });

  it("takes the currency the pay is in as paidIn, says which it assumed, and refuses a non-code", async () => {
    const base = "/api/salary?role=data-scientist&level=senior&country=GB";
    type Estimate = { estimate: number; currency: string; paidIn: string | null };
    const mix = await app.request(base);
    expect(mix.status).toBe(200);
    const unsaid = (await mix.json()) as Estimate;
    expect(unsaid.paidIn).toBeNull();
    const usd = await app.request(`${base}&paidIn=usd`);
    expect(usd.status).toBe(200);
    const dollars = (await usd.json()) as Estimate;
    // Paid in dollars from the UK is mostly a US employer's pay; the answer stays in USD, not converted.
    expect(dollars).toMatchObject({ paidIn: "USD", currency: "USD" });
    expect(dollars.estimate).toBeGreaterThan(unsaid.estimate * 1.2);
    const pounds = (await (await app.request(`${base}&paidIn=GBP&currency=EUR`)).json()) as Estimate;
    expect(pounds).toMatchObject({ paidIn: "GBP", currency: "EUR" });
    for (const bad of ["dollars", "US", "", "U$D"]) {
      const res = await app.request(`${base}&paidIn=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /^paidIn: must be a three-letter ISO 4217 currency code, any case: USD, EUR, GBP/,
      );
    }
    const doc = (await (await app.request("/api/openapi.json")).json()) as {
      paths: Record<string, { get: { parameters: { name: string; in: string; required: boolean }[] } }>;
    };
    expect(doc.paths["/api/salary"]?.get.parameters).toContainEqual(
      expect.objectContaining({ name: "paidIn", in: "query", required: false }),
    );
  });

  it("publishes an OpenAPI document of every route, and sets security headers", async () => {
    const res = await app.request("/api/openapi.json");
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/extract",
        "/api/fit",
        "/api/plan",
        "/api/plan/export",
        "/api/resume",
        "/api/roles",
        "/api/roles/{id}",
        "/api/salary",
        "/api/samples",
        "/api/samples/{id}",
        "/api/skills",
        "/api/jobs/search",
        "/api/market/skills",
        "/api/market/salaries",
        "/api/market/trends",
        "/api/market/industries",
        "/api/profiles",
        "/api/profiles/{id}",
        "/api/ingest/status",
      ].sort(),
    );
    // The statuses each route can answer, and only those: GET /api/roles?x=1 is a 400 the document
    // had not listed, and /api/extract, /api/fit and others had listed a 404 they never give.
    // The 500 is the error handler's, for a failure it did not expect.
    const statuses = Object.fromEntries(
      Object.entries(doc.paths as Record<string, Record<string, { responses: object }>>).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => [`${method} ${path}`, Object.keys(op.responses).sort().join(" ")]),
      ),
    );
    const guards = "400 401 403";
    expect(statuses).toEqual({
      "get /api/roles": `200 ${guards} 500`,
      "get /api/roles/{id}": `200 ${guards} 404 500`,
      "get /api/skills": `200 ${guards} 500`,
      "post /api/extract": `200 ${guards} 413 415 500`,
      "post /api/resume": `200 ${guards} 413 415 500`,
      "get /api/samples": `200 ${guards} 500`,
      "get /api/samples/{id}": `200 ${guards} 404 500`,
      "post /api/fit": `200 ${guards} 413 415 500`,
      "post /api/plan": `200 ${guards} 404 413 415 500`,
      "post /api/plan/export": `200 ${guards} 404 413 415 500`,
      "get /api/salary": `200 ${guards} 404 500`,
      "post /api/jobs/search": `200 ${guards} 404 413 415 500 503`,
      "get /api/market/skills": `200 ${guards} 404 500 503`,
      "get /api/market/trends": `200 ${guards} 404 500 503`,
      "get /api/market/industries": `200 ${guards} 404 500 503`,
      "get /api/market/salaries": `200 ${guards} 404 500 503`,
      "get /api/ingest/status": `200 ${guards} 500 503`,
      "post /api/profiles": `201 ${guards} 413 415 500 503`,
      "get /api/profiles": `200 ${guards} 500 503`,
      "get /api/profiles/{id}": `200 ${guards} 404 500 503`,
      "delete /api/profiles/{id}": `204 ${guards} 404 500 503`,
    });
    expect((await app.request("/api/roles?x=1")).status).toBe(400);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect((await app.request("/api/nothing")).status).toBe(404);
    // The guards' statuses had been missing, so generated clients did not expect them.
    const ops = doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    expect(Object.keys(ops["/api/roles"]?.get?.responses ?? {})).toEqual(expect.arrayContaining(["401", "403"]));
    expect(Object.keys(ops["/api/roles"]?.get?.responses ?? {})).not.toContain("413");
    expect(Object.keys(ops["/api/fit"]?.post?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "400", "401", "413", "415"]),
    );
    expect(doc).toMatchObject({ components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } } });
    // Every object a JSON body holds is closed, as the routes refuse what it does not list.
    const open: string[] = [];
    const walk = (schema: unknown, at: string): void => {
      if (typeof schema !== "object" || schema === null) return;
      const s = schema as { type?: unknown; properties?: Record<string, unknown>; additionalProperties?: unknown };
      if (s.type === "object" && s.additionalProperties !== false) open.push(at);
      for (const [key, value] of Object.entries(s.properties ?? {})) walk(value, `${at}.${key}`);
      for (const [key, value] of Object.entries(s)) if (key !== "properties") walk(value, at);
    };
    for (const [path, methods] of Object.entries(ops))
      for (const [method, op] of Object.entries(methods))
        walk(
          (op as { requestBody?: { content?: Record<string, unknown> } }).requestBody?.content?.["application/json"],
          `${method} ${path}`,
        );
    expect(open).toEqual([]);
  });

  it("requires the bearer token when one is set", async () => {
    const locked = createApp({
      index: indexPack(loadKnowledge()),
      salaryModel,
      today: () => "2026-11-25",
      token: "s3cret-token-1234567",
    });
    const refused = await locked.request("/api/roles");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toBe('Bearer realm="mlpath"');
    expect(
      (await locked.request("/api/roles", { headers: { authorization: "Bearer s3cret-token-1234567" } })).status,
    ).toBe(200);
    // The scheme is case-insensitive (RFC 7235): "bearer" had been a 401.
    const as = async (authorization: string) =>
      (await locked.request("/api/roles", { headers: { authorization } })).status;
    expect(await as("bearer s3cret-token-1234567")).toBe(200);
    expect(await as("BEARER s3cret-token-1234567")).toBe(200);
    expect(await as("Bearer s3cret-token-123456")).toBe(401);
    expect(await as("Bearer s3cret-token-12345678")).toBe(401);
    expect(await as("Basic s3cret-token-1234567")).toBe(401);
    // With a token, any name may reach it: the token guards the API.
    expect(
      (
        await locked.request("/api/roles", {
          headers: { authorization: "Bearer s3cret-token-1234567", host: "mlpath.example:8080" },
        })
      ).status,
    ).toBe(200);
  });

  it("answers only loopback names without a token, so a rebound DNS name cannot read it", async () => {
    // Host "attacker.example" had read and deleted saved profiles from a page pointed at 127.0.0.1.
    const at = async (host: string) => (await app.request("/api/roles", { headers: { host } })).status;
    for (const host of [
      "localhost:8080",
      "LOCALHOST",
      "127.0.0.1:8080",
      "127.1.2.3",
      "[::1]:8080",
      "app.localhost",
      "localhost.",
    ])
      expect(await at(host), host).toBe(200);
    for (const host of [
      "attacker.example:8080",
      "127.0.0.1.nip.io",
      "localhost.attacker.example",
      "[::2]",
      "0.0.0.0",
      "",
    ])
      expect(await at(host), host).toBe(403);
    const refused = await app.request("/", { headers: { host: "attacker.example" } });
    expect(await refused.json()).toMatchObject({ error: { code: "FORBIDDEN_HOST" } });
  });
});

/** A fresh PGlite store holding the sample postings, and an app serving it. */
async function openSampleStore() {
  const pglite = testStores().find((s) => s.name === "pglite");
  if (!pglite) throw new Error("no pglite");
  const { db: store, cleanup } = await pglite.open();
  const pack = loadKnowledge();
  await ingestFiles(
    createPostingRepository(store, similarity),
    [join(root, "samples", "postings", "postings.jsonl")],
    inThreadPreparer(pack),
  );
  const withStore = createApp({ index: indexPack(pack), salaryModel, today: () => "2026-11-25", store });
  const close = async () => {
    await store.close();
    await cleanup();
  };
  return { store, withStore, close };
}

const postTo = (target: ReturnType<typeof createApp>, path: string, body: unknown) =>
  target.request(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("API over a store", () => {
  // Shared by the tests here, none of which may leave postings in it (the one that stores postings
  // opens its own store), so the counts asserted are the sample file's whichever tests run, in
  // whatever order.
  let store: Db;
  let withStore: ReturnType<typeof createApp>;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ store, withStore, close } = await openSampleStore());
  }, 60_000);
  afterAll(async () => {
    await close?.();
  });
  const post = (path: string, body: unknown) => postTo(withStore, path, body);

  it("ranks postings for a profile, with filters", async () => {
    const profile = await (
      await upload("cv.txt", readFileSync(join(root, "samples", "resumes", "new-graduate.txt")))
    ).json();
    const res = await post("/api/jobs/search", { profile, top: 3 });
    expect(res.status).toBe(200);
    const results = (await res.json()) as { posting: { title: string }; matched: string[] }[];
    expect(results).toHaveLength(3);
    expect(results[0]?.matched.length).toBeGreaterThan(0);
    expect((await post("/api/jobs/search", { profile, top: 0 })).status).toBe(400);
    // Too many is refused with the route's own limit, not the safe-integer one it had quoted.
    const huge = await post("/api/jobs/search", { profile, top: 1e308 });
    expect(huge.status).toBe(400);
    expect(await huge.text()).toContain("<=200");
    expect((await post("/api/jobs/search", { profile, country: "USA" })).status).toBe(400);
    // A query of no searchable words had answered an empty list, as if no posting matched.
    for (const query of ["the", "   "]) {
      const none = await post("/api/jobs/search", { profile, query });
      expect(none.status, query).toBe(400);
      expect(await none.text()).toContain("has no words to search for");
    }
    // A code that names no country was an empty 200, as if no posting matched.
    const nowhere = await post("/api/jobs/search", { profile, country: "ZZ" });
    expect(nowhere.status).toBe(400);
    expect(await nowhere.text()).toContain("two-letter code");
    expect((await post("/api/jobs/search", { profile, country: "uk" })).status).toBe(200);
    // remote: false is no filter, as the document says, not "on-site only".
    const any = await (await post("/api/jobs/search", { profile, top: 200 })).json();
    expect(await (await post("/api/jobs/search", { profile, top: 200, remote: false })).json()).toEqual(any);
    expect((await withStore.request("/api/market/salaries?country=XX")).status).toBe(400);
  });

  it("reports demand, salaries and counts", async () => {
    const skills = (await (await withStore.request("/api/market/skills?top=3")).json()) as {
      total: number;
      skills: unknown[];
    };
    expect(skills).toMatchObject({ total: 38 });
    expect(skills.skills).toHaveLength(3);
    const all = (await (await withStore.request("/api/market/skills")).json()) as { skills: unknown[] };
    expect(all.skills).toHaveLength(20);
    // JavaScript's Number had read these as 5, 3 and 0 (then refused as "received NaN" when repeated).
    for (const top of ["0x5", "%203", "", "2&top=3"]) {
      const res = await withStore.request(`/api/market/skills?top=${top}`);
      expect(res.status, top).toBe(400);
    }
    const salaries = await withStore.request("/api/market/salaries");
    expect(salaries.status).toBe(200);
    // camelCase like the rest of the API, not the store's column names
    const rows = (await salaries.json()) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toHaveProperty("roleId");
      expect(row).not.toHaveProperty("role_id");
    }
    expect(await (await withStore.request("/api/ingest/status")).json()).toEqual({ total: 40, unique: 38 });
    expect((await withStore.request("/api/market/skills?role=astronaut")).status).toBe(404);
  });

  it("ranks newly stored postings without a restart: the search index picks them up", async () => {
    const own = await openSampleStore();
    try {
      const profile = await (
        await upload("cv.txt", readFileSync(join(root, "samples", "resumes", "new-graduate.txt")))
      ).json();
      const search = async () => (await postTo(own.withStore, "/api/jobs/search", { profile, top: 200 })).json();
      const before = (await search()) as unknown[];
      const extra = join(tmpdir(), `mlpath-api-extra-${process.pid}.jsonl`);
      writeFileSync(
        extra,
        JSON.stringify({
          id: "late-1",
          title: "Junior Data Scientist",
          company: "Late Arrivals Ltd",
          description: "Python, SQL, pandas and scikit-learn for churn models; statistics and clear writing.",
        }),
      );
      try {
        await ingestFiles(createPostingRepository(own.store, similarity), [extra], inThreadPreparer(loadKnowledge()));
      } finally {
        rmSync(extra, { force: true });
      }
      const after = (await search()) as { posting: { company: string } }[];
      expect(after.length).toBe(before.length + 1);
      expect(after.some((r) => r.posting.company === "Late Arrivals Ltd")).toBe(true);
    } finally {
      await own.close();
    }
  });

  it("reports trends and industries", async () => {
    const trends = await withStore.request("/api/market/trends");
    expect(trends.status).toBe(200);
    expect(await trends.json()).toMatchObject({ totals: expect.any(Object), rising: expect.any(Array) });
    expect((await withStore.request("/api/market/trends?split=May")).status).toBe(400);
    // PostgreSQL has no year 0000: it had been a 500.
    expect((await withStore.request("/api/market/trends?split=0000-01-01")).status).toBe(400);
    expect((await withStore.request("/api/market/trends?split=0001-01-01")).status).toBe(200);
    // Periods are whole months, as the document says: a split of the 15th counts from the 1st.
    const mid = await withStore.request("/api/market/trends?split=2025-06-15");
    expect(await mid.json()).toMatchObject({ split: "2025-06-01" });
    // With no split given, postings dated in one month have none, as the document says: it had said
    // null only when no posting is dated.
    const months = await store.query<{ role_id: string; n: number }>(
      "SELECT role_id, count(DISTINCT month)::int AS n FROM market_month WHERE month IS NOT NULL AND role_id IS NOT NULL GROUP BY role_id ORDER BY role_id",
    );
    const oneMonth = months.rows.find((r) => r.n === 1)?.role_id;
    if (!oneMonth) throw new Error("no role whose stored postings are all of one month");
    expect(await (await withStore.request(`/api/market/trends?role=${oneMonth}`)).json()).toMatchObject({
      split: null,
      totals: { before: 0, after: 0 },
    });
    const doc = (await (await withStore.request("/api/openapi.json")).json()) as {
      components: { schemas: Record<string, { properties: Record<string, { description?: string }> }> };
      paths: Record<string, { get: { responses: { 200: { content: { "application/json": { schema: unknown } } } } } }>;
    };
    const trendsSchema = doc.paths["/api/market/trends"]?.get.responses[200].content["application/json"].schema as {
      $ref?: string;
      properties?: Record<string, { description?: string }>;
    };
    const split = (
      trendsSchema.$ref ? doc.components.schemas[trendsSchema.$ref.split("/").pop() as string] : trendsSchema
    )?.properties?.split;
    expect(split?.description).toMatch(/null when no split was given and the dated postings .* fewer than two months/);
    const industries = (await (await withStore.request("/api/market/industries?top=3")).json()) as {
      industries: { postings: number }[];
      employers: unknown[];
    };
    expect(industries.industries.reduce((n, r) => n + r.postings, 0)).toBe(38);
    expect(industries.employers).toHaveLength(3);
  });

  it("saves, lists, reads and deletes a profile, and deleting removes every derived row", async () => {
    const profile = await (
      await upload("cv.txt", readFileSync(join(root, "samples", "resumes", "career-changer.txt")))
    ).json();
    const res = await post("/api/profiles", { profile, name: "career change" });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(await (await withStore.request(`/api/profiles/${id}`)).json()).toEqual(profile);
    const listed = (await (await withStore.request("/api/profiles")).json()) as { id: string }[];
    expect(listed.map((p) => p.id)).toContain(id);
    const rows = async () =>
      Number(
        (await store.query<{ n: string }>("SELECT count(*) AS n FROM profile_skills WHERE profile_id = $1", [id]))
          .rows[0]?.n,
      );
    expect(await rows()).toBeGreaterThan(0);
    expect((await withStore.request(`/api/profiles/${id}`, { method: "DELETE" })).status).toBe(204);
    expect(await rows()).toBe(0);
    expect((await withStore.request(`/api/profiles/${id}`)).status).toBe(404);
    expect((await withStore.request(`/api/profiles/${id}`, { method: "DELETE" })).status).toBe(404);
    expect((await withStore.request("/api/profiles/../etc", { method: "DELETE" })).status).toBe(404);
    expect((await withStore.request("/api/profiles/nothex", { method: "GET" })).status).toBe(400);
    expect((await post("/api/profiles", { profile, name: "" })).status).toBe(400);
    expect(await (await post("/api/profiles", { profile, name: " \t " })).text()).toContain("name: must not be blank");
    expect((await post("/api/profiles", { name: "no profile" })).status).toBe(400);
  });

  it("answers 503 for store routes on a server without a store", async () => {
    expect((await app.request("/api/ingest/status")).status).toBe(503);
    expect((await app.request("/api/profiles")).status).toBe(503);
  });
});
