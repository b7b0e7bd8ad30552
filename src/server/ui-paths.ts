/**
 * The web UI's pages (web/src/app.tsx routes these). The server answers them with index.html and
 * 200; any other page path gets the same page (which says "Not found") with a 404, so links
 * checkers, crawlers and scripts are not told that a mistyped address exists.
 */
export const UI_PAGES = ["/", "/roles", "/fit", "/plan", "/jobs", "/market", "/analyze"] as const;

export const isUiPath = (path: string): boolean =>
  (UI_PAGES as readonly string[]).includes(path) || /^\/roles\/[^/]+$/.test(path);
