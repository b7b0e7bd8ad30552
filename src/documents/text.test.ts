import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSize, decodeText, statInputFile } from "./text.js";

describe("decodeText", () => {
  it("reads UTF-16 with a byte-order mark, as Notepad and Excel save 'Unicode' text", () => {
    // Was refused as binary data: UTF-16 text is full of NUL bytes.
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Data Scientist: Python, SQL", "utf16le")]);
    expect(decodeText(le, "cv.txt")).toEqual({ text: "Data Scientist: Python, SQL", encoding: "utf-16le" });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), "cv.txt").text).toBe(
      "Data Scientist: Python, SQL",
    );
  });

  it("still refuses binary bytes, and reads other non-UTF-8 bytes as Windows-1252", () => {
    expect(() => decodeText(Buffer.from("%PDF-1.7\0\0"), "x")).toThrow(/binary data \(a PDF\)/);
    expect(decodeText(Buffer.from("Caf\xe9", "latin1"), "x")).toEqual({ text: "Café", encoding: "windows-1252" });
  });

  it("names the limit and the hint of the caller", () => {
    const big = Buffer.alloc(3 * 1048576, 65);
    expect(() => decodeText(big, "cv.txt", { bytes: 2 * 1048576, hint: "pass one resume" })).toThrow(
      "cv.txt: too large (3.0 MB; the limit is 2 MB)",
    );
    // A stream is read only up to the limit: the bytes read so far had been given as its size.
    expect(() => checkSize(2 * 1048576 + 10, "stdin", { bytes: 2 * 1048576, hint: "h" }, true)).toThrow(
      "stdin: too large (over 2 MB, the limit)",
    );
  });
});

describe("statInputFile", () => {
  const hints = { missing: "check the path", folder: "pass the file in it" };

  it("gives a file's size, and refuses a missing path or a folder with the caller's hint", () => {
    const dir = mkdtempSync(join(tmpdir(), "mlpath-stat-"));
    writeFileSync(join(dir, "a.txt"), "hello");
    expect(statInputFile(join(dir, "a.txt"), hints)).toBe(5);
    expect(() => statInputFile(join(dir, "nope.txt"), hints)).toThrow(
      expect.objectContaining({
        code: "NOT_FOUND",
        message: `${join(dir, "nope.txt")}: no such file`,
        hint: "check the path",
      }),
    );
    expect(() => statInputFile(dir, hints)).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        message: `${dir}: a folder, not a file`,
        hint: "pass the file in it",
      }),
    );
  });
});
