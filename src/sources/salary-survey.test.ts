import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { defaultKnowledgeDir, loadKnowledge } from "../knowledge/load.js";
import { readSalarySurvey, surveyMedians } from "./salary-survey.js";

const dir = mkdtempSync(join(tmpdir(), "mlpath-survey-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HEADER =
  "work_year,experience_level,employment_type,job_title,salary,salary_currency,salary_in_usd,employee_residence,remote_ratio,company_location,company_size";

describe("readSalarySurvey", () => {
  it("reads titles as jobs in AI, ML and data, keeping full-time answers once", () => {
    const file = join(dir, "salaries.csv");
    const row = (title: string, type = "FT") => `2024,SE,${type},${title},200000,USD,200000,US,0,US,M`;
    writeFileSync(
      file,
      [
        HEADER,
        row("Research Scientist"),
        row("Research Scientist"),
        row("Product Manager"),
        row("Data Engineer"),
        row("Data Engineer", "PT"),
        row("Office Manager"),
      ].join("\n"),
    );
    const rows = readSalarySurvey(file, loadKnowledge());
    // A research title had needed ML in a posting's text, which the survey has none of: every
    // research scientist and product manager answer had been "other", and the shipped model had
    // no group for AI research scientists.
    expect(rows.map((r) => r.role)).toEqual(["ai-research-scientist", "ai-product-manager", "data-engineer", "other"]);
    expect(rows[0]).toMatchObject({ year: 2024, level: "senior", country: "US", remote: 0, usd: 200000 });
  });
});

describe("the role cards' survey medians", () => {
  // The medians depend on the pack's title classifier as well as on the file: a change to role
  // titles can move answers between roles while the shipped figures, and their citation, stay put.
  const csv = join(
    process.env.MLPATH_SHARED_DATA ?? join(import.meta.dirname, "..", "..", "..", "shared", "data"),
    "aijobs-salaries",
    "salaries.csv",
  );
  it.skipIf(!existsSync(csv))("are the ones the cited survey gives with today's pack", () => {
    const shipped = parse(readFileSync(join(defaultKnowledgeDir(), "salaries", "aijobs-survey.yaml"), "utf8"));
    expect(shipped.salaries).toEqual(surveyMedians(readSalarySurvey(csv, loadKnowledge())));
  });

  it("groups US answers of the year by role and level, leaving out small groups", () => {
    const row = (role: string, level: "entry" | "senior", usd: number, country = "US") =>
      ({ year: 2024, role, title: role, level, country, remote: 0, usd, currency: "USD" }) as const;
    const rows = [
      ...[100, 200, 300].map((k) => row("data-scientist", "senior", k * 1000)),
      row("data-scientist", "entry", 50000),
      row("data-scientist", "senior", 900000, "DE"),
      row("other", "senior", 100000),
    ];
    const out = surveyMedians(rows, { year: 2024, minN: 3 });
    expect(out.map((m) => [m.role, m.level ?? "all", m.amount, m.n])).toEqual([
      ["data-scientist", "all", 100000, 4],
      ["data-scientist", "senior", 200000, 3],
    ]);
  });
});
