import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isUiPath, UI_PAGES } from "./ui-paths.js";

describe("UI_PAGES", () => {
  it("lists exactly the pages the web UI routes, so no page of it is answered 404", () => {
    const app = readFileSync(new URL("../../web/src/app.tsx", import.meta.url), "utf8");
    const routed = [...app.matchAll(/case "(\/[^"]*)":/g)].map((m) => m[1]);
    expect([...routed].sort()).toEqual([...UI_PAGES].sort());
    expect(app).toContain("^\\/roles\\/([^/]+)$");
    expect(isUiPath("/roles/ml-engineer")).toBe(true);
    expect(isUiPath("/roles/")).toBe(false);
  });
});
