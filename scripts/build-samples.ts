// Renders the sample resumes in samples/resumes/ from the JSON Resume files in samples/resumes/source/:
// plain text, Markdown, Word, and a one-column and a two-column PDF of each. `npx tsx scripts/build-samples.ts`
// Every format is drawn from the same list of sections (resumeSections), so all carry exactly the same content.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { z } from "zod";
import { launchChromium } from "./chromium.js";

const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "samples", "resumes");
const SOURCE_DIR = join(OUT_DIR, "source");

// ---------------------------------------------------------------------------------------------
// Source: the parts of the JSON Resume schema (https://jsonresume.org/schema) the samples use.

const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected YYYY-MM");
const endsAfterStart = (d: { startDate: string; endDate?: string | undefined }) =>
  d.endDate === undefined || d.startDate <= d.endDate;
const Words = z.array(z.string().min(1));

const JsonResume = z.strictObject({
  basics: z.strictObject({
    name: z.string().min(1),
    label: z.string().min(1),
    email: z.string().min(1),
    phone: z.string().min(1),
    url: z.string().min(1),
    summary: z.string().min(1),
    location: z.strictObject({ city: z.string().min(1), countryCode: z.string().length(2) }),
    profiles: z.array(z.strictObject({ network: z.string(), url: z.string(), username: z.string() })).default([]),
  }),
  work: z
    .array(
      z
        .strictObject({
          name: z.string().min(1),
          position: z.string().min(1),
          url: z.string().optional(),
          startDate: YearMonth,
          endDate: YearMonth.optional(),
          summary: z.string().optional(),
          highlights: Words.default([]),
        })
        .refine(endsAfterStart, "endDate is before startDate"),
    )
    .default([]),
  education: z
    .array(
      z
        .strictObject({
          institution: z.string().min(1),
          area: z.string().min(1),
          studyType: z.string().min(1),
          startDate: YearMonth,
          endDate: YearMonth.optional(),
          score: z.string().optional(),
          courses: Words.default([]),
        })
        .refine(endsAfterStart, "endDate is before startDate"),
    )
    .default([]),
  skills: z.array(z.strictObject({ name: z.string().min(1), keywords: Words })).default([]),
  certificates: z
    .array(z.strictObject({ name: z.string().min(1), issuer: z.string().min(1), date: YearMonth }))
    .default([]),
  projects: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        description: z.string().min(1),
        highlights: Words.default([]),
        keywords: Words.default([]),
        url: z.string().optional(),
      }),
    )
    .default([]),
  languages: z.array(z.strictObject({ language: z.string().min(1), fluency: z.string().min(1) })).default([]),
});
type JsonResume = z.infer<typeof JsonResume>;

