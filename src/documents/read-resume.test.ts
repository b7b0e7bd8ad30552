import { describe, expect, it } from "vitest";
import { zip } from "../../test/zip-fixture.js";
import { AppError } from "../errors.js";
import { loadKnowledge } from "../knowledge/load.js";
import { createResumeFileReader } from "./read-resume.js";

const reader = createResumeFileReader(loadKnowledge());
const read = (value: unknown) => reader.fromBytes(Buffer.from(JSON.stringify(value)), "cv.json", "2026-12-01");
const job = {
  name: "Acme",
  position: "Machine Learning Engineer",
  startDate: "2020-01-01",
  summary: "Python and PyTorch",
};

describe("reading a JSON Resume", () => {
  it("takes null for absent, as exporters write a current job's end", async () => {
    // Was refused as "JSON, but not a JSON Resume": null failed the strict test that decided the format.
    const profile = await read({
      basics: { name: "Jane Doe", email: null },
      work: [{ ...job, endDate: null, highlights: ["Trained models", null] }],
      skills: null,
    });
    expect(profile.contact.name).toBe("Jane Doe");
    expect(profile.experience.map((e) => e.title)).toEqual(["Machine Learning Engineer"]);
  });

  it("warns of dates it cannot read, which had been left out without a word", async () => {
    const profile = await read({
      basics: { name: "A" },
      work: [
        { ...job, startDate: "garbage" },
        { ...job, startDate: "2023-01-01", endDate: "2019-01-01" },
      ],
    });
    expect(profile.warnings).toEqual(
      expect.arrayContaining([
        'work[0].startDate "garbage" is not a date (YYYY-MM-DD): left out',
        "work[1] ends (2019-01) before it starts (2023-01)",
      ]),
    );
  });

  it("keeps the year of a date whose month is past 12, which no profile could hold", async () => {
    const profile = await read({ basics: { name: "A" }, work: [{ ...job, startDate: "2020-13-01" }] });
    expect(profile.experience[0]?.start).toBe("2020-01");
  });

  it("refuses JSON that is no object, which had read as a text resume of one line", async () => {
    for (const json of ["[]", "null", "42", '"cv"', "[{}]"])
      await expect(reader.fromBytes(Buffer.from(json), "cv.json", "2026-12-01")).rejects.toThrow(
        "cv.json: JSON, but not a JSON Resume (not an object)",
      );
    await expect(reader.fromBytes(Buffer.from("[1, 2]"), "cv.txt", "2026-12-01")).rejects.toThrow("not an object");
  });

  it("names the field whose type is wrong", async () => {
    const refused = read({ basics: { name: "A" }, work: [job, { ...job, startDate: 2020 }] });
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toThrow("a JSON Resume whose work[1].startDate has the wrong type (expected string");
    // The nulls dropped before an entry had shifted its number: this named work[0].
    const shifted = read({ basics: { name: "A" }, work: [null, { ...job, startDate: 2020 }] });
    await expect(shifted).rejects.toThrow("a JSON Resume whose work[1].startDate has the wrong type");
  });

  it("refuses JSON nested thousands deep with an error, not a stack overflow", async () => {
    const deep = `{"basics":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`;
    const refused = reader.fromBytes(Buffer.from(deep), "cv.json", "2026-12-01");
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toThrow("cv.json: JSON nested more than 32 levels deep");
  });

  it("refuses a JSON Resume with nothing in it, which read as an empty profile", async () => {
    for (const empty of [
      { basics: {}, work: [] },
      { basics: null, work: null },
    ]) {
      const refused = read(empty);
      await expect(refused).rejects.toBeInstanceOf(AppError);
      await expect(refused).rejects.toThrow("cv.json: no resume content found");
    }
    expect((await read({ basics: { name: "Jane Doe" } })).contact.name).toBe("Jane Doe");
  });
});

describe("reading a binary file that is no document mlpath knows", () => {
  const binary = Buffer.concat([Buffer.from("\x00\x01garbage"), Buffer.alloc(64, 7)]);

  it("says a file named .pdf or .docx is not one (it had suggested a plain-text file)", async () => {
    await expect(reader.fromBytes(binary, "cv.pdf", "2026-12-01")).rejects.toThrow(
      "cv.pdf: named .pdf, but not a PDF file",
    );
    await expect(reader.fromBytes(binary, "cv.DOCX", "2026-12-01")).rejects.toThrow("named .docx, but not a DOCX file");
  });

  it("names the formats a resume may come in, and reads text named .pdf as text", async () => {
    const refused = reader.fromBytes(binary, "cv.bin", "2026-12-01");
    await expect(refused).rejects.toThrow("cv.bin: this is binary data, not text");
    // Every format read, Markdown and the LinkedIn export among them: they had been left out.
    await expect(refused).rejects.toMatchObject({
      hint: "pass a resume as PDF, DOCX, text, Markdown, JSON Resume or LinkedIn export ZIP",
    });
    const text = await reader.fromBytes(Buffer.from("Jane Doe\n\nSkills\nPython, SQL\n"), "cv.pdf", "2026-12-01");
    expect(text.skills.map((s) => s.id)).toEqual(expect.arrayContaining(["python", "sql"]));
  });
});

describe("reading a zip that is no Word document", () => {
  it("names the LinkedIn export beside Word, as either is read (it had said only 'not a Word document')", async () => {
    const other = zip({ "hello.txt": "hi", "Profile.csv": "First Name\nAda\n" });
    const refused = reader.fromBytes(other, "export.zip", "2026-12-01");
    await expect(refused).rejects.toThrow(
      "export.zip: a zip file, but neither a Word document nor a LinkedIn data export (no Profile.csv and Positions.csv)",
    );
    await expect(refused).rejects.toMatchObject({ hint: expect.stringContaining("Get a copy of your data") });
    await expect(reader.fromBytes(other, "stdin", "2026-12-01")).rejects.toThrow("nor a LinkedIn data export");
    // Named .docx, it is still said to be no Word document.
    await expect(reader.fromBytes(other, "cv.docx", "2026-12-01")).rejects.toThrow("not a Word document");
  });

  it("says a cut zip cannot be read, without sending a LinkedIn export back to Word", async () => {
    const cut = zip({ "Profile.csv": "First Name\nAda\n", "Positions.csv": "Title\nAnalyst\n" }).subarray(0, 40);
    const refused = reader.fromBytes(cut, "Basic_LinkedInDataExport.zip", "2026-12-01");
    await expect(refused).rejects.toThrow(
      "Basic_LinkedInDataExport.zip: a zip file that cannot be read (no zip directory; truncated or damaged)",
    );
    await expect(refused).rejects.not.toMatchObject({ hint: expect.stringContaining("from Word") });
  });
});
