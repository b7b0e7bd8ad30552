import { z } from "zod";

export const Salary = z.object({
  min: z.number().nonnegative(),
  max: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** "day" and "week" are contractors' rates ("£500 per day"), periods the gold's guidelines name too. */
  period: z.enum(["year", "month", "week", "day", "hour"]),
});
export type Salary = z.infer<typeof Salary>;
type Period = Salary["period"];

const SYMBOLS: [RegExp, string][] = [
  [/^(CA\$|C\$|CAD)$/i, "CAD"],
  [/^(A\$|AU\$|AUD)$/i, "AUD"],
  [/^(\$|US\$|USD)$/i, "USD"],
  [/^(£|GBP)$/i, "GBP"],
  [/^(€|EUR)$/i, "EUR"],
  [/^(₹|INR|Rs\.?)$/i, "INR"],
  [/^CHF$/i, "CHF"],
];
const currencyOf = (symbol: string): string | undefined => SYMBOLS.find(([re]) => re.test(symbol))?.[1];

// Codes in either case ("50-100k gbp"), never inside a word ("150 audits").
const CUR = String.raw`(?:CA\$|C\$|AU\$|A\$|US\$|\$|£|€|₹|\bRs\.?|\b(?:USD|EUR|GBP|CAD|AUD|INR|CHF|usd|eur|gbp|cad|aud|inr|chf)(?![A-Za-z]))`;
// 120,000, 120.000, 120 000, 120'000 (Swiss), 12,00,000 (Indian lakh grouping), 73,770.80, 120 with
// an optional k or lakh; millions are deliberately absent: salaries are not written in them.
// Bounded repeats and no start inside a run of digits: a 100k-digit run stays linear.
const NUM = String.raw`(?<!\d)(?:\d{1,2}(?:,\d{2}){1,3},\d{3}|\d{1,3}(?:[,.\u00a0 '’]\d{3}){1,3}(?:[.,]\d{1,2})?|\d{1,9}(?:[.,]\d{1,9})?)`;
const DASH = String.raw`\s*(?:-|–|—|to|and|up to)\s*`;

// The multiplier: k for thousands; "lakh"/"lac"/"L"/"LPA" (lakhs per annum) for 100,000s, Indian usage.
const amount = (n: string) => String.raw`(?<${n}>${NUM})\s*(?<${n}k>[kK]|(?:LPA|lakhs?|lacs?|L)\b)?(?![\d%])`;

// A rate's unit written on its low end too: "$52hr-$110hr", "$50/hr - $60/hr"; the high end then
// needs its own currency, so "$45/hour and 401k" stays one figure.
const UNIT = String.raw`(?<unit>\s?\/?\s?(?:hr|hour|day|wk|week|yr|year)\b)`;

/**
 * "$120k - $150k", "$110-$120,000", "£45,000 to £55,000", "USD 60K", "60.000 € - 75.000 €", "$65/hour",
 * "USD $100,000.00 - USD $110,000.00".
 */
const RANGE = new RegExp(
  String.raw`(?<c1>${CUR})(?:\s?(?<c1b>${CUR}))?\s?${amount("lo")}(?:(?:${UNIT}${DASH}(?:${CUR}\s?){1,2}|${DASH}(?:${CUR}\s?){0,2})${amount("hi")})?(?:\s?${CUR})?` +
    // A currency after the figures, not one that opens the next figure ("Region 1 $137,250 - ...").
    String.raw`|${amount("blo")}\s?(?:${CUR})?(?:${DASH}${amount("bhi")})?\s?(?<c2>${CUR})(?!\s?\d)`,
  "gu",
);

const ANY_CURRENCY = new RegExp(CUR, "u");
/** "£30,000 rising to £35,000 after probation": UK adverts state a starting figure and what it rises to. */
const RISING_TO = new RegExp(
  String.raw`^(?:\s*(?:per annum|p\.?a\.?|per year|a year|annually))?\s*,?\s*(?:rising|increasing) to\s*(?<rc>${CUR})\s?${amount("r")}`,
  "iu",
);
/**
 * What a single figure rises to, in the text after it: a rise of pay, so above the start and not
 * far above it, in the same currency, and not "rising to £300,000 equity" or "£3.5m turnover".
 */
