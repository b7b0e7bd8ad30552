import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../knowledge/load.js";
import { readSalarySurvey } from "./salary-survey.js";

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
