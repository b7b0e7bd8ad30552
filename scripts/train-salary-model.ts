// Trains the salary model shipped with mlpath from the CC0 aijobs.net survey and writes
// models/salary-v1.json. usage: npx tsx scripts/train-salary-model.ts [path/to/salaries.csv]
import { writeFileSync } from "node:fs";
import { loadKnowledge } from "../src/knowledge/load.js";
import { trainModel } from "../src/market/salary-model.js";
import { readSalarySurvey } from "../src/sources/salary-survey.js";

const file = process.argv[2] ?? "../shared/data/aijobs-salaries/salaries.csv";
const rows = readSalarySurvey(file, loadKnowledge());
const last = Math.max(...rows.map((r) => r.year));
// Prior strength and interval spread as chosen and calibrated by bench/salary.ts on held-out years.
const model = trainModel(
  rows.map((r) => ({ ...r, weight: 0.5 ** (last - r.year) })),
  {
    trainedOn: `aijobs.net salary survey (CC0), snapshot 2025-01-19, ${rows.length} de-duplicated full-time answers, ${Math.min(...rows.map((r) => r.year))}-${last}, each year back weighted half`,
    source: "aijobs-salary-survey",
    prior: 4,
    spread: 1.2,
  },
);
// Title cells are only kept where enough answers back them; they make the file large otherwise.
for (const [key, cell] of Object.entries(model.cells)) if (key.startsWith("t|") && cell.n < 5) delete model.cells[key];
writeFileSync("models/salary-v1.json", `${JSON.stringify(model)}\n`);
console.log(`models/salary-v1.json: ${Object.keys(model.cells).length} groups from ${rows.length} answers`);
