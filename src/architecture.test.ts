import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The one direction of data (DESIGN.md), checked on the import graph: a layer imports only from
 * its own or lower layers, and the pure core does no I/O and reads no clock or environment.
 */
const LAYER: Record<string, number> = {
  "errors.ts": 0,
  "config.ts": 0,
  "worker-script.ts": 0,
  knowledge: 1,
  text: 1,
  extract: 2,
  documents: 3,
  sources: 3,
  store: 4,
  match: 5,
  plan: 5,
  market: 5,
  server: 6,
  cli: 7,
};
const PURE = new Set(["text", "extract", "match", "plan", "market"]);
const PURE_FILES = new Set(["knowledge/check.ts", "knowledge/query.ts", "knowledge/schema.ts"]);
const IMPURE =
  /from "(node:(fs|net|http|https|child_process)|pg|@electric-sql\/pglite)"|process\.env|Date\.now\(\)|new Date\(\)/;

const src = join(import.meta.dirname);
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : e.name.endsWith(".ts") && !e.name.endsWith(".test.ts")
        ? [join(dir, e.name)]
        : [],
  );
const topOf = (path: string) => (relative(src, path).split("/")[0] as string).replace(/\.js$/, ".ts");

describe("architecture", () => {
  const sources = files(src).map((f) => ({ file: relative(src, f), top: topOf(f), text: readFileSync(f, "utf8") }));

  it("knows the layer of every top-level module", () => {
    for (const s of sources) expect(LAYER[s.top], s.file).toBeDefined();
  });

  it("imports only from the same or lower layers", () => {
    const bad: string[] = [];
    for (const s of sources) {
      for (const [, spec] of s.text.matchAll(/from "(\.{1,2}\/[^"]+)"/g)) {
        const target = topOf(join(src, s.file, "..", spec as string));
        if ((LAYER[target] ?? 99) > (LAYER[s.top] ?? -1)) bad.push(`${s.file} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it("keeps the core pure: no I/O, clock or environment", () => {
    const bad = sources
      .filter((s) => (PURE.has(s.top) || PURE_FILES.has(s.file)) && IMPURE.test(s.text))
      .map((s) => s.file);
    expect(bad).toEqual([]);
  });
});
