import { readFileSync, statSync } from "node:fs";
import { AppError } from "../errors.js";

/** Larger inputs are almost certainly not one posting or one resume. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

export interface DecodedText {
  text: string;
  /** UTF-8 unless a byte-order mark said UTF-16, or the bytes were not UTF-8 and read as Windows-1252. */
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
}

/**
 * Decodes bytes as text: UTF-8 (BOM dropped) when valid, else Windows-1252, the usual encoding of
 * files exported from older office tools. Bytes with NULs are binary (a PDF, an image, a zip),
 * not text, and are refused with the name of what to do instead.
 */
export function decodeText(
  bytes: Uint8Array,
  where: string,
  limit: SizeLimit = POSTING_LIMIT,
  binaryHint = "pass a plain-text, Markdown or HTML file",
): DecodedText {
  checkSize(bytes.length, where, limit);
  const utf16 = utf16Bom(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    const kind = sniff(head);
    throw new AppError("UNSUPPORTED", `${where}: this is binary data${kind ? ` (${kind})` : ""}, not text`, {
      hint: binaryHint,
    });
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/**
 * The UTF-16 byte order a byte-order mark names, if the bytes start with one: Notepad's "Unicode"
 * and Excel's "Unicode text" are UTF-16 with a mark, text full of NULs.
 */
export function utf16Bom(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/**
 * The size of a file a user named, or a clear error: no such file, or a folder. Each caller says
 * what to do instead, as the input it expects differs.
 */
export function statInputFile(path: string, hints: { missing: string; folder: string }): number {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A loop of links, or a folder on the way that may not be entered, had been "no such file".
    if (code === "ELOOP")
      throw new AppError("INVALID_INPUT", `${path}: a loop of symbolic links`, { hint: "pass the file itself" });
    if (code === "EACCES")
      throw new AppError("INVALID_INPUT", `${path}: permission denied`, { hint: "check who may read it" });
    throw new AppError("NOT_FOUND", `${path}: no such file`, { hint: hints.missing });
  }
  if (st.isDirectory()) throw new AppError("INVALID_INPUT", `${path}: a folder, not a file`, { hint: hints.folder });
  if (!st.isFile()) throw new AppError("INVALID_INPUT", `${path}: not a regular file`, { hint: hints.missing });
  return st.size;
}

/** How much text one input may hold, and what to do when it holds more. */
export interface SizeLimit {
  bytes: number;
  hint: string;
}
const POSTING_LIMIT: SizeLimit = { bytes: MAX_TEXT_BYTES, hint: "pass one posting at a time, or use --jsonl for many" };

/**
 * Refuses an input past its limit, naming the size, the limit and what to do. A stream stops being
 * read at the limit, so its whole size is unknown: `atLeast` says "over", where the bytes read so
 * far had been given as its size.
 */
export function checkSize(bytes: number, where: string, limit: SizeLimit = POSTING_LIMIT, atLeast = false): void {
  if (bytes <= limit.bytes) return;
  const mb = (n: number, digits: number) => (n / 1048576).toFixed(digits);
  throw new AppError(
    "INVALID_INPUT",
    `${where}: too large (${atLeast ? `over ${mb(limit.bytes, 0)} MB, the limit` : `${mb(bytes, 1)} MB; the limit is ${mb(limit.bytes, 0)} MB`})`,
    {
      hint: limit.hint,
    },
  );
}

function sniff(head: Uint8Array): string | undefined {
  const magic = Buffer.from(head.subarray(0, 5)).toString("latin1");
  if (magic.startsWith("%PDF")) return "a PDF";
  if (magic.startsWith("PK")) return "a zip, DOCX or XLSX file";
  if (magic.startsWith("\x89PNG") || magic.startsWith("\xff\xd8")) return "an image";
  return undefined;
}

/** All of stdin's bytes, refused as soon as they pass the limit. */
export async function readStdin(limit: SizeLimit): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    checkSize(size, "stdin", limit, true);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads a text file or stdin ("-"), with the checks of decodeText and a clear error for a missing file. */
export async function readTextInput(path: string): Promise<DecodedText> {
  if (path === "-") return decodeText(await readStdin(POSTING_LIMIT), "stdin");
  const size = statInputFile(path, {
    missing: "check the path, or pass - to read stdin",
    folder: "pass one posting's file, or use --jsonl for many",
  });
  checkSize(size, path);
  return decodeText(readFileSync(path), path);
}
