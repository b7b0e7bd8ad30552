import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "../errors.js";

/** Whether a process with this id is running (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The embedded store is one PostgreSQL in WASM inside one process: a second process opening the
 * same folder would corrupt it. A lock file holding the owner's pid keeps a second mlpath out; a
 * lock left by a process that died (kill -9) is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, "mlpath.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number(readFileSync(path, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
        throw new AppError(
          "STORE_ERROR",
          `the store at ${dataDir} is in use by another mlpath process (pid ${owner})`,
          {
            hint: "wait for it to finish, or use PostgreSQL (DATABASE_URL) for several processes at once",
          },
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new AppError("STORE_ERROR", `could not lock the store at ${dataDir}`);
}
