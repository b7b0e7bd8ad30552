import { readFileSync } from "node:fs";
import { AppError } from "../errors.js";
import type { KnowledgePack } from "../knowledge/schema.js";
import { readDocx } from "./docx.js";
import {
  JsonResume,
  jsonResumeDateWarnings,
  jsonResumeToText,
  looksLikeJsonResume,
  pathInOriginal,
  withoutNulls,
} from "./jsonresume.js";
import { isLinkedInExport, linkedInToJsonResume } from "./linkedin.js";
import { readPdf } from "./pdf.js";
import type { Profile } from "./profile.js";
import { createResumeReader } from "./resume.js";
import { checkSize, decodeText, MAX_TEXT_BYTES, readStdin, statInputFile } from "./text.js";
import { listZip } from "./zip.js";

/**
 * Every format a resume is read in, as each message and command naming them says: the readers'
 * messages had named PDF, DOCX, text and JSON Resume only, and the commands each their own subset,
 * though all read the same six.
 */
export const RESUME_FORMATS = "PDF, DOCX, text, Markdown, JSON Resume or LinkedIn export ZIP";

/** No resume is this large; bigger files are refused before they are read into memory. */
export const MAX_RESUME_BYTES = 20 * 1024 * 1024;
const RESUME_FILE_LIMIT = {
  bytes: MAX_RESUME_BYTES,
  hint: "a resume is rarely over 2 MB; export it without embedded images",
};

/** A JSON Resume is a few levels deep; reading one nested thousands deep overflowed the stack. */
const MAX_JSON_DEPTH = 32;

/** Whether a parsed JSON value nests objects or arrays more than `limit` deep (stops looking there). */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (limit === 0) return true;
  return Object.values(value).some((v) => nestedDeeperThan(v, limit - 1));
}

/**
 * The bytes of a resume file a user named, or a clear error: no such file, a folder, or too large
 * to be a resume (refused before it is read into memory).
 */
export function readResumeFile(path: string): Buffer {
  const size = statInputFile(path, {
    missing: "check the path, or pass - to read stdin",
    folder: `pass the resume file itself (${RESUME_FORMATS})`,
  });
  checkSize(size, path, RESUME_FILE_LIMIT);
  return readFileSync(path);
}

