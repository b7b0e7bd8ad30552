import { z } from "zod";

/**
 * True for a real calendar day written YYYY-MM-DD ("2026-02-30" is not one, nor is anything in
 * year 0000, which the calendar and PostgreSQL lack: "0000-01-01" had been a 500).
 */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith("0000")) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A calendar day in an API query or body, checked to exist, so the store never sees an impossible date. */
export const IsoDate = z.string().refine(isIsoDate, "must be a real date as YYYY-MM-DD");

/** A month as "YYYY-MM"; `present` marks a range that is still open. */
export interface DateRange {
  start: string;
  end: string | "present";
  /** The characters the range was read from. */
  text: string;
  index: number;
  /** It ends before it starts: found only when asked for, its dates no span of time. */
  backwards?: true;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  // Common other-language forms, cheap to add.
  janv: 1,
  févr: 2,
  fevr: 2,
  mars: 3,
  avr: 4,
  mai: 5,
  juin: 6,
  juil: 7,
  août: 8,
  aout: 8,
  déc: 12,
  ene: 1,
  abr: 4,
  ago: 8,
  dic: 12,
  märz: 3,
  okt: 10,
  dez: 12,
  mei: 5,
  maart: 3,
};
const MONTH = String.raw`(?:jan(?:uary|v\.?|vier)?|feb(?:ruary)?|févr(?:ier)?|fevr|mar(?:ch|s)?|märz|maart|apr(?:il)?|avr(?:il)?|abr(?:il)?|may|mai|mei|jun(?:e)?|juin|jul(?:y)?|juil(?:let)?|aug(?:ust)?|août|aout|ago(?:sto)?|sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|déc(?:embre)?|dez(?:ember)?|dic(?:iembre)?|ene(?:ro)?)\.?`;
const MONTH_WORD = new RegExp(`^${MONTH}$`, "iu");
/** "Mar", "March", "mars", "Dez": a month's name, in any form the date ranges read. */
export const isMonthWord = (word: string): boolean => MONTH_WORD.test(word);
const YEAR = String.raw`(?:19[5-9]\d|20\d\d)`;
/** "Jan 2020", "January 2020", "01/2020", "1/2020", "2020-01", "2020". */
// The space between month and year is bounded: two unbounded runs side by side take time
// quadratic in a long run of spaces.
const POINT = String.raw`(?:${MONTH}\s{0,3},?\s{0,3}'?${YEAR}|\d{1,2}[/.]${YEAR}|${YEAR}[-/.]\d{1,2}(?!\d)|${YEAR})`;
const OPEN =
  "(?:present|current(?:ly)?|now|today|ongoing|to date|till (?:date|now)|date|heute|aujourd'hui|actuel|actualidad|presente|heden)";
const RANGE = new RegExp(
  String.raw`(${POINT})\s*(?:-|–|—|to|until|till|bis|à|a|hasta|tot)\s*(${POINT}|${OPEN})`,
  "giu",
);

/** Without its dash, "current" or "date" after a year is more often a label ("Current Location") than an end. */
const BARE_OPEN = "(?:present|now|today|ongoing|heute|aujourd'hui|actuel|actualidad|presente|heden)";
const BARE_RANGE = new RegExp(String.raw`(?<=^|\s)(${POINT}) {2,}(${POINT}|${BARE_OPEN})(?![\p{L}\p{N}])`, "giu");
/** "March 2008  To date": the words that end the range kept, but cut from its start by a run of spaces. */
const SPLIT_OPEN_END = new RegExp(
  String.raw`(?<=^|[\s(])(${POINT}) {2,}((?:to|till|until|-|–)\s{0,3}(?:date|present|now|today))(?![\p{L}\p{N}])`,
  "giu",
);

/**
 * "2005  Present", "Jan 2015   Mar 2017": a range whose dash was lost on the way (a spreadsheet
 * export that keeps line breaks only as runs of spaces drops "–" the same way), given its dash
 * back so that it still reads as one range once the runs of spaces are read as line breaks.
 */
export function restoreRangeDashes(text: string): string {
  return text.replace(BARE_RANGE, "$1 - $2").replace(SPLIT_OPEN_END, "$1 $2");
}

/** Reads one point of a range as YYYY-MM; a bare year is its January for a start, its December for an end. */
export function toMonth(text: string, isEnd: boolean): string | undefined {
  const t = text.toLowerCase().replace(/[,.']/g, " ").trim();
  let m = t.match(/^([a-zäéû]+)\s+(\d{4})$/u);
  if (m) {
    const month = MONTHS[(m[1] as string).slice(0, 4)] ?? MONTHS[(m[1] as string).slice(0, 3)];
    return month ? `${m[2]}-${String(month).padStart(2, "0")}` : undefined;
  }
  m = t.match(/^(\d{1,2})[/.\s](\d{4})$/);
  if (m) return valid(Number(m[2]), Number(m[1]));
  m = t.match(/^(\d{4})[-/.\s](\d{1,2})$/);
  if (m) return valid(Number(m[1]), Number(m[2]));
  m = t.match(/^(\d{4})$/);
  if (m) return `${m[1]}-${isEnd ? "12" : "01"}`;
  return undefined;
}

const valid = (year: number, month: number) =>
  month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, "0")}` : undefined;

const OPEN_START = new RegExp(String.raw`\b(?:from|since)\s+(${POINT})`, "iu");

/** "from July 2009", "since 2019": the start of a job written in a sentence, with no end given. */
export function findOpenStart(text: string): string | undefined {
  const m = text.match(OPEN_START);
  return m ? toMonth(m[1] as string, false) : undefined;
}

/**
 * Every date range in the text ("Jan 2020 - Present", "2019-2021", "03/2018 to 06/2020"), in order.
 * A range that ends before it starts ("2022 - 2019") is left out, unless `backwards` asks for it.
 */
export function findDateRanges(text: string, options: { backwards?: boolean } = {}): DateRange[] {
  const out: DateRange[] = [];
  for (const m of text.matchAll(RANGE)) {
    const start = toMonth(m[1] as string, false);
    const endText = m[2] as string;
    const end = new RegExp(`^${OPEN}$`, "iu").test(endText.trim()) ? "present" : toMonth(endText, true);
    if (!start || !end) continue;
    const backwards = end !== "present" && end < start;
    if (backwards && !options.backwards) continue;
    out.push({ start, end, text: m[0], index: m.index, ...(backwards ? { backwards: true as const } : {}) });
  }
  return out;
}

/**
 * Months covered by the ranges, each month counted once however many ranges overlap it, and a
 * range at most 60 years. Spans are merged, not months collected: a profile of 8,300 jobs (a
 * 1 MB API body) had taken 5 s of the server's one thread.
 */
export function monthsCovered(ranges: { start: string; end: string | "present" }[], now: string): number {
  const index = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
  const spans = ranges
    .map((r) => {
      const from = index(r.start);
      const to = index(r.end === "present" ? now : r.end < now ? r.end : now);
      return [from, Math.min(to, from + 12 * 60 - 1)] as const;
    })
    .filter(([from, to]) => to >= from)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = Number.NEGATIVE_INFINITY;
  for (const [from, to] of spans) {
    if (to <= end) continue;
    total += to - Math.max(from, end + 1) + 1;
    end = to;
  }
  return total;
}
