import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

/** ../shared/data beside the repository; benchmarks that need it say so and exit 0 when it is absent. */
export const SHARED = process.env.MLPATH_SHARED_DATA ?? join(import.meta.dirname, "..", "..", "shared", "data");

export function requireShared(...parts: string[]): string {
  const path = join(SHARED, ...parts);
  if (!existsSync(path)) {
    console.log(`skipped: ${path} not found (set MLPATH_SHARED_DATA to the shared data folder)`);
    process.exit(0);
  }
  return path;
}

export type CsvRow = Record<string, string>;

/** A shared CSV as header-keyed rows (BOM stripped, stray quotes tolerated, as the sets need). */
export function readCsv(path: string): CsvRow[] {
  return parse(readFileSync(path), { columns: true, bom: true, relax_quotes: true }) as CsvRow[];
}
