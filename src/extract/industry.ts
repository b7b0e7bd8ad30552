import type { KnowledgePack } from "../knowledge/schema.js";

const norm = (s: string) =>
  ` ${s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;

/**
 * Maps a job board's industry or sector label ("Biotech & Pharmaceuticals", "IT Services and IT
 * Consulting", LinkedIn's comma-joined lists) to an industry of the knowledge pack by its
 * keywords, matched as whole words; the longest keyword found wins. Null when none matches.
 */
export function createIndustryClassifier(pack: KnowledgePack) {
  const keywords = pack.industries.flatMap((industry) =>
    industry.keywords.map((k) => ({ id: industry.id, key: norm(k), length: k.length })),
  );
  return (label: string | null | undefined): string | null => {
    if (!label) return null;
    const text = norm(label);
    let best: { id: string; length: number } | null = null;
    for (const k of keywords) if (text.includes(k.key) && (!best || k.length > best.length)) best = k;
    return best?.id ?? null;
  };
}
