import cluster from "node:cluster";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { AppError } from "../errors.js";
import type { CliContext } from "./context.js";
import { wholeNumberOption } from "./format.js";
import { today } from "./profile-input.js";
import { loadModel } from "./salary.js";

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command("serve")
    .description(
      "the web UI at / and the HTTP API under /api (OpenAPI at /api/openapi.json), on this machine only unless told otherwise",
    )
    .option("--port <n>", "port to listen on", "8080")
    .option("--host <host>", "address to bind; beyond loopback it needs MLPATH_TOKEN", "127.0.0.1")
    .option(
      "--processes <n>",
      "server processes sharing the port (each holds its own ranking index); more than 1 needs PostgreSQL (DATABASE_URL)",
      "1",
    )
    .action(async (opts: { port: string; host: string; processes: string }) => {
      const port = wholeNumberOption("port", opts.port, 0, 65535);
      const processes = wholeNumberOption("processes", opts.processes, 1, 64);
      // Node binds every interface for an empty host: with a token it had listened there and
      // printed http://:PORT, and without one refused to listen "on " (the blank name).
      if (!opts.host.trim())
        throw new AppError("INVALID_INPUT", "--host is empty", {
          hint: "pass 127.0.0.1 for this machine only, or 0.0.0.0 (with MLPATH_TOKEN) for every address",
        });
      const token = ctx.config.MLPATH_TOKEN;
      if (!LOOPBACK.has(opts.host) && !token) {
        throw new AppError("INVALID_INPUT", `refusing to listen on ${opts.host} without MLPATH_TOKEN`, {
          hint: "set MLPATH_TOKEN to a secret of 16+ characters; clients send it as a bearer token",
        });
      }
      if (processes > 1 && ctx.storeTarget().kind !== "postgres") {
        throw new AppError(
          "INVALID_INPUT",
          "--processes above 1 needs PostgreSQL: the embedded store is one process's",
          {
            hint: "set DATABASE_URL=postgres://... (see docs/scaling.md), or leave --processes at 1",
          },
        );
      }
      if (processes > 1 && cluster.isPrimary) return runProcesses(processes);
      try {
        await serveOne(ctx, { port, host: opts.host, token });
      } finally {
        // A forked process stays alive while its channel to the primary is open, also when it
        // failed to start (store down): letting go makes it exit, and the primary see it.
        if (cluster.isWorker) cluster.worker?.disconnect();
      }
    });
}

async function serveOne(ctx: CliContext, opts: { port: number; host: string; token: string | undefined }) {
  const { port, token } = opts;
  // One store for the server's life: the embedded one is single-process, and opening it per request is slow.
  const store = await ctx.openStore();
  // The server, its routes and their schemas are loaded here, not with the CLI: they took half
  // a second of every other command's start.
  const [{ serve }, { createApp }, { defaultWebRoot }] = await Promise.all([
    import("@hono/node-server"),
    import("../server/app.js"),
    import("../server/web.js"),
  ]);
  const webRoot = defaultWebRoot();
  const app = createApp({
    index: ctx.knowledge(),
    salaryModel: loadModel(),
    today,
    store,
    webRoot,
    ...(token ? { token } : {}),
  });
  const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
    // Processes share the port; the first one says where it is, once.
    if (cluster.isWorker && cluster.worker?.id !== 1) return;
    const base = listenUrl(opts.host, info.port);
    process.stdout.write(`mlpath API on ${base}/api (OpenAPI: /api/openapi.json)\n`);
    process.stdout.write(
      existsSync(join(webRoot, "index.html"))
        ? `web UI on ${base}/\n`
        : `no web UI at ${webRoot}: run \`npm run build\` to build it\n`,
    );
  });
  // A client that sends half a request is cut off after 2 minutes instead of Node's default 5; a
  // 10 MB upload needs a link slower than ~0.7 Mbit/s to take that long.
  if ("requestTimeout" in server) {
    server.requestTimeout = 120_000;
    server.headersTimeout = 30_000;
  }
  try {
    await new Promise<void>((resolve, reject) => {
      // Listening fails after serve() returns (a port in use, a host that does not resolve).
      server.once("error", (e) => reject(listenError(e, opts)));
      const stop = () => server.close(() => resolve());
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
  } finally {
    await store.close();
  }
}

/** Why the server could not listen, said as what to change rather than as Node's stack. */
function listenError(e: Error & { code?: string }, opts: { port: number; host: string }): Error {
  const where = `${opts.host}:${opts.port}`;
  switch (e.code) {
    case "EADDRINUSE":
      return new AppError("INVALID_INPUT", `port ${opts.port} is in use on ${opts.host}`, {
        hint: "stop what listens there, or pass --port N (0 picks a free port)",
      });
    case "EACCES":
      return new AppError("INVALID_INPUT", `not allowed to listen on ${where}`, {
        hint: "ports below 1024 need privileges: pass --port 1024 or above",
      });
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EADDRNOTAVAIL":
      return new AppError("INVALID_INPUT", `cannot listen on host "${opts.host}": it is no address of this machine`, {
        hint: "pass --host 127.0.0.1, 0.0.0.0 or one of this machine's addresses",
      });
    default:
      return e;
  }
}

/**
 * Forks `n` copies of this command (node:cluster): the primary accepts connections and hands
 * them to the copies in turn, so one port serves from every core. The copies share nothing but
 * the database; a copy that dies takes the server down with it (a supervisor restarts the whole).
 */
async function runProcesses(n: number): Promise<void> {
  const workers = Array.from({ length: n }, () => cluster.fork());
  const failed = await new Promise<string | null>((resolve) => {
    let failure: string | null = null;
    let stopping = false;
    const stop = () => {
      stopping = true;
      for (const w of workers) w.process.kill("SIGTERM");
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    let left = n;
    for (const w of workers) {
      w.on("exit", (code, signal) => {
        if (!stopping) {
          failure = `a server process exited (${signal ? `signal ${signal}` : `code ${code}`})`;
          stop();
        }
        if (--left === 0) resolve(failure);
      });
    }
  });
  // Exits non-zero, so a supervisor that restarts on failure restarts the whole server.
  if (failed) throw new AppError("STORE_ERROR", `${failed}; the others were stopped`);
}

/** Where the server listens, as a URL: an IPv6 address goes in brackets ("http://::1:8080" is no URL). */
export const listenUrl = (host: string, port: number): string =>
  `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
