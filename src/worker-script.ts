import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker, type WorkerOptions } from "node:worker_threads";

/**
 * A worker thread's script named `name`, beside the module at `from` (its import.meta.url): the
 * compiled .js, or, run from TypeScript sources (tests, tsx, benchmarks), the .ts file, which
 * registers tsx itself as Node 20 does not pass loader hooks on to workers.
 */
export function workerScript(from: string, name: string) {
  const fromSource = from.endsWith(".ts");
  const script = new URL(`./${name}.${fromSource ? "ts" : "js"}`, from);
  return {
    exists: () => existsSync(fileURLToPath(script)),
    spawn: (options: WorkerOptions): Worker =>
      fromSource
        ? new Worker(
            `import("tsx/esm/api").then((t) => { t.register(); return import(${JSON.stringify(script.href)}); })`,
            { ...options, eval: true },
          )
        : new Worker(script, options),
  };
}
