import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../src/knowledge/load.js";
import { indexPack } from "../src/knowledge/query.js";
import { SalaryModel } from "../src/market/salary-model.js";
import { createApp } from "../src/server/app.js";
import { type TestStore, testStores, useTestStore } from "../src/store/test-stores.js";
import { runCli } from "./run-cli.js";
import { zip } from "./zip-fixture.js";

/**
 * What `mlpath resume --json` prints is a profile an API client sends back as it is, byte for
 * byte: every route that takes a profile must take it, whatever format the resume was in. The
 * API refuses what a profile does not have, at any depth, so a field the readers wrote beyond the
 * schema would break this.
 */
const root = join(import.meta.dirname, "..");
const SAMPLES = join(root, "samples", "resumes");
const tmp = mkdtempSync(join(tmpdir(), "mlpath-e2e-resume-api-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const file = (name: string, bytes: Buffer | string) => {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
};

const RESUMES: [string, () => string][] = [
  ["PDF", () => join(SAMPLES, "senior-data-scientist-two-column.pdf")],
  ["DOCX", () => join(SAMPLES, "career-changer.docx")],
  ["Markdown", () => join(SAMPLES, "new-graduate.md")],
  ["JSON Resume", () => join(SAMPLES, "source", "software-engineer.json")],
  [
    "LinkedIn export",
    () =>
      file(
        "Basic_LinkedInDataExport.zip",
        zip({
          "Profile.csv": "First Name,Last Name,Headline,Summary\nAda,Lovelace,Data Scientist,Python and SQL\n",
          "Positions.csv":
            'Company Name,Title,Description,Location,Started On,Finished On\nEngines,Data Scientist,"Forecasting with Python and SQL",London,Mar 2021,\n',
          "Skills.csv": "Name\nscikit-learn\n",
        }),
      ),
  ],
  // Half a character in the resume (a JSON Resume's "\ud83d", evidence cut inside an emoji) is
  // written as U+FFFD: the API refuses half a character in a body.
  [
    "JSON Resume holding half an emoji",
    () =>
      file(
        "half-emoji.json",
        readFileSync(join(SAMPLES, "source", "new-graduate.json"), "utf8").replace(/"label": "/, '"label": "\\ud83d '),
      ),
  ],
  [
    "text resume whose evidence line is cut inside an emoji",
    () => file("emoji.txt", `Jane Doe\n\nSkills\n${"😀".repeat(300)} Python and SQL ${"😀".repeat(300)}\n`),
  ],
];

describe("a profile printed by `mlpath resume --json`, sent to the API as printed", () => {
  const store = useTestStore(testStores()[0] as TestStore);
  let app: ReturnType<typeof createApp>;
  beforeAll(() => {
    const salaryModel = SalaryModel.parse(JSON.parse(readFileSync(join(root, "models", "salary-v2.json"), "utf8")));
    app = createApp({ index: indexPack(loadKnowledge()), salaryModel, today: () => "2026-11-25", store: store() });
  });

  it.each(RESUMES)(
    "from a %s is taken by fit, plan, plan export, jobs search and profile save",
    async (_, path) => {
      const printed = runCli(["resume", "--json", path()], { home: tmp });
      expect(printed.code, printed.stderr).toBe(0);
      const profile = printed.stdout.trim();
      const routes: [string, string, number][] = [
        ["/api/fit", `{"profile":${profile}}`, 200],
        ["/api/plan", `{"role":"data-analyst","profile":${profile}}`, 200],
        ["/api/plan/export?format=md", `{"role":"data-analyst","profile":${profile}}`, 200],
        ["/api/jobs/search", `{"profile":${profile}}`, 200],
        ["/api/profiles", `{"name":"cv","profile":${profile}}`, 201],
      ];
      for (const [route, body, status] of routes) {
        const res = await app.request(route, { method: "POST", headers: { "content-type": "application/json" }, body });
        expect(res.status, `${route}: ${res.status === 400 ? await res.text() : ""}`).toBe(status);
      }
    },
    60_000,
  );
});
