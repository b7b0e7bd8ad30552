import { existsSync } from "node:fs";
import { join } from "node:path";

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
