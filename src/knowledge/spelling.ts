import { aliasKey } from "./check.js";
import type { Skill } from "./schema.js";

/**
 * The British spelling of a skill's name ("data visualisation", "churn modelling", "data centre"),
 * or undefined when it is spelt the same. Postings from the UK, India, Australia and much of Europe
 * write these, and people naming the skill do too; the pack is written in American spelling.
 */
export function britishSpelling(name: string): string | undefined {
  const british = name
    // optimize, optimization, analyzing...; not size, prize, seize, nor Arize (a product).
    .replace(/\b([A-Za-z]{2,})([iy])z(e|ed|es|er|ers|ing|ation|ations)\b/g, (word, stem: string, v, end) =>
      NOT_IZE.test(word.toLowerCase()) ? word : `${stem}${v}s${end}`,
    )
    // Lower case, or a capital first letter only: "MODELING" and "BEHAVIOR" are left as written.
    .replace(
      /\b([Mm]odel|[Ll]abel|[Ss]ignal|[Tt]ravel|[Cc]ancel|[Ll]evel|[Tt]unnel|[Cc]hannel)(ing|ed|er|ers)\b/g,
      "$1l$2",
    )
    .replace(/\b([Cc])enter(s?)\b/g, "$1entre$2")
    .replace(/\b([Bb])ehavior/g, "$1ehaviour")
    .replace(/\b([Cc])atalog(s?)\b/g, "$1atalogue$2");
  return british === name ? undefined : british;
}

/** Sizes and their compounds (downsizing, oversized), seize, prize and the product Arize keep their z. */
const NOT_IZE = /^(?:(?:down|up|over|under|right|re|full|mid|cap|bite|life|king|plus|pint)?siz|seiz|priz|ariz)/;

/**
 * The pack's skills with each name's British spelling added as an alias, matched by its exact
 * case when the American one is ("Optimization" the field, not the everyday word), unless some
 * skill already claims it.
 */
export function withBritishSpellings(skills: Skill[]): Skill[] {
  const claimed = new Set(skills.flatMap((s) => [s.name, ...s.aliases].map(aliasKey)));
  return skills.map((skill) => {
    const exact = new Set(skill.caseSensitive);
    const aliases: string[] = [];
    const caseSensitive: string[] = [];
    for (const name of [skill.name, ...skill.aliases]) {
      const british = britishSpelling(name);
      if (!british || claimed.has(aliasKey(british))) continue;
      claimed.add(aliasKey(british));
      aliases.push(british);
      if (exact.has(name)) caseSensitive.push(british);
    }
    return aliases.length
      ? { ...skill, aliases: [...skill.aliases, ...aliases], caseSensitive: [...skill.caseSensitive, ...caseSensitive] }
      : skill;
  });
}
