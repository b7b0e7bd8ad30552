// How long a command takes to start: `npx tsx bench/cli-start.ts` (after `npm run build:server`).
// Times the built CLI end to end (`mlpath --version`, `mlpath roles`, `mlpath skills python`),
// and, in this process, loading the bundled knowledge pack from its YAML against from the cache
// the build writes. Median and worst of ROUNDS runs each, alternated so a slow moment of the
// machine falls on all of them.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { defaultKnowledgeDir, loadKnowledge } from "../src/knowledge/load.js";

const ROUNDS = 7;
const root = join(import.meta.dirname, "..");
const cli = join(root, "bin", "mlpath.js");
const cache = join(root, "dist", "knowledge", "pack-cache.json");
if (!existsSync(cache)) {
  console.error("bench/cli-start.ts: build first (npm run build:server): dist/knowledge/pack-cache.json is missing");
  process.exit(1);
}

const timed = (run: () => void): number => {
  const t = performance.now();
  run();
  return performance.now() - t;
};
const cases: [string, () => void][] = [
  ["mlpath --version", () => execFileSync(process.execPath, [cli, "--version"])],
  ["mlpath roles", () => execFileSync(process.execPath, [cli, "roles"])],
  ["mlpath skills python", () => execFileSync(process.execPath, [cli, "skills", "python"])],
  ["load the pack from YAML (in process)", () => loadKnowledge(defaultKnowledgeDir(), { cache: false })],
  ["load the pack from the cache (in process)", () => loadKnowledge(defaultKnowledgeDir(), { cache })],
];
const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
for (let round = 0; round < ROUNDS; round++) for (const [name, run] of cases) times.get(name)?.push(timed(run));

const ms = (x: number) => `${Math.round(x).toLocaleString("en-US")} ms`;
console.log(`| what (${ROUNDS} runs each) | median | worst |`);
console.log("| --- | --- | --- |");
for (const [name, xs] of times) {
  const sorted = [...xs].sort((a, b) => a - b);
  console.log(`| ${name} | ${ms(sorted[Math.floor(sorted.length / 2)] as number)} | ${ms(sorted.at(-1) as number)} |`);
}
