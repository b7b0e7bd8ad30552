// Runs every benchmark and evaluation in turn, printing each one's tables: `npm run bench`.
// Each script skips itself with a message when ../shared/data is absent.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const SCRIPTS = [
  "extract-dev.ts",
  "extract-heldout-gold.ts",
  "extract-heldout2-gold.ts",
  "extract-heldout3-gold.ts",
  "extract-heldout4-gold.ts",
  "extract-heldout5-gold.ts",
  "extract-heldout6-gold.ts",
  "extract-heldout7-gold.ts",
  "extract-heldout8-gold.ts",
  "extract-heldout.ts",
  "resume-dotin.ts",
  "resume-kaggle.ts",
  "resume-speed.ts",
  "cli-start.ts",
  "fit-benchmark.ts",
  "ingest.ts",
  "rank-index.ts",
  "dedupe.ts",
  "salary.ts",
  "salary-skills.ts",
  "load.ts",
  "queue.ts",
];
for (const script of SCRIPTS) {
  const path = join(import.meta.dirname, script);
  if (!existsSync(path)) continue;
  console.log(`\n### bench/${script}\n`);
  execFileSync(process.execPath, ["--import", "tsx", path], { stdio: "inherit" });
}
