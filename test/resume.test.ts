import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStack, runCli } from "./run-cli.js";
import { zip } from "./zip-fixture.js";

const tmp = mkdtempSync(join(tmpdir(), "mlpath-e2e-resume-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const fixtures = join(import.meta.dirname, "fixtures");
const mlpath = (args: string[]) => runCli(args, { home: tmp });
const file = (name: string, bytes: Buffer | string) => {
  const path = join(tmp, name);
  writeFileSync(path, bytes);
  return path;
};

const zipOf = (name: string, content: Buffer) => zip({ [name]: content });

describe("mlpath resume", () => {
  it("reads a text resume into a profile", () => {
    const r = mlpath(["resume", "--json", join(fixtures, "resume-senior.txt")]);
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p).toMatchObject({ contact: { name: "Jane Doe" }, years: expect.any(Number), document: { format: "text" } });
    expect(p.experience).toHaveLength(4);
  });

  it("reads a resume, or the profile it gave, on stdin", () => {
    // "-" was taken for a file name: "-: no such file".
    const input = readFileSync(join(fixtures, "resume-senior.txt"));
    const r = runCli(["resume", "--json", "-"], { home: tmp, input });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ contact: { name: "Jane Doe" } });
    // Its warnings name it as its errors do; they had said "-: warning".
    const bare = runCli(["resume", "-"], { home: tmp, input: "hello" });
    expect(bare.stderr).toContain("mlpath: stdin: warning: no section headings found");
    const fit = runCli(["fit", "-", "--json", "--top", "2"], { home: tmp, input: r.stdout });
    expect(fit.code, fit.stderr).toBe(0);
    expect(JSON.parse(fit.stdout)).toHaveLength(2);
    // A profile edited wrong is named by its field; it had been called "not a JSON Resume".
    const edited = JSON.parse(r.stdout);
    edited.skills[0].category = "bogus";
    const wrong = runCli(["fit", "-"], { home: tmp, input: JSON.stringify(edited) });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("stdin: a profile whose skills.0.category is wrong");
    expect(hasStack(wrong.stderr)).toBe(false);
    // A skill id not in the pack had been passed over: the fit left out a skill the person thought counted.
    edited.skills[0].category = JSON.parse(r.stdout).skills[0].category;
    edited.skills[0].id = "pythn";
    const typo = runCli(["fit", "-"], { home: tmp, input: JSON.stringify(edited) });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('stdin: a profile whose skills.0.id is wrong: "pythn" is not a skill id of the pack');
    // A field no profile has, misspelt inside a skill, had been dropped without a word.
    edited.skills[0].id = JSON.parse(r.stdout).skills[0].id;
    edited.skills[0].skils = ["sql"];
    const unknown = runCli(["fit", "-"], { home: tmp, input: JSON.stringify(edited) });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('stdin: a profile whose skills.0 is wrong: Unrecognized key: "skils"');
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
      () => file("bomb.docx", zipOf("word/document.xml", Buffer.alloc(60 * 1024 * 1024))),
      /possibly a zip bomb/,
      2,
    ],
    [
      "a zip that is not Word",
      () => file("other.docx", zipOf("hello.txt", Buffer.from("hi"))),
      /not a Word document/,
      2,
    ],
    ["JSON that is not a JSON Resume", () => file("x.json", '{"foo": 1}'), /not a JSON Resume/, 2],
    [
      "an old .doc file",
      () => file("old.doc", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])),
      /old Word \.doc/,
      6,
    ],
    ["an RTF document", () => file("cv.rtf", "{\\rtf1\\ansi Ada Lovelace\\par Python}"), /Rich Text \(RTF\)/, 6],
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

  it("reads a LinkedIn data export", () => {
    const exportZip = zip({
      "Profile.csv":
        "First Name,Last Name,Headline,Summary\nAda,Lovelace,Data Scientist at Analytical Engines,Statistics and Python for demand forecasting\n",
      "Email Addresses.csv": "Email Address,Confirmed,Primary\nada@example.com,Yes,Yes\n",
      "Positions.csv":
        'Company Name,Title,Description,Location,Started On,Finished On\nAnalytical Engines,Data Scientist,"Forecasting with Python, pandas and SQL",London,Mar 2021,\nBabbage Ltd,Data Analyst,Tableau dashboards,London,Jan 2018,Feb 2021\n',
      "Skills.csv": "Name\nscikit-learn\nA/B Testing\n",
      "Education.csv":
        "School Name,Start Date,End Date,Notes,Degree Name,Activities\nUniversity of London,2014,2017,,Bachelor of Science in Mathematics,\n",
    });
    const r = mlpath(["resume", "--json", file("Basic_LinkedInDataExport.zip", exportZip)]);
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p).toMatchObject({
      contact: { name: "Ada Lovelace", email: "ada@example.com" },
      document: { format: "linkedin" },
    });
    expect(p.experience.map((e: { title: string; start: string; end: string }) => [e.title, e.start, e.end])).toEqual([
      ["Data Scientist", "2021-03", "present"],
      ["Data Analyst", "2018-01", "2021-02"],
    ]);
    expect(p.education[0]).toMatchObject({ level: "bachelor", institution: "University of London" });
    expect(p.skills.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining(["python", "pandas", "sql", "scikit-learn", "ab-testing", "tableau"]),
    );
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