function riseAfter(after: string, currency: string, low: number): { to: number; text: string } | undefined {
  const rising = RISING_TO.exec(after);
  const g = rising?.groups;
  if (!rising || !g?.r || currencyOf(g.rc ?? "") !== currency) return undefined;
  const to = toNumber(g.r, g.rk);
  const next = after.slice(rising[0].length);
  if (to <= low || to > 2 * low || /^\s*(?:[mMbB]\b|mil|bil|in\s|equity|stock|RSUs?|shares|bonus|turnover)/i.test(next))
    return undefined;
  return { to, text: rising[0] };
}

/** "$130k + equity", "$250,000 + $750K equity": the figure before it is the pay. */
const EQUITY_ON_TOP = new RegExp(String.raw`^\s*\+\s*(?:${CUR}?\s?[\d.,]{1,12}\s?[kKmM]?\s+)?(?:in\s+)?equity\b`, "iu");

const PERIOD_AFTER: [RegExp, Period][] = [
  [/^\s*(?:\/\s*|per\s+|an?\s+|each\s+)?(?:hour|hr)\b|^\s*hourly\b|^\s*ph\b/i, "hour"],
  // "/hourPlease": words glued where markup was stripped (case-sensitive, so "/hours" is not it).
  [/^\s*\/\s*[Hh](?:our|r)(?=[A-Z])/, "hour"],
  [/^\s*(?:\/\s*|per\s+|a\s+|each\s+)(?:month|mo)\b|^\s*monthly\b|^\s*pcm\b/i, "month"],
  [/^\s*(?:\/\s*|per\s+|a\s+|each\s+)(?:week|wk)\b|^\s*weekly\b/i, "week"],
  [/^\s*(?:\/\s*|per\s+|a\s+|each\s+)day\b|^\s*(?:daily|p\/?d)\b/i, "day"],
  [/^\s*(?:\/\s*|per\s+|a\s+|each\s+)(?:year|yr|annum)\b|^\s*(?:annually|annual|yearly|p\.?a\.?)\b/i, "year"],
];
const periodAt = (text: string): Period | undefined => PERIOD_AFTER.find(([re]) => re.test(text))?.[1];
// Whole words: "remote", "database", "accurate", "learn" and "arrange" hold pay words' letters.
const PAY_CONTEXT =
  /\b(?:salary|salaries|compensation|comp|pay|base|wages?|rate|OTE|TC|earn|earnings|range)\b|\bper (?:year|annum|hour|month)\b|\bannual|\bhourly\b|\/\s*(?:yr|year|hr|hour)\b/i;
// Whole words from their start: "invest" vetoed pay in "investigations", "fund" in "fundamental".
const NOT_PAY =
  /\b(?:fund(?:s|ed|ing|raising)?|raise[sd]?|raising|revenues?|valuations?|invest(?:ed|ing|ment|ments|ors?)?|series [a-e]|budgets?|assets|billions?|millions?|market cap|arr|tuition|bonus of|allowances?|per diem)\b/i;

