import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { zip } from "../../test/zip-fixture.js";
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

  it("refuses a zip whose directory understates what an entry expands to, before anything expands it", async () => {
    const files = {
      "[Content_Types].xml": "<Types/>",
      "word/document.xml": `<w:document><w:body>${"<w:p/>".repeat(5_000_000)}</w:body></w:document>`,
    };
    const bytes = zip(files);
    // The 30 MB document claims 2 MB: within the size and ratio limits, which read the directory.
    const name = Buffer.from("word/document.xml");
    const local = bytes.indexOf(name) - 30;
    const central = bytes.indexOf(name, local + 31) - 46;
    bytes.writeUInt32LE(2 * 1048576, local + 22);
    bytes.writeUInt32LE(2 * 1048576, central + 24);
    // JSZip, inside mammoth, had inflated all 30 MB (a 1.5 MB upload: 500 MB) before it compared sizes.
    await expect(readDocx(new Uint8Array(bytes), "lie.docx")).rejects.toThrow(
      'lie.docx: refused: "word/document.xml" expands past the size its zip directory states; possibly a zip bomb',
    );
  });
});
