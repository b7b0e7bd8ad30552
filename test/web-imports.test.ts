import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The web UI is a face of its own (DESIGN.md): it reaches the core only over HTTP. It may import
 * types from src/ (the API's, through hc<AppType>), which vanish at build time, but no code.
 */
const web = join(import.meta.dirname, "..", "web", "src");
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

describe("web UI imports", () => {
  it("imports nothing but types from outside web/", () => {
    const bad: string[] = [];
    for (const file of files(web)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+"(\.{1,2}\/[^"]+)"/gms)) {
        const target = resolve(file, "..", m[3] as string);
        if (relative(web, target).startsWith("..") && !m[2]) bad.push(`${relative(web, file)}: ${m[3]}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
