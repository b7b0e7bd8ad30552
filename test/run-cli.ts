import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";

/** Runs the built CLI as a user would: a subprocess with its own HOME, and no colour. */
export const BIN = join(import.meta.dirname, "..", "bin", "mlpath.js");

export function runCli(
  args: string[],
  options: { env?: Record<string, string>; input?: string | Buffer; home: string; timeout?: number; cwd?: string },
) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    ...(options.cwd ? { cwd: options.cwd } : {}),
    env: { PATH: process.env.PATH, HOME: options.home, NO_COLOR: "1", ...options.env },
    input: options.input,
    timeout: options.timeout ?? 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A stack trace in stderr means an error escaped the CLI's error handling. */
export const hasStack = (stderr: string) => /\n\s+at .+:\d+:\d+/.test(stderr);

/** As runCli, without blocking this process: for tests whose CLI talks to a server they run here. */
export function runCliAsync(
  args: string[],
  options: { env?: Record<string, string>; home: string },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, HOME: options.home, NO_COLOR: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += d;
  });
  child.stderr.on("data", (d: Buffer) => {
    stderr += d;
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}
