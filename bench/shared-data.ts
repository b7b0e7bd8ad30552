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

/**
 * The texts behind heldout-gold's ids ("glassdoor20-N", "linkedin23-N"), re-read from the two
 * shared CSVs that set was drawn from; undefined for any other id.
 */
export function heldoutGoldTexts(): (id: string) => string | undefined {
  const glassdoor = new Map(
    readCsv(requireShared("jobs-glassdoor-ds-2020", "glassdoor_jobs.csv")).map((r) => [r[""], r]),
  );
  const linkedin = new Map(
    readCsv(requireShared("jobs-linkedin-mle-2023", "MLE_Jobs_LinkedIn.csv")).map((r) => [r[""], r]),
  );
  return (id) => {
    const [source, row] = id.split("-") as [string, string];
    if (source === "glassdoor20") return glassdoor.get(row)?.["Job Description"];
    if (source === "linkedin23") return linkedin.get(row)?.JD;
    return undefined;
  };
}
