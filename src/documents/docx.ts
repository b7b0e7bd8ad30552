import { AppError } from "../errors.js";
import { htmlToText } from "../sources/html-text.js";
import { listZip, readZipEntry } from "./zip.js";

export const MAX_DOCX_BYTES = 20 * 1024 * 1024;
/** A resume's XML is a few hundred KB; anything that inflates past this is refused unread. */
const MAX_UNCOMPRESSED = 50 * 1024 * 1024;
const MAX_RATIO = 200;

/** The text of a Word document, paragraph by paragraph, after checking it is a sane zip. */
export async function readDocx(bytes: Uint8Array, where: string): Promise<{ text: string; warnings: string[] }> {
  if (bytes.length > MAX_DOCX_BYTES) {
    throw new AppError(
      "INVALID_INPUT",
      `${where}: DOCX too large (${(bytes.length / 1048576).toFixed(1)} MB; the limit is 20 MB)`,
    );
  }
  const entries = listZip(bytes);
  if (!entries) {
    throw new AppError("INVALID_INPUT", `${where}: not a DOCX file (no zip directory; truncated or another format)`, {
      hint: "save it again from Word as .docx, or export it as PDF or text",
    });
  }
  if (!entries.some((e) => e.name === "word/document.xml")) {
    throw new AppError("INVALID_INPUT", `${where}: a zip file, but not a Word document (no word/document.xml)`);
  }
  const total = entries.reduce((s, e) => s + e.uncompressed, 0);
  const worst = Math.max(...entries.map((e) => (e.compressed > 0 ? e.uncompressed / e.compressed : 0)));
  if (total > MAX_UNCOMPRESSED || worst > MAX_RATIO) {
    throw new AppError(
      "INVALID_INPUT",
      `${where}: refused: it would expand to ${(total / 1048576).toFixed(0)} MB (limits: 50 MB, ${MAX_RATIO}x compression); possibly a zip bomb`,
    );
  }
  // The checks above trust the directory, and so does JSZip (inside mammoth) until it has inflated
  // an entry whole: a 1.5 MB file that understated its sizes had expanded to 500 MB there. Each
  // entry is inflated here first, stopped one byte past the size its directory states.
  for (const e of entries) {
    if (readZipEntry(bytes, e, e.uncompressed + 1)?.length !== e.uncompressed) {
      throw new AppError(
        "INVALID_INPUT",
        `${where}: refused: "${e.name.slice(0, 100)}" expands past the size its zip directory states; possibly a zip bomb`,
        { hint: "save it again from Word as .docx, or export it as PDF or text" },
      );
    }
  }
  const mammoth = await import("mammoth");
  try {
    // Read as HTML, not raw text: raw text drops a list item's bullet, and a resume's duties
    // without theirs read as headers (each duty under a project had become a project). Images are
    // not inlined, as nothing reads them.
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    return { text: htmlToText(result.value), warnings: [] };
  } catch (e) {
    throw new AppError("INVALID_INPUT", `${where}: the Word document could not be read (${(e as Error).message})`, {
      cause: e,
      hint: "save it again from Word, or export it as PDF or text",
    });
  }
}
