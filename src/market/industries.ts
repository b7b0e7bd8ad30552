import type { Industry } from "../knowledge/schema.js";

/**
 * The store's postings per industry id with the knowledge pack's name and NAICS code beside each;
 * postings with no label, or one that maps to no industry, are one group of their own.
 */
export function nameIndustries<R extends { industry: string | null }>(rows: R[], industries: Industry[]) {
  const known = new Map(industries.map((i) => [i.id, i]));
  return rows.map((r) => {
    const industry = r.industry ? known.get(r.industry) : undefined;
    return { ...r, name: industry?.name ?? "not stated or not mapped", naics: industry?.naics ?? null };
  });
}
