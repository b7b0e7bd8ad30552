import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { checkPostingFile, lineOffset, readPostingFile, recordDelimiter } from "./files.js";
import type { SourceItem } from "./posting-record.js";

const dir = mkdtempSync(join(tmpdir(), "mlpath-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (ext: string, content: string | Uint8Array) => {
  const path = join(dir, `f${n++}.${ext}`);
  writeFileSync(path, content);
  return path;
};
const readAll = async (path: string) => {
  const items: SourceItem[] = [];
  for await (const item of readPostingFile(path)) items.push(item);
  return items;
};

describe("readPostingFile", () => {
  it("reads a CSV with a BOM, CRLF, quoted line breaks and a broken quote, counting the bad row", async () => {
    const csv = file(
      "csv",
      '\uFEFFtitle,company,description\r\nData Scientist,Acme,"Python and SQL,\r\nwith statistics"\r\nAnalyst,Initech,"broken "quote" here\r\nML Engineer,Globex,PyTorch\r\n',
    );
    const items = await readAll(csv);
    const ok = items.filter((i) => i.ok);
    expect(ok.map((i) => (i.ok ? i.record.title : ""))).toEqual(
      expect.arrayContaining(["Data Scientist", "ML Engineer"]),
    );
    // Line breaks inside a quoted field are content, kept as written.
    expect(ok[0]?.ok && ok[0].record.description).toBe("Python and SQL,\r\nwith statistics");
  });

  it.each(["\r\n", "\n", "\r"])(
    "skips a row whose quote never closes, and keeps the rows it ran into (%j)",
    async (eol) => {
      const good = (id: string) => `${id},Data Scientist,Acme,"Austin, TX","Python, SQL\nand statistics"`;
      const csv = file(
        "csv",
        [
          "id,title,company,location,description",
          good("a-1"),
          'bad-1,"Broken title,Acme,Remote,"Python role',
          good("a-2"),
          // Blank lines before a runaway row had made the reread start at the row itself, losing a-3.
          "",
          "",
          'bad-2,"Unclosed title,Acme,Remote,SQL role',
          good("a-3"),
          good("a-4"),
        ].join(eol),
      );
      const items = await readAll(csv);
      // Before, a-3 was swallowed into the broken row's title and stored as one posting with it.
      expect(items.map((i) => (i.ok ? i.record.externalId : `${i.where} ${i.reason}`))).toEqual([
        "a-1",
        expect.stringMatching(/:4 empty description$/),
        "a-2",
        expect.stringMatching(/:9 a quote opens a field and does not close it$/),
        "a-3",
        "a-4",
      ]);
      expect(items.every((i) => !i.ok || i.record.title === "Data Scientist")).toBe(true);
    },
  );

  it.each(["\r\n", "\n", "\r"])(
    "skips a row whose quote stays open to the end of the file, and reads the rows after it (%j)",
    async (eol) => {
      const csv = file(
        "csv",
        [
          "title,company,description",
          "Data Scientist,Acme,Python and SQL",
          'Broken,"Acme,Uses Spark',
          "",
          "ML Engineer,Beta,PyTorch",
          'Also broken,Beta,"SQL',
          "Data Analyst,Gamma,Tableau",
          "",
        ].join(eol),
      );
      // Before, the rows after the first open quote were lost and the error named the last line.
      expect((await readAll(csv)).map((i) => (i.ok ? i.record.title : `${i.where} ${i.reason}`))).toEqual([
        "Data Scientist",
        expect.stringMatching(/:3 a quote opens a field and does not close it$/),
        "ML Engineer",
        expect.stringMatching(/:6 a quote opens a field and does not close it$/),
        "Data Analyst",
      ]);
    },
  );

  it("reads the rows after a quote that runs past the record size limit", async () => {
    const row = (i: number) => `ML Engineer ${i},Beta,${"PyTorch and Kubernetes in production. ".repeat(10)}`;
    const rows = Array.from({ length: 7000 }, (_, i) => row(i));
    const csv = file("csv", ["title,company,description", 'Broken,"Acme,Spark', ...rows].join("\n"));
    const items = await readAll(csv);
    // Before, every row after the open quote was lost.
    expect(items.filter((i) => i.ok)).toHaveLength(7000);
    expect(items.filter((i) => !i.ok).map((i) => i.where)).toEqual([expect.stringMatching(/:2$/)]);
  });

  it("stops rereading after the set number of quotes left open, and says where it stopped", async () => {
    // Each open quote runs past the record size limit on its own line.
    const open = Array.from({ length: 25 }, (_, i) => `Broken ${i},"${"PyTorch in production. ".repeat(10)}`);
    const csv = file("csv", ["title,company,description", ...open].join("\n"));
    const items: SourceItem[] = [];
    for await (const item of readPostingFile(csv, { maxRecordChars: 200, maxCsvRestarts: 3 })) items.push(item);
    expect(items.map((i) => (i.ok ? "" : `${i.where.replace(/^.*:/, "")} ${i.reason}`))).toEqual([
      ...[2, 3, 4, 5].map((line) => expect.stringMatching(new RegExp(`^${line} a record runs past 200 characters`))),
      expect.stringMatching(/^6 not read: more than 3 quotes left open/),
    ]);
    // A limit left undefined keeps its default; a negative number of rereads allows none.
    const some: SourceItem[] = [];
    for await (const item of readPostingFile(csv, { maxRecordChars: undefined, maxCsvRestarts: -1 })) some.push(item);
    expect(some.every((i) => !i.ok && !i.reason.includes("undefined"))).toBe(true);
    expect(some.at(-1)).toMatchObject({ reason: expect.stringMatching(/^not read: more than 0 quotes/) });
  });

  it("counts lines from the header as read, blank lines and CRLFs included, and reads no row twice", async () => {
    const show = (items: SourceItem[]) =>
      items.map((i) => (i.ok ? i.record.externalId : `${i.where.replace(/^.*:/, "")} ${i.reason.slice(0, 12)}`));
    // Blank lines before the header had made the reread start two lines early: a1 read twice.
    expect(
      show(await readAll(file("csv", '\n\nid,title,description\na1,T,desc\nb1,"Broken,desc\na2,T,desc\n'))),
    ).toEqual(["a1", "5 a quote open", "a2"]);
    // A blank CRLF line among the rows a runaway swallowed had put the next broken row a line late.
    const crlf = 'id,title,description\r\nb1,"Broken,desc\r\na2,T,desc\r\n\r\nb4,"Broken,desc\r\na5,T,desc\r\n';
    expect(show(await readAll(file("csv", crlf)))).toEqual(["2 a quote open", "a2", "5 a quote open", "a5"]);
    // A CR inside a field of an LF file is text, as csv-parse reads it: it had been split into a posting.
    const lf =
      'id,title,description\nb1,"Senior\rData Scientist,Acme,Python and SQL role\na2,T,desc\na3,T,"quoted desc"\n';
    expect(show(await readAll(file("csv", lf)))).toEqual(["2 a quote open", "a2", "a3"]);
  });

  it.each([
    ["\n", "\r"],
    ["\r\n", "\n"],
  ])("rereads after the whole broken row when a lone line break inside it is text (%j file)", async (eol, lone) => {
    const rows = [
      "id,title,company,description",
      `b1,"Lead ML engineer${lone}x,Data Scientist,Globex,Python and SQL role`,
      "a2,ML Engineer,Acme,PyTorch",
      "a3,T,Acme,desc",
    ];
    const items = await readAll(file("csv", rows.join(eol)));
    // The quote stays open to the end, so the file is read again after the broken row; that reread
    // had begun at the lone break and read the row's second part as a posting "x".
    expect(items.map((i) => (i.ok ? i.record.externalId : i.where.replace(/^.*:/, "line ")))).toEqual([
      "line 2",
      "a2",
      "a3",
    ]);
  });

  it("refuses a CSV whose header opens a quote it does not close", async () => {
    await expect(readAll(file("csv", 'title,"company,description\nData Scientist,Acme,SQL\n'))).rejects.toThrow(
      /quote in the header line does not close/,
    );
  });

  it("refuses a one-row CSV without a header, whose one posting had been read as the header of none", async () => {
    await expect(readAll(file("csv", "Data Scientist,Acme,We need Python and SQL\n"))).rejects.toThrow(
      /no description column among: Data Scientist, Acme, We need Python and SQL/,
    );
    // A header that names its columns and no rows is an empty file, not an error.
    expect(await readAll(file("csv", "title,company,description\n"))).toEqual([]);
  });

  it("says a file separated by the other kind's separator is misnamed, as it had been told to name its columns", async () => {
    const tabs = readAll(file("csv", "title\tcompany\tdescription\nData Scientist\tAcme\tPython and SQL\n"));
    await expect(tabs).rejects.toThrow(/no description column among: title\tcompany\tdescription/);
    await expect(tabs).rejects.toMatchObject({
      hint: "its first line is one column of tab-separated names: name the file .tsv",
    });
    const commas = readAll(file("tsv", "title,company,description\nData Scientist,Acme,Python\n"));
    await expect(commas).rejects.toMatchObject({
      hint: "its first line is one column of comma-separated names: name the file .csv",
    });
    // A header that is simply wrong keeps the general hint.
    await expect(readAll(file("csv", "a,b\n1,2\n"))).rejects.toMatchObject({
      hint: expect.stringContaining("name the columns title and description"),
    });
  });

  it("names every row that opens a quote it never closes, and keeps the row after them", async () => {
    const open = Array.from({ length: 30 }, (_, i) => `Broken ${i},Acme,"SQL`);
    const items = await readAll(file("csv", ["title,company,description", ...open, "Analyst,Acme,SQL"].join("\n")));
    expect(items.filter((i) => i.ok).map((i) => i.ok && i.record.title)).toEqual(["Analyst"]);
    expect(items.filter((i) => !i.ok).map((i) => (i.ok ? "" : `${i.where} ${i.reason}`))).toEqual(
      Array.from({ length: 30 }, (_, i) =>
        expect.stringMatching(new RegExp(`:${i + 2} a quote opens a field and does not close it$`)),
      ),
    );
  });

  it.each(["\r\n", "\n"])(
    "keeps a field that starts with an escaped quote and names lines as written (%j)",
    async (eol) => {
      const csv = file(
        "csv",
        [
          "title,description",
          // A well-formed field whose text starts with a quote and spans lines: not a runaway.
          `Data Scientist,"""Move fast"" is our motto.${eol}We use Python, SQL."`,
          "",
          "",
          `ML Engineer,"line one${eol}line two"`,
          "Broken,",
          "Analyst,SQL",
        ].join(eol),
      );
      const items = await readAll(csv);
      expect(items.map((i) => (i.ok ? i.record.title : i.where.replace(/^.*:/, "line ")))).toEqual([
        "Data Scientist",
        "ML Engineer",
        "line 8",
        "Analyst",
      ]);
      expect(items[0]?.ok && items[0].record.description).toBe(`"Move fast" is our motto.${eol}We use Python, SQL.`);
    },
  );

  it("skips JSON rows whose title or text is not text", async () => {
    const json = file(
      "json",
      JSON.stringify([
        { title: 123, description: ["a"] },
        { title: "Data Scientist", description: "Python and SQL" },
        { title: "ML Engineer", description: { text: "PyTorch" } },
      ]),
    );
    expect((await readAll(json)).map((i) => (i.ok ? i.record.title : i.reason))).toEqual([
      "title is a number, not text",
      "Data Scientist",
      "description is an object, not text",
    ]);
  });

  it("leaves out other fields that are not text, without walking them, and reads schema.org shapes", async () => {
    // Nested 400,000 deep: JSON.stringify over it had overflowed the stack and ended the run.
    const deep = `${"[".repeat(400_000)}${"]".repeat(400_000)}`;
    const row = (fields: string) => `{"title":"Data Scientist","description":"Python and SQL",${fields}}`;
    const jsonl = file(
      "jsonl",
      [
        row(`"company":${deep},"id":{"value":7,"deep":${deep}}`),
        row('"location":{"city":"Austin"}'),
        row('"location":["NYC","SF"],"company":"Acme","id":42'),
        // A schema.org export's nested company, places and pay had cost the whole row.
        row(
          '"hiringOrganization":{"@type":"Organization","name":"Acme"},"jobLocation":[{"name":"NYC"},{"name":"Remote"}],"salary":{"min":100000,"max":120000,"currency":"USD"}',
        ),
      ].join("\n"),
    );
    const records = (await readAll(jsonl)).map((i) => (i.ok ? i.record : i.reason));
    expect(records).toEqual([
      expect.objectContaining({ title: "Data Scientist" }),
      expect.objectContaining({ location: '{"city":"Austin"}' }),
      expect.objectContaining({ location: "NYC, SF", company: "Acme", externalId: "42" }),
      expect.objectContaining({
        company: "Acme",
        location: "NYC, Remote",
        salaryText: '{"min":100000,"max":120000,"currency":"USD"}',
      }),
    ]);
    expect(records[0]).not.toHaveProperty("company");
    expect(records[0]).not.toHaveProperty("externalId");
  });

  it("reads a blank .json as no postings, and refuses null or a number with the shape it needs", async () => {
    // Blank had been a JSON syntax error where a blank .jsonl or .csv is no postings; null crashed.
    expect(await readAll(file("json", " \n"))).toEqual([]);
    for (const text of ["null", "42", '"jobs"', '{"jobs": 3}'])
      await expect(readAll(file("json", text)), text).rejects.toThrow(/no list of postings found/);
  });

  it("reads a saved page's JobPosting JSON-LD, and refuses a page without one", async () => {
    const ld = JSON.stringify({
      "@type": "JobPosting",
      title: "NLP Engineer",
      description: "<p>Transformers &amp; spaCy</p>",
    });
    const items = await readAll(file("html", `<html><script type="application/ld+json">${ld}</script></html>`));
    expect(items).toEqual([
      { ok: true, record: { source: expect.any(String), title: "NLP Engineer", description: "Transformers & spaCy" } },
    ]);
    await expect(readAll(file("htm", "<html><body>careers</body></html>"))).rejects.toThrow(/no schema.org JobPosting/);
  });

  it("refuses compressed and binary bytes behind a text name, and a folder, before reading", async () => {
    const { gzipSync } = await import("node:zlib");
    const cases: [string, RegExp][] = [
      [
        file("jsonl", gzipSync(Buffer.from('{"title":"x","description":"y"}\n'))),
        /gzip-compressed data, not JSONL text/,
      ],
      [file("csv", Buffer.from("PK\x03\x04rest of a zip", "latin1")), /a zip archive, not CSV text/],
      [file("json", Buffer.from([0x7b, 0, 0, 1, 2, 0x7d])), /binary data, not JSON text/],
      [dir, /a folder, not a file/],
    ];
    for (const [path, message] of cases) expect(() => checkPostingFile(path), path).toThrow(message);
    // UTF-16 passed as text, then its NUL bytes reached the stored titles ("\0D\0a\0t\0a").
    const utf16 = file("csv", Buffer.from("\ufefftitle,description\n", "utf16le"));
    expect(() => checkPostingFile(utf16)).toThrow(/UTF-16 text$/);
    // It had said "unpack it first", the hint for a zip.
    expect(() => checkPostingFile(utf16)).toThrow(
      expect.objectContaining({ hint: expect.stringMatching(/save it as UTF-8/) }),
    );
  });

  it("reads Windows-1252 bytes as text", async () => {
    const csv = file("csv", Buffer.from("title,description\nCaf\xe9 analyst,R\xe9sum\xe9 review with SQL\n", "latin1"));
    const [item] = await readAll(csv);
    expect(item?.ok && item.record.title).toBe("Café analyst");
  });

  it.each(["csv", "jsonl"])(
    "reads a file mixing UTF-8 and Windows-1252 rows, each in its own encoding (%s)",
    async (ext) => {
      const row = (title: string, company: string) =>
        ext === "csv"
          ? `${title},${company},Python in Zürich\n`
          : `${JSON.stringify({ title, company, description: "Python in Zürich" })}\n`;
      const bytes = Buffer.concat([
        Buffer.from(ext === "csv" ? "\uFEFFtitle,company,description\n" : "\uFEFF"),
        Buffer.from(row("Data Scientist", "Café Co"), "utf8"),
        Buffer.from(row("ML Engineer", "Müller AG"), "latin1"),
        Buffer.from(row("Data Analyst", "Straße GmbH"), "utf8"),
      ]);
      const items = await readAll(file(ext, bytes));
      // Every row after the first Windows-1252 byte had been read as Windows-1252: "StraÃŸe GmbH".
      expect(items.map((i) => i.ok && `${i.record.company} | ${i.record.description}`)).toEqual([
        "Café Co | Python in Zürich",
        "Müller AG | Python in Zürich",
        "Straße GmbH | Python in Zürich",
      ]);
    },
  );

  it("places a quote left open after rows still waiting in the stream, for a slow reader too", async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `t${i + 1},d${i + 1}`);
    const csv = file("csv", ["title,description", ...rows, 'bad,"open', "z1,after"].join("\n"));
    const out: string[] = [];
    for await (const it of readPostingFile(csv)) {
      out.push(it.ok ? it.record.title : `${it.where} ${it.reason}`);
      // The ingest awaits its store between rows; the parser runs ahead meanwhile.
      await new Promise((r) => setImmediate(r));
    }
    // Before, the open quote was placed by the rows consumed so far: good rows were dropped and
    // reported as broken.
    expect(out).toEqual([
      ...rows.map((r) => r.split(",")[0]),
      expect.stringMatching(/:102 a quote opens a field and does not close it$/),
      "z1",
    ]);
  });

  it("strips a BOM before a Windows-1252 first line, and falls back line by line in lone-CR files", async () => {
    const jsonl = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"title":"Caf\xe9","description":"d"}\n', "latin1"),
    ]);
    expect((await readAll(file("jsonl", jsonl))).map((i) => i.ok && i.record.title)).toEqual(["Café"]);
    const cr = Buffer.concat([Buffer.from("title,description\rCafé,d\r"), Buffer.from("Caf\xe9,d\r", "latin1")]);
    expect((await readAll(file("csv", cr))).map((i) => i.ok && i.record.title)).toEqual(["Café", "Café"]);
  });

  it("reads a JSON file on one line longer than the decoder's piece, characters whole", async () => {
    const postings = Array.from({ length: 3000 }, (_, i) => ({
      title: `Ingénieur ${i}`,
      description: `Données et apprentissage automatique, ${"é€😀".repeat(400)}`,
    }));
    const json = JSON.stringify(postings);
    expect(Buffer.byteLength(json)).toBeGreaterThan(9 * 1024 * 1024);
    const items = await readAll(file("json", json));
    expect(items.filter((i) => i.ok)).toHaveLength(3000);
    expect(items.every((i) => i.ok && i.record.description === postings[0]?.description)).toBe(true);
  });

  it("never throws anything but a clear AppError on random bytes (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("csv", "json", "jsonl", "tsv"),
        fc.uint8Array({ maxLength: 2000 }),
        async (ext, bytes) => {
          try {
            const items = await readAll(file(ext, bytes));
            for (const i of items) if (!i.ok) expect(i.reason.length).toBeGreaterThan(0);
          } catch (e) {
            expect(e).toBeInstanceOf(AppError);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("lineOffset", () => {
  it("finds where a line starts, across reads that split a CRLF (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom("a", "é", ",", '"', "\r", "\n", "\r\n"), { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 30 }),
        async (pieces, readSize, line) => {
          const text = pieces.join("");
          const path = file("csv", text);
          // Line n starts after the (n-1)th line break; past the last line, at the end.
          const breaks = [...text.matchAll(/\r\n|\r|\n/g)].map((m) =>
            Buffer.byteLength(text.slice(0, m.index + m[0].length)),
          );
          const want = line === 1 ? 0 : (breaks[line - 2] ?? Buffer.byteLength(text));
          expect(await lineOffset(path, { at: 0, line: 1 }, line, readSize)).toBe(want);
          // Resuming from an earlier line's start gives the same answer.
          const mid = Math.max(1, line - 2);
          const at = await lineOffset(path, { at: 0, line: 1 }, mid, readSize);
          expect(await lineOffset(path, { at, line: mid }, line, readSize)).toBe(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("recordDelimiter", () => {
  it("finds the line break csv-parse reads records by, quotes in mid-field as text (property)", async () => {
    const options = { bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true } as const;
    const records = (text: string, more: object) => {
      try {
        return parseCsv(text, { ...options, ...more });
      } catch (e) {
        return (e as Error).message.replace(/ at line \d+.*/s, "");
      }
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom("a", ",", '"', "\r", "\n", "\r\n", "\uFEFF"), { maxLength: 16 }),
        async (pieces) => {
          const text = pieces.join("");
          const eol = await recordDelimiter(file("csv", text), ",");
          expect(records(text, { record_delimiter: eol })).toEqual(records(text, {}));
        },
      ),
      { numRuns: 400 },
    );
    // A header whose unit is an inch sign: every row had been lost in a CR file.
    expect(await recordDelimiter(file("csv", 'id,Size (in"),description\ra1,5,desc\r'), ",")).toBe("\r");
  });
});
