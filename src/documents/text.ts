import { readFileSync, statSync } from "node:fs";
import { AppError } from "../errors.js";

/** Larger inputs are almost certainly not one posting or one resume. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

export interface DecodedText {
  text: string;
  /** Set when the bytes were not UTF-8 and were read as Windows-1252 instead. */
  encoding: "utf-8" | "windows-1252";
}

/**
 * Decodes bytes as text: UTF-8 (BOM dropped) when valid, else Windows-1252, the usual encoding of
 * files exported from older office tools. Bytes with NULs are binary (a PDF, an image, a zip),
 * not text, and are refused with the name of what to do instead.
 */
export function decodeText(bytes: Uint8Array, where: string): DecodedText {
  checkSize(bytes.length, where);
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    const kind = sniff(head);
    throw new AppError("UNSUPPORTED", `${where}: this is binary data${kind ? ` (${kind})` : ""}, not text`, {
      hint: "pass a plain-text, Markdown or HTML file, or paste the text on stdin",
    });
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

function checkSize(bytes: number, where: string): void {
  if (bytes <= MAX_TEXT_BYTES) return;
  throw new AppError("INVALID_INPUT", `${where}: too large (${(bytes / 1048576).toFixed(1)} MB; the limit is 5 MB)`, {
    hint: "pass one posting at a time, or use --jsonl for many",
  });
}

function sniff(head: Uint8Array): string | undefined {
  const magic = Buffer.from(head.subarray(0, 5)).toString("latin1");
  if (magic.startsWith("%PDF")) return "a PDF";
  if (magic.startsWith("PK")) return "a zip, DOCX or XLSX file";
  if (magic.startsWith("\x89PNG") || magic.startsWith("\xff\xd8")) return "an image";
  return undefined;
}

/** Reads a text file or stdin ("-"), with the checks of decodeText and a clear error for a missing file. */
export async function readTextInput(path: string): Promise<DecodedText> {
  if (path === "-") {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      size += chunk.length;
      checkSize(size, "stdin");
      chunks.push(chunk);
    }
    return decodeText(Buffer.concat(chunks), "stdin");
  }
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new AppError("INVALID_INPUT", `${path}: is a folder, not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("NOT_FOUND", `${path}: no such file`, { hint: "check the path, or pass - to read stdin" });
  }
  checkSize(size, path);
  return decodeText(readFileSync(path), path);
}