/** Reads and checks one source file. */
export function loadResume(path: string): JsonResume {
  const parsed = JsonResume.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------
// The shared model: a resume as a header and an ordered list of sections of blocks.

type Block =
  | { kind: "paragraph"; text: string }
  /** One line: "Label: item, item". */
  | { kind: "pair"; label: string; items: string[] }
  /** A job, degree, project or certificate: "Title, Org", a date line, detail lines, bullets, a closing note. */
  | { kind: "entry"; title: string; org?: string; dates?: string; lines: string[]; bullets: string[]; note?: string };

type SectionId = "summary" | "experience" | "education" | "skills" | "projects" | "certifications" | "languages";
interface Section {
  id: SectionId;
  heading: string;
  blocks: Block[];
}
export interface ResumeLayout {
  name: string;
  headline: string;
  contact: string[];
  sections: Section[];
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const month = (ym: string) => `${MONTHS[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
const period = (start: string, end: string | undefined) => `${month(start)} - ${end ? month(end) : "Present"}`;
const bareUrl = (url: string) => url.replace(/^https?:\/\/(www\.)?/, "").replace(/\/$/, "");
const countryName = new Intl.DisplayNames(["en"], { type: "region" });
/** Escapes text for HTML and XML. */
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** Turns a JSON Resume into the ordered sections every format renders; empty sections are left out. */
export function resumeSections(r: JsonResume): ResumeLayout {
  const b = r.basics;
  const sections: Section[] = [
    { id: "summary", heading: "SUMMARY", blocks: [{ kind: "paragraph", text: b.summary }] },
    {
      id: "experience",
      heading: "EXPERIENCE",
      blocks: r.work.map((w) => ({
        kind: "entry",
        title: w.position,
        org: w.name,
        dates: period(w.startDate, w.endDate),
        lines: [w.summary, w.url && bareUrl(w.url)].filter((s): s is string => !!s),
        bullets: w.highlights,
      })),
    },
    {
      id: "education",
      heading: "EDUCATION",
      blocks: r.education.map((e) => ({
        kind: "entry",
        title: `${e.studyType} in ${e.area}`,
        org: e.institution,
        dates: period(e.startDate, e.endDate),
        lines: [e.score, e.courses.length ? `Relevant courses: ${e.courses.join(", ")}` : undefined].filter(
          (s): s is string => !!s,
        ),
        bullets: [],
      })),
    },
    {
      id: "skills",
      heading: "SKILLS",
      blocks: r.skills.map((s) => ({ kind: "pair", label: s.name, items: s.keywords })),
    },
    {
      id: "projects",
      heading: "PROJECTS",
      blocks: r.projects.map((p) => ({
        kind: "entry",
        title: p.name,
        lines: [p.description, p.url && bareUrl(p.url)].filter((s): s is string => !!s),
        bullets: p.highlights,
        ...(p.keywords.length ? { note: `Tools: ${p.keywords.join(", ")}` } : {}),
      })),
    },
    {
      id: "certifications",
      heading: "CERTIFICATIONS",
      blocks: r.certificates.map((c) => ({
        kind: "entry",
        title: c.name,
        org: c.issuer,
        dates: month(c.date),
        lines: [],
        bullets: [],
      })),
    },
    {
      id: "languages",
      heading: "LANGUAGES",
      blocks: r.languages.map((l) => ({ kind: "pair", label: l.language, items: [l.fluency] })),
    },
  ];
  const where = `${b.location.city}, ${countryName.of(b.location.countryCode) ?? b.location.countryCode}`;
  return {
    name: b.name,
    headline: b.label,
    contact: [where, b.email, b.phone, bareUrl(b.url), ...b.profiles.map((p) => bareUrl(p.url))],
    sections: sections.filter((s) => s.blocks.length > 0),
  };
}

const entryTitle = (e: { title: string; org?: string }) => (e.org ? `${e.title}, ${e.org}` : e.title);

// ---------------------------------------------------------------------------------------------
// Plain text and Markdown.

export function renderText(r: ResumeLayout): string {
  const out = [r.name, r.contact.join(" | "), r.headline];
  for (const s of r.sections) {
    out.push("", s.heading);
    for (const b of s.blocks) {
      if (b.kind === "paragraph") out.push(b.text);
      else if (b.kind === "pair") out.push(`${b.label}: ${b.items.join(", ")}`);
      else {
        out.push("", entryTitle(b), ...(b.dates ? [b.dates] : []), ...b.lines, ...b.bullets.map((x) => `- ${x}`));
        if (b.note) out.push(b.note);
      }
    }
  }
  return `${out.join("\n")}\n`;
}

/** Escapes the characters Markdown would read as markup. */
const md = (s: string) => s.replace(/[\\`*_[\]<>]/g, "\\$&").replace(/^([#+-]|\d+\.)(?=\s)/, "\\$1");

export function renderMarkdown(r: ResumeLayout): string {
  const out = [`# ${md(r.name)}`, r.contact.map(md).join(" | "), md(r.headline)];
  for (const s of r.sections) {
    out.push(`## ${s.heading}`);
    const pairs = s.blocks.flatMap((b) =>
      b.kind === "pair" ? [`- **${md(b.label)}:** ${b.items.map(md).join(", ")}`] : [],
    );
    if (pairs.length) out.push(pairs.join("\n"));
    for (const b of s.blocks) {
      if (b.kind === "paragraph") out.push(md(b.text));
      if (b.kind !== "entry") continue;
      // Title, dates and detail lines stay one paragraph, with hard line breaks (two trailing spaces).
      const title = b.org ? `**${md(b.title)}**, ${md(b.org)}` : `**${md(b.title)}**`;
      out.push([title, ...(b.dates ? [b.dates] : []), ...b.lines.map(md)].join("  \n"));
      if (b.bullets.length) out.push(b.bullets.map((x) => `- ${md(x)}`).join("\n"));
      if (b.note) out.push(md(b.note));
    }
  }
  return `${out.join("\n\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// Word.

export async function renderDocx(r: ResumeLayout): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({ text: r.name, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text: r.contact.join(" | ") }),
    new Paragraph({ children: [new TextRun({ text: r.headline, bold: true })], spacing: { after: 120 } }),
  ];
  for (const s of r.sections) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_2 }));
    for (const b of s.blocks) {
      if (b.kind === "paragraph") children.push(new Paragraph({ text: b.text }));
      else if (b.kind === "pair")
        children.push(
          new Paragraph({
            children: [new TextRun({ text: `${b.label}: `, bold: true }), new TextRun(b.items.join(", "))],
          }),
        );
      else {
        const title = [new TextRun({ text: b.title, bold: true }), ...(b.org ? [new TextRun(`, ${b.org}`)] : [])];
        children.push(new Paragraph({ children: title, spacing: { before: 120 }, keepNext: true }));
        if (b.dates) children.push(new Paragraph({ children: [new TextRun({ text: b.dates, italics: true })] }));
        for (const line of b.lines) children.push(new Paragraph({ text: line }));
        for (const x of b.bullets) children.push(new Paragraph({ text: x, bullet: { level: 0 } }));
        if (b.note) children.push(new Paragraph({ text: b.note }));
      }
    }
  }
  const doc = new Document({
    title: `${r.name} - Resume`,
    creator: "mlpath",
    styles: { default: { document: { run: { font: "Calibri", size: 21 } } } },
    sections: [{ properties: { page: { margin: { top: 1000, bottom: 1000, left: 1100, right: 1100 } } }, children }],
  });
  // The docx package stamps the current time into docProps/core.xml and on every zip entry; fix both.
  const core = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${esc(`${r.name} - Resume`)}</dc:title><dc:creator>mlpath</dc:creator>`,
    "</cp:coreProperties>",
  ].join("");
  return clearZipTimes(await Packer.toBuffer(doc, false, [{ path: "docProps/core.xml", data: core }]));
}

/** Sets every entry's modification time in a zip (no archive comment) to 1980-01-01 00:00. */
function clearZipTimes(zip: Buffer): Buffer {
  const end = zip.length - 22;
  if (zip.readUInt32LE(end) !== 0x06054b50) throw new Error("unexpected zip layout");
  let at = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    for (const time of [at + 12, zip.readUInt32LE(at + 42) + 10]) {
      zip.writeUInt16LE(0, time);
      zip.writeUInt16LE((1 << 5) | 1, time + 2);
    }
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

// ---------------------------------------------------------------------------------------------
// HTML, printed to PDF by Chromium.

function sectionHtml(s: Section): string {
  const pairs = s.blocks.flatMap((b) =>
    b.kind === "pair"
      ? [`<li><strong>${esc(b.label)}:</strong> ${b.items.map((x) => `<span>${esc(x)}</span>`).join(", ")}</li>`]
      : [],
  );
  const blocks = s.blocks.map((b) => {
    if (b.kind === "paragraph") return `<p>${esc(b.text)}</p>`;
    if (b.kind === "pair") return "";
    return [
      '<div class="entry">',
      `<p class="title"><strong>${esc(b.title)}</strong>${b.org ? `, ${esc(b.org)}` : ""}</p>`,
      b.dates ? `<p class="dates">${esc(b.dates)}</p>` : "",
      ...b.lines.map((l) => `<p>${esc(l)}</p>`),
      b.bullets.length ? `<ul>${b.bullets.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>` : "",
      b.note ? `<p class="note">${esc(b.note)}</p>` : "",
      "</div>",
    ].join("");
  });
  const list = pairs.length ? `<ul class="pairs">${pairs.join("")}</ul>` : "";
  return `<section><h2>${esc(s.heading)}</h2>${list}${blocks.join("")}</section>`;
}

const CSS = `
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; font-size: 10pt; line-height: 1.35;
         color: #1c2430; }
  h1 { font-size: 20pt; margin: 0 0 1mm; color: #12355b; }
  h2 { font-size: 10.5pt; letter-spacing: 0.08em; color: #12355b; border-bottom: 0.6pt solid #9fb3c8;
       margin: 5mm 0 2mm; padding-bottom: 0.8mm; break-after: avoid; }
  p { margin: 0 0 1mm; }
  ul { margin: 0.5mm 0 1mm; padding-left: 4.5mm; }
  li { margin-bottom: 0.6mm; }
  .headline { font-size: 11pt; font-weight: bold; color: #3b5670; }
  .contact { color: #3b5670; }
  .entry { margin-bottom: 3mm; break-inside: avoid; }
  .entry .title { margin: 0; }
  .dates { color: #5b6b7b; font-style: italic; }
  .note { color: #5b6b7b; }
  ul.pairs { list-style: none; padding-left: 0; }
  ul.pairs span { white-space: nowrap; }
  .two-column header { margin-bottom: 4mm; }
  .columns { display: grid; grid-template-columns: 32% 1fr; column-gap: 6mm; align-items: start; }
  aside { background: #edf2f7; padding: 1mm 4mm 3mm; overflow-wrap: anywhere; }
  aside .contact { margin: 3mm 0 4mm; }
  aside .contact p { margin-bottom: 1.2mm; }
  aside h2:first-child, main > section:first-child h2 { margin-top: 3mm; }
`;

const SIDEBAR: readonly SectionId[] = ["skills", "education", "certifications", "languages"];

export function renderHtml(r: ResumeLayout, layout: "one-column" | "two-column"): string {
  const html = (body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(r.name)} - Resume</title>` +
    `<style>${CSS}</style></head><body class="${layout}">${body}</body></html>`;
  if (layout === "one-column")
    return html(
      `<header><h1>${esc(r.name)}</h1><p class="contact">${r.contact.map(esc).join(" | ")}</p>` +
        `<p class="headline">${esc(r.headline)}</p></header>${r.sections.map(sectionHtml).join("")}`,
    );
  const side = SIDEBAR.flatMap((id) => r.sections.filter((s) => s.id === id));
  const main = r.sections.filter((s) => !SIDEBAR.includes(s.id));
  return html(
    `<header><h1>${esc(r.name)}</h1><p class="headline">${esc(r.headline)}</p></header>` +
      '<div class="columns"><aside>' +
      `<div class="contact">${r.contact.map((c) => `<p>${esc(c)}</p>`).join("")}</div>` +
      `${side.map(sectionHtml).join("")}</aside><main>${main.map(sectionHtml).join("")}</main></div>`,
  );
}

/** Chromium stamps the time into the PDF's info dictionary; same-length dates keep the xref offsets valid. */
const fixPdfDates = (pdf: Buffer) =>
  Buffer.from(
    pdf.toString("latin1").replace(/(\/(?:CreationDate|ModDate) ?\(D:)\d{14}/g, "$120260101000000"),
    "latin1",
  );

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const sources = readdirSync(SOURCE_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const pdf = async (html: string) => {
      await page.setContent(html, { waitUntil: "load" });
      const margin = { top: "12mm", bottom: "12mm", left: "13mm", right: "13mm" };
      return fixPdfDates(await page.pdf({ format: "A4", printBackground: true, margin }));
    };
    for (const file of sources) {
      const name = basename(file, ".json");
      const resume = resumeSections(loadResume(join(SOURCE_DIR, file)));
      const outputs: [string, string | Buffer][] = [
        [`${name}.txt`, renderText(resume)],
        [`${name}.md`, renderMarkdown(resume)],
        [`${name}.docx`, await renderDocx(resume)],
        [`${name}.pdf`, await pdf(renderHtml(resume, "one-column"))],
        [`${name}-two-column.pdf`, await pdf(renderHtml(resume, "two-column"))],
      ];
      for (const [out, data] of outputs) writeFileSync(join(OUT_DIR, out), data);
      console.log(`${name}: ${outputs.map(([out]) => out).join(", ")}`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
