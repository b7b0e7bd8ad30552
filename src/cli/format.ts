import pc from "picocolors";
import { AppError } from "../errors.js";
import { countryCode } from "../sources/location.js";
import { payRange } from "../text/money.js";

/** Terminal text helpers shared by the commands' human-readable output. */

export function wrap(text: string, width = 88, indent = ""): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}

/**
 * Control characters as escapes, so a message quoting a line of the input (a binary file's, in a
 * JSON parser's error) cannot drive the terminal.
 */
export const printable = (text: string): string =>
  text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );

/** Every string in a JSON value made printable: a resume's or posting's text, before it is laid out. */
export const printableStrings = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value), (_key, v: unknown) => (typeof v === "string" ? printable(v) : v)) as T;

/**
 * A ranked posting's skills by the names it carries, first `n` of them, a missing one with the
 * skill of the person's that partly shows it, a close alternative or one built on it:
 * "Python, TensorFlow (you know PyTorch), SQL (you know PostgreSQL)".
 */
export const skillNames = (
  r: { names: Record<string, string>; alternatives?: Record<string, string>; implied?: Record<string, string> },
  ids: string[],
  n: number,
): string =>
  ids
    .slice(0, n)
    .map((id) => {
      const via = r.alternatives?.[id] ?? r.implied?.[id];
      return `${r.names[id] ?? id}${via ? ` (you know ${r.names[via] ?? via})` : ""}`;
    })
    .join(", ");

/** A ranked posting's stated pay and posting day, "$120,000 - $150,000 / year · posted 2026-10-01", or "". */
export const postingFacts = (posting: { salary: Parameters<typeof payRange>[0] | null; posted: string | null }) =>
  [posting.salary ? payRange(posting.salary) : "", posting.posted ? `posted ${posting.posted}` : ""]
    .filter(Boolean)
    .join(" · ");

export const heading = (text: string): string => `\n${pc.bold(pc.cyan(text))}`;

/** Columns padded to their widest cell; the last column is not padded. ANSI colour is ignored when measuring. */
export function table(rows: string[][], header?: string[]): string {
  const all = header ? [header, ...rows] : rows;
  const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, "").length;
  const widths: number[] = [];
  for (const row of all) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, visible(cell));
  }
  const line = (row: string[]) =>
    row.map((c, i) => (i === row.length - 1 ? c : c + " ".repeat((widths[i] ?? 0) - visible(c)))).join("  ");
  const out = all.map(line);
  if (header) out[0] = pc.bold(out[0] as string);
  return out.join("\n");
}

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/**
 * An option's number as people write one: digits with an optional sign, decimals and exponent, or
 * NaN. `Number()` alone took "0x10" as 16, "0b11" as 3 and "" or " " as 0 (a random port).
 */
export function numberOption(value: string): number {
  return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(value.trim()) ? Number(value) : Number.NaN;
}

/** A whole-number option within its bounds, or a one-line error naming the option and what was given. */
export function wholeNumberOption(name: string, value: string, min: number, max: number): number {
  const n = numberOption(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AppError("INVALID_INPUT", `--${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  return n;
}

/** A `--top` value: how many results to show. */
export const topOption = (value: string): number => wholeNumberOption("top", value, 1, 500);

/** A `--country` value: a country's ISO code in any case ("uk" for GB), or a one-line error naming what was given. */
export function countryOption(value: string): string {
  const code = countryCode(value);
  if (!code)
    throw new AppError(
      "INVALID_INPUT",
      `--country must be a country's two-letter code such as US or GB (got "${value}")`,
    );
  return code;
}
