import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataDir } from "./lock.js";

const dir = mkdtempSync(join(tmpdir(), "mlpath-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("lockDataDir", () => {
  it("writes the owner's pid and removes the lock on release", () => {
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, "mlpath.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, "mlpath.lock"))).toBe(false);
  });

  it("takes over a lock left by a process that died", () => {
    writeFileSync(join(dir, "mlpath.lock"), "2147483646");
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, "mlpath.lock"), "utf8")).toBe(String(process.pid));
    release();
  });

  it("refuses a store another running process holds", async () => {
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      writeFileSync(join(dir, "mlpath.lock"), String(other.pid));
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by another mlpath process \\(pid ${other.pid}\\)`));
    } finally {
      other.kill("SIGKILL");
      rmSync(join(dir, "mlpath.lock"), { force: true });
    }
  });
});