/** Reads resume bytes of any supported format, recognised by content rather than by extension. */
export function createResumeFileReader(pack: KnowledgePack) {
  const readResume = createResumeReader(pack);

  /**
   * A document that yields nothing a resume has (a DOCX with an empty body, an export of empty
   * files, `{"basics":{},"work":[]}`) and gives no warning why is refused, as an empty text file
   * is, rather than read as an empty profile that every later step would find nothing in.
   */
  async function fromBytes(bytes: Uint8Array, where: string, now: string): Promise<Profile> {
    const profile = await readAnyFormat(bytes, where, now);
    const { contact, skills, experience, education, certifications, projects } = profile;
    const empty = [skills, experience, education, certifications, projects, contact.links].every((l) => l.length === 0);
    // A reader that found why there is nothing (an image-only PDF) has said so in a warning.
    if (empty && !contact.name && !contact.email && !contact.phone && !profile.headline && !profile.warnings.length)
      throw new AppError("INVALID_INPUT", `${where}: no resume content found (no name, skills, jobs or education)`, {
        hint: `pass a resume with its text (${RESUME_FORMATS}); a PDF needs a text layer`,
      });
    return profile;
  }

  async function readAnyFormat(bytes: Uint8Array, where: string, now: string): Promise<Profile> {
    if (bytes.length === 0)
      throw new AppError("INVALID_INPUT", `${where}: empty file`, {
        hint: `pass a resume (${RESUME_FORMATS})`,
      });
    const head = Buffer.from(bytes.subarray(0, 8)).toString("latin1");
    if (head.startsWith("%PDF")) {
      const pdf = await readPdf(bytes, where);
      return readResume(pdf.text, {
        now,
        format: "pdf",
        warnings: pdf.warnings,
        pages: pdf.pages,
        columns: pdf.columns,
      });
    }
    if (head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06")) {
      const entries = listZip(bytes);
      const names = (entries ?? []).map((e) => e.name);
      if (isLinkedInExport(names)) {
        return readResume(jsonResumeToText(linkedInToJsonResume(bytes, where)), { now, format: "linkedin" });
      }
      // Word is one of two kinds of zip read: any other zip not named .docx (export.zip, stdin) had
      // been called "not a Word document" or told to be saved again from Word, as if only Word were.
      if (!/\.docx$/i.test(where) && !names.includes("word/document.xml"))
        throw new AppError(
          "INVALID_INPUT",
          entries
            ? `${where}: a zip file, but neither a Word document nor a LinkedIn data export (no Profile.csv and Positions.csv)`
            : `${where}: a zip file that cannot be read (no zip directory; truncated or damaged)`,
          {
            hint: entries
              ? "pass the ZIP LinkedIn sends (Settings > Data privacy > Get a copy of your data), or the resume as PDF, DOCX or text"
              : "download or save it again; mlpath reads a Word .docx or LinkedIn's data export ZIP",
          },
        );
      const docx = await readDocx(bytes, where);
      return readResume(docx.text, { now, format: "docx", warnings: docx.warnings });
    }
    if (head.startsWith("\xff\xd8\xff") || head.startsWith("\x89PNG") || head.startsWith("GIF8")) {
      throw new AppError("UNSUPPORTED", `${where}: this is an image, not a document with text`, {
        hint: "export the resume as a PDF with selectable text, DOCX or plain text",
      });
    }
    // Rich Text opens with a brace, so it had been read as JSON that does not parse.
    if (head.startsWith("{\\rtf")) {
      throw new AppError("UNSUPPORTED", `${where}: a Rich Text (RTF) document, which mlpath cannot read`, {
        hint: "save it as .docx, PDF or plain text",
      });
    }
    if (head.startsWith("\xd0\xcf\x11\xe0")) {
      throw new AppError("UNSUPPORTED", `${where}: an old Word .doc file, which mlpath cannot read`, {
        hint: "save it as .docx or PDF",
      });
    }
    // Binary, named as a document it is not: damaged, or another file renamed. (Text named .pdf
    // is read as the text it is.)
    const named = /\.(pdf|docx)$/i.exec(where)?.[1]?.toUpperCase();
    if (named && bytes.subarray(0, 8192).includes(0))
      throw new AppError("INVALID_INPUT", `${where}: named .${named.toLowerCase()}, but not a ${named} file`, {
        hint: `it may be damaged or another file renamed: export the resume as ${named} again`,
      });
    const { text, encoding } = decodeText(
      bytes,
      where,
      { bytes: MAX_TEXT_BYTES, hint: "a resume's text is rarely over 100 KB: pass one resume" },
      `pass a resume as ${RESUME_FORMATS}`,
    );
    const warnings = encoding === "windows-1252" ? ["not UTF-8: read as Windows-1252"] : [];
    const trimmed = text.trimStart();
    // Parsed once: an object is read as a JSON Resume, and other JSON in a .json file or opening
    // with "[" is refused ("[]" or "null" had been read as a one-line text resume: an empty profile).
    if (trimmed.startsWith("{") || trimmed.startsWith("[") || /\.json$/i.test(where)) {
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch (e) {
        if (trimmed.startsWith("{"))
          throw new AppError("INVALID_INPUT", `${where}: looks like JSON but does not parse (${(e as Error).message})`);
      }
      if (value !== undefined) {
        if (typeof value !== "object" || value === null || Array.isArray(value))
          throw new AppError("INVALID_INPUT", `${where}: JSON, but not a JSON Resume (not an object)`, {
            hint: "see https://jsonresume.org/schema for the format",
          });
        return readJsonResume(value, where, now, warnings);
      }
    }
    if (!text.trim()) throw new AppError("INVALID_INPUT", `${where}: no text in the file`);
    return readResume(text, { now, format: "text", warnings });
  }

  function readJsonResume(value: object, where: string, now: string, warnings: string[]): Profile {
    if (nestedDeeperThan(value, MAX_JSON_DEPTH)) {
      throw new AppError("INVALID_INPUT", `${where}: JSON nested more than ${MAX_JSON_DEPTH} levels deep`, {
        hint: "a JSON Resume is a few levels deep: see https://jsonresume.org/schema for the format",
      });
    }
    if (!looksLikeJsonResume(value)) {
      throw new AppError("INVALID_INPUT", `${where}: JSON, but not a JSON Resume (no "basics" or "work")`, {
        hint: "see https://jsonresume.org/schema for the format",
      });
    }
    const parsed = JsonResume.safeParse(withoutNulls(value));
    if (!parsed.success) {
      // Name the field, as a wrong type anywhere had read as "not a JSON Resume".
      const issue = parsed.error.issues[0];
      const field = pathInOriginal(value, issue?.path ?? [])
        .map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`))
        .join("");
      throw new AppError(
        "INVALID_INPUT",
        `${where}: a JSON Resume whose ${field.replace(/^\./, "") || "content"} has the wrong type (${(issue?.message ?? "invalid").replace(/^Invalid input: /, "")})`,
        { hint: "see https://jsonresume.org/schema for the format" },
      );
    }
    return readResume(jsonResumeToText(parsed.data), {
      now,
      format: "jsonresume",
      warnings: [...warnings, ...jsonResumeDateWarnings(parsed.data)],
    });
  }

  async function fromFile(path: string, now: string): Promise<Profile> {
    if (path === "-") return fromBytes(await readStdin(RESUME_FILE_LIMIT), "stdin", now);
    return fromBytes(readResumeFile(path), path, now);
  }

  return { fromBytes, fromFile };
}
