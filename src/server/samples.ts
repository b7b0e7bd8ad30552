import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "@hono/zod-openapi";

/** The bundled personas, beside the package root both in src/ (tests) and in dist/ (the built CLI). */
export const defaultSamplesDir = (): string => fileURLToPath(new URL("../../samples/resumes/", import.meta.url));

export const SampleSummary = z
  .object({ id: z.string(), name: z.string(), label: z.string().nullable(), file: z.string() })
  .openapi("Sample");
export type SampleSummary = z.infer<typeof SampleSummary>;

const SampleSource = z.object({ basics: z.object({ name: z.string(), label: z.string().optional() }) });

/**
 * The sample resumes in `dir` as it is now: each JSON Resume in `source/` names a persona, and its
 * one-column PDF beside it is what a person would upload. Read per request so a regenerated or
 * edited sample shows without a restart; a missing folder (an installed package) means none.
 */
export function listSamples(dir: string): SampleSummary[] {
  let entries: string[];
  try {
    entries = readdirSync(join(dir, "source"));
  } catch {
    return [];
  }
  const files = new Set(readdirSync(dir));
  return entries
    .filter((f) => f.endsWith(".json") && files.has(f.replace(/\.json$/, ".pdf")))
    .sort()
    .flatMap((f) => {
      const parsed = SampleSource.safeParse(JSON.parse(readFileSync(join(dir, "source", f), "utf8")));
      if (!parsed.success) return [];
      const id = f.replace(/\.json$/, "");
      return [{ id, name: parsed.data.basics.name, label: parsed.data.basics.label ?? null, file: `${id}.pdf` }];
    });
}
