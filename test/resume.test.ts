import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { hasStack, runCli } from "./run-cli.js";

const tmp = mkdtempSync(join(tmpdir(), "mlpath-e2e-resume-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fixtures = join(import.meta.dirname, "fixtures");
const mlpath = (args: string[]) => runCli(args, { home: tmp });
const file = (name: string, bytes: Buffer | string) => {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
};

/** A zip holding one entry, deflated, with honest sizes in its directory. */
function zip(name: string, content: Buffer): Buffer {
  const data = deflateRawSync(content);
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe("mlpath resume", () => {
  it("reads a text resume into a profile", () => {
    const r = mlpath(["resume", "--json", join(fixtures, "resume-senior.txt")]);
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p).toMatchObject({ contact: { name: "Jane Doe" }, years: expect.any(Number), document: { format: "text" } });
    expect(p.experience).toHaveLength(4);
  });

  it("prints a readable profile", () => {
    const r = mlpath(["resume", join(fixtures, "resume-senior.txt")]);
    for (const part of ["Jane Doe", "Experience", "Lead Data Scientist, Acme Retail", "→ data-scientist", "Skills"]) {
      expect(r.stdout).toContain(part);
    }
  });

  it("reads the text layer of a PDF", () => {
    const r = mlpath(["resume", "--json", join(fixtures, "minimal.pdf")]);
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p.document).toMatchObject({ format: "pdf", pages: 1 });
    expect(p.skills.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(["python", "sql"]));
  });

  const bad: [string, () => string, RegExp, number][] = [
    ["a zero-byte file", () => file("empty.pdf", ""), /empty file/, 2],
    ["an encrypted PDF", () => join(fixtures, "encrypted.pdf"), /encrypted with a password/, 6],
    [
      "a truncated PDF",
      () => file("cut.pdf", readFileSync(join(fixtures, "minimal.pdf")).subarray(0, 300)),
      /not a readable PDF/,
      2,
    ],
    [
      "a JPEG named .pdf",
      () => file("photo.pdf", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70])),
      /an image, not a document/,
      6,
    ],
    [
      "a zip bomb named .docx",
      () => file("bomb.docx", zip("word/document.xml", Buffer.alloc(60 * 1024 * 1024))),
      /possibly a zip bomb/,
      2,
    ],
    ["a zip that is not Word", () => file("other.docx", zip("hello.txt", Buffer.from("hi"))), /not a Word document/, 2],
    ["JSON that is not a JSON Resume", () => file("x.json", '{"foo": 1}'), /not a JSON Resume/, 2],
    [
      "an old .doc file",
      () => file("old.doc", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])),
      /old Word \.doc/,
      6,
    ],
    [
      "a 25 MB file",
      () => file("huge.txt", Buffer.alloc(25 * 1024 * 1024, 65)),
      /too large \(25\.0 MB; the limit is 20 MB\)/,
      2,
    ],
    ["a missing file", () => join(tmp, "nope.pdf"), /no such file/, 3],
    [
      "a folder",
      () => {
        mkdirSync(join(tmp, "dir"), { recursive: true });
        return join(tmp, "dir");
      },
      /not a file/,
      2,
    ],
  ];
  it.each(bad)("refuses %s with one clear line", (_, make, message, code) => {
    const r = mlpath(["resume", make()]);
    expect(r.code).toBe(code);
    expect(r.stderr.split("\n")[0]).toMatch(message);
    expect(hasStack(r.stderr)).toBe(false);
  });

  it("warns about a PDF with no text layer instead of inventing a profile", () => {
    const blank = readFileSync(join(fixtures, "minimal.pdf"), "latin1").replace(
      /\(Jane Doe\) Tj 0 -20 Td \(SKILLS\) Tj 0 -16 Td \(Python, SQL\) Tj/,
      "() Tj",
    );
    const r = mlpath(["resume", "--json", file("scan.pdf", Buffer.from(blank, "latin1"))]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("image-only PDF: no text layer");
    expect(JSON.parse(r.stdout)).toMatchObject({ skills: [], experience: [] });
  });
});
