// Resume reading speed: milliseconds per PDF page, text layer to Profile, on one core.
// usage: npx tsx bench/resume-speed.ts   (reads the project's own sample resumes)
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createResumeFileReader } from "../src/documents/read-resume.js";
import { loadKnowledge } from "../src/knowledge/load.js";

const dir = join(import.meta.dirname, "..", "samples", "resumes");
const reader = createResumeFileReader(loadKnowledge());
const files = readdirSync(dir).filter((f) => /\.(pdf|docx|txt)$/.test(f));
const ROUNDS = 7;

console.log("| file | pages | median ms per file | median ms per page |");
console.log("|---|---|---|---|");
const perPage: number[] = [];
for (const file of files) {
  const bytes = readFileSync(join(dir, file));
  const first = await reader.fromBytes(bytes, file, "2026-11");
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    await reader.fromBytes(bytes, file, "2026-11");
    times.push(performance.now() - started);
  }
  const median = times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)] as number;
  const pages = first.document.pages ?? 1;
  if (file.endsWith(".pdf")) perPage.push(median / pages);
  console.log(`| ${file} | ${first.document.pages ?? "-"} | ${median.toFixed(1)} | ${(median / pages).toFixed(1)} |`);
}
const worst = Math.max(...perPage);
console.log(`\nworst PDF: ${worst.toFixed(1)} ms per page (target: 300 ms)`);
