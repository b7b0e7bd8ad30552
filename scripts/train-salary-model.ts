// Trains the salary model shipped with mlpath from the CC0 aijobs.net survey and writes
// models/salary-v2.json. usage: npx tsx scripts/train-salary-model.ts [path/to/salaries.csv]
// (default: aijobs-salaries/salaries.csv in $MLPATH_SHARED_DATA, else ../shared/data beside the repository)
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { SHARED } from "../bench/shared-data.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { rolePriorFrom, SURVEY_SOURCE, trainModel } from "../src/market/salary-model.js";
import { readSalarySurvey } from "../src/sources/salary-survey.js";

// The bench's lookup, not requireShared: a missing survey must fail the training, not exit 0 as a skip.
const file = process.argv[2] ?? join(SHARED, "aijobs-salaries", "salaries.csv");
const pack = loadKnowledge();
const rows = readSalarySurvey(file, pack);
const last = Math.max(...rows.map((r) => r.year));
// The currency each answer was paid in, ridge penalties, residual floor, yearly drift and interval
// spread as chosen and calibrated by bench/salary.ts on held-out years (fit on <= 2022, judged on 2023);
// the blend's k below.
const model = trainModel(
  rows.map((r) => ({ ...r, weight: 0.5 ** (last - r.year) })),
  {
    trainedOn: `aijobs.net salary survey (CC0), snapshot 2025-01-19, ${rows.length} de-duplicated full-time answers, ${Math.min(...rows.map((r) => r.year))}-${last}, each year back weighted half; estimates speak for the year after`,
    source: SURVEY_SOURCE,
    lambda: 10,
    mainPenalty: 0.1,
    interactionPenalty: 3,
    delta: 0.2,
    rolePrior: rolePriorFrom(pack.roles, SURVEY_SOURCE),
    drift: Math.log(1.04),
    prior: 8,
    spread: 1.2,
    // The blend with the query's own title x level x country group: k = 50 pseudo-answers, as the
    // bench chose it on its dense-year validation (a random quarter of 2024 judged from the rest
    // and <= 2023) for --test-year 2025, the protocol whose training years are as full as these.
    // (For --test-year 2024, after the thin 2023, it chooses no blend.)
    blend: 50,
  },
);
// Title groups are only kept where enough answers back them; they make the file large otherwise.
// (A group of fewer than 5 would move the blended estimate by less than 5 / 55 of its shift.)
for (const [key, cell] of Object.entries(model.cells)) if (key.startsWith("t|") && cell.n < 5) delete model.cells[key];
writeFileSync("models/salary-v2.json", `${JSON.stringify(model)}\n`);
console.log(`models/salary-v2.json: ${Object.keys(model.cells).length} groups from ${rows.length} answers`);
