import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDocx } from "./docx.js";

const sample = (name: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, "..", "..", "samples", "resumes", name)));

describe("readDocx", () => {
  it("keeps a list item's bullet, so duties stay duties", async () => {
    // Without their bullets, each duty under a project had been read as a project of its own.
    const { text } = await readDocx(sample("new-graduate.docx"), "new-graduate.docx");
    expect(text).toContain("\n- Served the model with a small Flask web app\n");
    expect(text).toContain("\n\nPlant disease classifier\n\n");
    expect(text).not.toMatch(/<|&amp;|\n\n\n/);
  });
});
