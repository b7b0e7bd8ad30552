import type { Skill } from "./api.js";

/** Money as people read it: "$152,000 / year"; an unknown currency code still shows its amount. */
export function money(amount: number, currency: string, period?: string): string {
  let text: string;
  try {
    text = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    text = `${Math.round(amount).toLocaleString("en-US")} ${currency}`;
  }
  return period ? `${text} / ${period}` : text;
}

/** A stated pay range, "$120,000 - $150,000 / year"; a single figure once, "$45 / hour". */
export const payRange = (pay: { min: number; max: number; currency: string; period: string }): string =>
  pay.min === pay.max
    ? money(pay.min, pay.currency, pay.period)
    : `${money(pay.min, pay.currency)} - ${money(pay.max, pay.currency, pay.period)}`;

export const percent = (share: number, digits = 0): string => `${(share * 100).toFixed(digits)}%`;

/** A count with its noun, in thousands as people read them: "1,395 hours" (it had read "1395 hours"). */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** A resume date ("2021-03", "present" or null) for a range such as "Mar 2021 - present". */
export function month(value: string | null): string {
  if (!value) return "?";
  if (value === "present") return "present";
  const [y, m] = value.split("-");
  const name = new Date(Date.UTC(Number(y), Number(m) - 1, 1)).toLocaleString("en-US", {
    month: "short",
    timeZone: "UTC",
  });
  return m ? `${name} ${y}` : String(y);
}

/** Only web links become clickable: a posting's URL is untrusted text, and `javascript:` is a link too. */
export function safeUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A number typed into an address (`?hours=200`) kept within what its control can show: the
 * slider cannot display 200, and the API refuses it. Anything that is not a number is `fallback`.
 */
export function clampedNumber(raw: string | null, min: number, max: number, fallback: number): number {
  const n = raw === null || raw.trim() === "" ? Number.NaN : Number(raw);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : fallback;
}

/** A ladder step's years: "2-5 years", but "0-3 after PhD" as it is (it had read "0-3 after PhD years"). */
export const yearsText = (years: string): string => (/[a-z]/i.test(years) ? years : `${years} years`);

/** Job titles, which may hold commas themselves ("Software Engineer, Machine Learning" is one title). */
export const titleList = (titles: string[]): string => titles.join(" · ");

/** Seniority levels from the lowest, as the API names them. */
export const LEVELS = ["intern", "entry", "mid", "senior", "lead", "executive"];

/**
 * Cited pay figures as a reader compares them: those for every level first, in the order given,
 * then by level from entry up (they had come entry, executive, mid, senior).
 */
export function byLevel<T extends { level?: string | null | undefined }>(figures: T[]): T[] {
  const rank = (f: T) => (f.level ? LEVELS.indexOf(f.level) + 1 : 0);
  return [...figures].sort((a, b) => rank(a) - rank(b));
}

/** A figure's level, unless its label already ends with it (the survey's had read "..., 2024, entry · entry"). */
export const levelNote = (label: string, level: string | null | undefined): string | null =>
  level && !label.toLowerCase().endsWith(level.toLowerCase()) ? level : null;

/** The knowledge pack's skill categories in words: its ids ("ml-concept", "soft-skill") had shown under every skill. */
const CATEGORY_NAMES: Record<Skill["category"], string> = {
  "programming-language": "programming language",
  math: "mathematics",
  "ml-concept": "machine learning concept",
  algorithm: "algorithm",
  library: "library or framework",
  "data-engineering": "data engineering",
  database: "database",
  mlops: "MLOps",
  cloud: "cloud",
  genai: "generative AI",
  domain: "domain knowledge",
  "engineering-practice": "engineering practice",
  visualization: "visualisation",
  analytics: "analytics",
  product: "product",
  governance: "governance",
  "soft-skill": "soft skill",
  "spoken-language": "spoken language",
};

/** A skill category's name; a category this page does not know yet shows as it came. */
export const categoryName = (category: string): string =>
  (CATEGORY_NAMES as Record<string, string>)[category] ?? category;