/** Parses "120,000", "120.000", "120'000", "12,00,000", "73,770.80", "120" with an optional k or lakh. */
function toNumber(text: string, k: string | undefined): number {
  let t = text.replace(/[\u00a0 '’]/g, "");
  if (/^\d{1,2}(?:,\d{2})+,\d{3}$/.test(t)) t = t.replaceAll(",", "");
  // A separator followed by exactly three digits groups thousands; otherwise it is a decimal point.
  t = t.replace(/[,.](?=\d{3}(?:\D|$))/g, "");
  t = t.replace(",", ".");
  const n = Number(t);
  return !k ? n : /^k$/i.test(k) ? n * 1000 : n * 100_000;
}

const PLAUSIBLE: Record<Period, [number, number]> = {
  hour: [7, 1000],
  day: [50, 5000],
  week: [250, 25_000],
  month: [500, 60_000],
  year: [10_000, 3_000_000],
};

// Currencies whose unit is worth far less than the dollar's, so their plausible pay scales up (~1/30).
const SCALE: Record<string, number> = { INR: 30 };

/**
 * The first pay figure or range the text states, with currency and period, or null. A figure
 * needs a currency and either a range, a stated period or pay words nearby, and it must be
 * plausible for its period, so "$2M seed round" or "$500 learning budget" are not salaries.
 */
export function extractSalary(text: string): Salary | null {
  // Every figure needs a currency; most postings name none, and scanning each number costs more.
  if (!ANY_CURRENCY.test(text)) return null;
  for (const m of text.matchAll(RANGE)) {
    const g = m.groups ?? {};
    // "AUD $100,000": the code says which dollar.
    const currency = currencyOf((g.c1b && g.c1 === "$" ? g.c1b : (g.c1 ?? g.c2 ?? "")).trim());
    const lowText = g.lo ?? g.blo;
    if (!currency || !lowText) continue;
    const highText = g.lo ? g.hi : g.bhi;
    const lowK = g.lo ? g.lok : g.blok;
    const highK = g.lo ? g.hik : g.bhik;
    // Lakhs are Indian usage: "$12 L" is no salary.
    if (currency !== "INR" && [lowK, highK].some((k) => k && !/^k$/i.test(k))) continue;
    let low = toNumber(lowText, lowK);
    let high = highText ? toNumber(highText, highK) : low;
    const afterLow = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const rise = highText ? undefined : riseAfter(afterLow, currency, low);
    if (rise) high = rise.to;
    const matched = rise ? m[0] + rise.text : m[0];
    // "$110-$120,000", "$120-150k" and "12-18 lakhs": the bare low end shares the high end's magnitude.
    if (highText && !lowK && low < 1000 && high / low > 500) low = toNumber(lowText, highK ?? "k");
    if (high < low) [low, high] = [high, low];

    const after = text.slice(m.index + matched.length, m.index + matched.length + 30);
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    const window = `${before} ${matched} ${after}`;
    // Funding and budgets name their purpose before a figure, or after a single one ("$500 learning
    // budget"); a range of plausible pay followed by "We are a Series B company" is still pay.
    const isRange = highText !== undefined || rise !== undefined;
    // Only the figure's own sentence: "£1,000 training budget. Salary: £45,000-£55,000" is pay.
    const clause =
      before
        .slice(-40)
        .split(/[.;!?]\s|\n/)
        .at(-1) ?? "";
    const vetoed = `${clause} ${matched} ${isRange ? after.slice(0, 12) : after}`;
    if (NOT_PAY.test(vetoed)) continue;
    if (/^\s*(?:[mMbB]\b|mil|bil)/.test(after)) continue;
    // "+ $700,000 equity": a grant, not pay.
    if (/^\s*(?:in\s+)?(?:equity|stock|RSUs?|shares)\b/i.test(after)) continue;
    // "£28,500 per annum, increasing to £31,000": the period may stand after either figure.
    let period = periodAt(after) ?? (rise ? periodAt(afterLow) : undefined) ?? (g.unit ? periodAt(g.unit) : undefined);
    if (!period && /hourly|per hour|an hour|hourly rate/i.test(before.slice(-40))) period = "hour";
    if (!period && /monthly|per month/i.test(before.slice(-40))) period = "month";
    if (!period && /\b(?:day|daily) rate\b/i.test(before.slice(-40))) period = "day";
    if (!period) {
      // "Up to €78k" and "$130k + equity": a ceiling stated as such, or a figure with equity on top, is pay.
      if (!isRange && !PAY_CONTEXT.test(window) && !/\bup[ -]to\s*$/i.test(before) && !EQUITY_ON_TOP.test(after))
        continue;
      period = high >= 10_000 ? "year" : high <= 300 ? "hour" : undefined;
      if (!period) continue;
    }
    const [lo, hi] = PLAUSIBLE[period].map((x) => x * (SCALE[currency] ?? 1)) as [number, number];
    if (low < lo || high > hi) continue;
    return { min: round2(low), max: round2(high), currency, period };
  }
  return null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
