import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasStack, runCliAsync } from "./run-cli.js";

/** `mlpath ingest --source` against job boards served from loopback (see fixtures/board-hosts.mjs). */
const tmp = mkdtempSync(join(tmpdir(), "mlpath-e2e-boards-"));
const PRELOAD = join(import.meta.dirname, "fixtures", "board-hosts.mjs");
const job = (id: number, title: string) => ({
  id,
  title,
  absolute_url: `https://boards.greenhouse.io/x/jobs/${id}`,
  first_published: "2026-10-01T00:00:00Z",
  content: `&lt;p&gt;${title}: Python, SQL and PyTorch for team ${id}, with statistics and Docker.&lt;/p&gt;`,
});
const BOARDS: Record<string, (res: import("node:http").ServerResponse) => void> = {
  ok: (res) => send(res, 200, { jobs: [job(1, "Machine Learning Engineer"), job(2, "Data Scientist")] }),
  r403: (res) => send(res, 403, {}),
  empty: (res) => send(res, 200, { jobs: [] }),
  shape: (res) => send(res, 200, { error: "temporarily unavailable" }),
  html: (res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>Down for maintenance</title>");
  },
};
const send = (res: import("node:http").ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
};
let server: Server;
let origin: string;
const fetched: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const board = (req.url ?? "").match(/^\/v1\/boards\/([^/]+)\/jobs/)?.[1] ?? "";
    fetched.push(board);
    const answer = BOARDS[board];
    if (answer) return answer(res);
    send(res, 404, {});
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(tmp, { recursive: true, force: true });
});

let dbs = 0;
const mlpath = (args: string[]) =>
  runCliAsync([...args, "--db", join(tmp, `db${dbs++}`), "--threads", "0"], {
    home: tmp,
    env: { NODE_OPTIONS: `--import=${PRELOAD}`, MLPATH_TEST_BOARDS: origin },
  });

describe("mlpath ingest --source", () => {
  it("tries every board when one fails, names the failures, and exits non-zero", async () => {
    fetched.length = 0;
    const r = await mlpath(["ingest", "--source", "greenhouse:typo", "--source", "greenhouse:ok"]);
    expect(fetched).toEqual(["typo", "ok"]);
    expect(r.stdout).toContain("read 2, stored 2 new");
    expect(r.stderr).toContain("greenhouse:typo: no such board");
    expect(r.code, r.stderr).toBe(3);
    expect(hasStack(r.stderr)).toBe(false);
  }, 120_000);

  it("reports failed boards in the --json summary beside a file's postings", async () => {
    const file = join(tmp, "p.jsonl");
    writeFileSync(file, `${JSON.stringify({ title: "Data Analyst", description: "SQL and Tableau dashboards" })}\n`);
    const r = await mlpath(["ingest", file, "--source", "greenhouse:r403", "--source", "greenhouse:ok", "--json"]);
    expect(JSON.parse(r.stdout)).toMatchObject({
      read: 3,
      inserted: 3,
      failedSources: [expect.stringContaining("greenhouse:r403 answered HTTP 403")],
    });
    expect(r.code).not.toBe(0);
  }, 120_000);

  it("says what the board did: listed no jobs, answered no jobs list, or HTML (the board is down: exit 5)", async () => {
    const empty = await mlpath(["ingest", "--source", "greenhouse:empty"]);
    expect(empty.stderr).toContain("mlpath: greenhouse:empty lists no jobs");
    expect(empty.stderr).not.toContain("an empty file");
    expect(empty.code, empty.stderr).toBe(0);
    const broken = await mlpath(["ingest", "--source", "greenhouse:shape", "--source", "greenhouse:html"]);
    expect(broken.stderr).toContain("greenhouse:shape answered 200 with no jobs list");
    expect(broken.stderr).toContain("greenhouse:html answered HTML where JSON was expected");
    expect(broken.stderr).not.toContain("rows skipped");
    expect(broken.code, broken.stderr).toBe(5);
  }, 120_000);
});
