import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, hasStack, runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "mlpath-e2e-serve-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("mlpath serve", () => {
  it("serves the API on loopback and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0"], {
      env: { PATH: process.env.PATH, HOME: tmp },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (d: Buffer) => {
          const m = String(d).match(/on (http:\/\/127\.0\.0\.1:\d+)\/api/);
          if (m?.[1]) resolve(m[1]);
        });
        child.on("exit", () => reject(new Error("server exited")));
        setTimeout(() => reject(new Error("server did not start")), 20_000);
      });
      const roles = (await (await fetch(`${url}/api/roles`)).json()) as unknown[];
      expect(roles).toHaveLength(17);
      const doc = (await (await fetch(`${url}/api/openapi.json`)).json()) as { info: { title: string } };
      expect(doc.info.title).toBe("mlpath API");
    } finally {
      child.kill("SIGTERM");
      await new Promise((r) => child.on("exit", r));
    }
  }, 30_000);

  it("refuses to listen beyond loopback without a token", () => {
    const r = runCli(["serve", "--host", "0.0.0.0"], { home: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("refusing to listen on 0.0.0.0 without MLPATH_TOKEN");
    expect(hasStack(r.stderr)).toBe(false);
  });
});
