import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";
import { isUiPath } from "./ui-paths.js";

/**
 * Where Vite puts the UI: dist/web beside the compiled server (dist/server). Run from source, this
 * points at src/web, which never exists, so tests from source get the "not built" answer.
 */
export const defaultWebRoot = (): string => fileURLToPath(new URL("../web/", import.meta.url));

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * The built web UI for every GET outside /api: files as they are, hashed assets cached for a year,
 * and index.html for any other path so the UI's own routes survive a reload (404 for a path that is
 * none of them). The UI is public;
 * only /api needs the token, so a locked server can still show the page that asks for it.
 */
export function serveWeb(root: string): MiddlewareHandler {
  // Made on the first request that finds the build: serveStatic complains at creation about a missing root.
  let served: { file: MiddlewareHandler; index: MiddlewareHandler } | null = null;
  type Ctx = Parameters<MiddlewareHandler>[0];
  // serveStatic builds its Response before its onFound hook runs, so the header goes on the Response.
  const send = async (serve: MiddlewareHandler, c: Ctx, cacheControl: string, status = 200) => {
    const res = await serve(c, async () => {});
    if (!res) return c.json({ error: { code: "NOT_FOUND", message: `no file ${c.req.path}` } }, 404);
    res.headers.set("Cache-Control", cacheControl);
    return status === res.status ? res : new Response(res.body, { status, headers: res.headers });
  };

  return async (c, next) => {
    const path = c.req.path;
    if ((c.req.method !== "GET" && c.req.method !== "HEAD") || path === "/api" || path.startsWith("/api/")) {
      return next();
    }
    if (!existsSync(join(root, "index.html"))) {
      return c.json(
        { error: { code: "NOT_BUILT", message: "the web UI is not built here; run `npm run build`, then restart" } },
        503,
      );
    }
    served ??= { file: serveStatic({ root }), index: serveStatic({ root, path: "index.html" }) };
    if (path.startsWith("/assets/")) return send(served.file, c, IMMUTABLE);
    if (path !== "/" && /\.[a-z0-9]+$/i.test(path)) return send(served.file, c, "public, max-age=3600");
    // Revalidated every time, so a rebuilt UI is picked up at once: it names the hashed assets.
    return send(served.index, c, "no-cache", isUiPath(path) ? 200 : 404);
  };
}
