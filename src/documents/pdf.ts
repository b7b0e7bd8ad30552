import { AppError } from "../errors.js";
import { layoutPage, type TextRun } from "./pdf-layout.js";

export const MAX_PDF_BYTES = 20 * 1024 * 1024;
export const MAX_PDF_PAGES = 30;

export interface PdfText {
  text: string;
  pages: number;
  columns: (1 | 2)[];
  warnings: string[];
}

interface PdfItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  fontName?: string;
}

/**
 * Reads the text layer of a PDF in reading order (columns detected per page). Encrypted and
 * damaged files are refused with their reason; a file with no text layer yields a warning, not
 * invented text; pages past MAX_PDF_PAGES are not read, and the warning says so.
 */
export async function readPdf(bytes: Uint8Array, where: string): Promise<PdfText> {
  if (bytes.length > MAX_PDF_BYTES) {
    throw new AppError(
      "INVALID_INPUT",
      `${where}: PDF too large (${(bytes.length / 1048576).toFixed(1)} MB; the limit is 20 MB)`,
      {
        hint: "export a smaller PDF, or save the resume as text",
      },
    );
  }
  const { getDocumentProxy } = await import("unpdf");
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of the buffer it is given, so hand it a copy.
    doc = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, stopAtErrors: false, verbosity: 0 });
  } catch (e) {
    const name = (e as { name?: string }).name ?? "";
    if (name === "PasswordException") {
      throw new AppError("UNSUPPORTED", `${where}: the PDF is encrypted with a password`, {
        hint: "save an unprotected copy (print to PDF) and try again",
      });
    }
    throw new AppError("INVALID_INPUT", `${where}: not a readable PDF (${(e as Error).message})`, {
      cause: e,
      hint: "the file may be truncated or damaged; export it again",
    });
  }
  try {
    const warnings: string[] = [];
    const pages = Math.min(doc.numPages, MAX_PDF_PAGES);
    if (doc.numPages > MAX_PDF_PAGES)
      warnings.push(`only the first ${MAX_PDF_PAGES} of ${doc.numPages} pages were read`);
    const out: string[] = [];
    // A sidebar runs down every page of a two-column resume: read each column across its pages,
    // so a section that continues on the next page stays in one piece.
    let left: string[] = [];
    let right: string[] = [];
    const flush = () => {
      if (left.length || right.length) out.push([...left, "", ...right].join("\n"));
      left = [];
      right = [];
    };
    const columns: (1 | 2)[] = [];
    let gutter: number | undefined;
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      const [, , width] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs: TextRun[] = (content.items as PdfItem[]).flatMap((item) => {
        if (typeof item.str !== "string" || !item.transform) return [];
        const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform;
        const size = Math.max(Math.hypot(a, b), Math.abs(d), item.height ?? 0, 1);
        return [{ text: item.str, x, y, width: item.width ?? item.str.length * size * 0.5, size, font: item.fontName }];
      });
      const laid = layoutPage(runs, width, gutter);
      gutter = laid.gutter;
      columns.push(laid.columns);
      if (laid.columns === 2) {
        if (laid.header.length > 0) {
          flush();
          out.push(laid.header.join("\n"));
        }
        left.push(...laid.lines, "");
        right.push(...laid.right, "");
      } else {
        flush();
        out.push(laid.lines.join("\n"));
      }
      page.cleanup();
    }
    flush();
    const text = out.join("\n\n");
    if (text.replace(/\s/g, "").length < 20)
      warnings.push("image-only PDF: no text layer (scanned?); nothing could be read");
    return { text, pages, columns, warnings };
  } finally {
    await doc.destroy();
  }
}
