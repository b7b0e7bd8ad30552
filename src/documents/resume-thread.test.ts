import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { loadKnowledge } from "../knowledge/load.js";
import { createResumeThread } from "./resume-thread.js";

/** A one-page PDF whose content stream is `mb` MB of drawing operators: no text, all work. */
function stallingPdf(mb: number): Buffer {
  const op = Buffer.from("0 0 m 1 1 l S\n");
  const content = deflateSync(Buffer.alloc(mb * 1048576 - ((mb * 1048576) % op.length), op));
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
  ];
  const parts = [Buffer.from("%PDF-1.4\n")];
  const offsets: number[] = [];
  const length = () => parts.reduce((n, p) => n + p.length, 0);
  objects.forEach((o, i) => {
    offsets.push(length());
    parts.push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`));
  });
  offsets.push(length());
  parts.push(Buffer.from(`4 0 obj\n<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`), content);
  parts.push(Buffer.from("\nendstream\nendobj\n"));
  const xref = length();
  const rows = offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  parts.push(
    Buffer.from(
      `xref\n0 5\n0000000000 65535 f \n${rows}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

const pack = loadKnowledge();
const thread = createResumeThread(pack);
// Short enough for a test, long enough for a small text file on a busy machine.
const hasty = createResumeThread(pack, { timeoutMs: 1500 });
afterAll(() => Promise.all([thread.close(), hasty.close()]));

describe("resume thread", () => {
  it("reads a resume on its thread, and passes a refusal back with its code and hint", async () => {
    const pdf = readFileSync(new URL("../../samples/resumes/new-graduate.pdf", import.meta.url));
    const profile = await thread.fromBytes(pdf, "new-graduate.pdf", "2026-06");
    expect(profile.contact.name).toBe("Lucas Moreau");
    const refusal = await thread.fromBytes(new Uint8Array(), "empty.pdf", "2026-06").catch((e) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "INVALID_INPUT", message: "empty.pdf: empty file" });
    expect(refusal.hint).toMatch(/pass a resume/);
  });

  it("gives up on a PDF built to stall the reader, keeping this thread free, and reads the next file", async () => {
    // ~500 KB that pdf.js works through for seconds (about 6 s on a fast day of this machine, four
    // times the timeout; 20 MB of drawing had taken 1 s there and was read): it had held the server's
    // only thread that long.
    const pdf = stallingPdf(250);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    const refusal = await hasty.fromBytes(pdf, "stall.pdf", "2026-06").catch((e) => e);
    const took = performance.now() - started;
    clearInterval(timer);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "INVALID_INPUT", message: "stall.pdf: not read: it took over 1.5 s" });
    // The interval ran all along: this thread was never blocked by the read.
    expect(ticks).toBeGreaterThan(took / 10 / 3);
    const text = Buffer.from("Ada Lovelace\nada@example.com\n\nSkills\nPython, PyTorch, SQL\n");
    expect((await hasty.fromBytes(text, "ada.txt", "2026-06")).contact.name).toBe("Ada Lovelace");
  });
});
