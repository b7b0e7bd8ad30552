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
      NOT_IZE.has(word.toLowerCase()) ? word : `${stem}${v}s${end}`,
    )
    .replace(/\b(model|label|signal|travel|cancel|level|tunnel|channel)(ing|ed|er|ers)\b/gi, "$1l$2")
    .replace(/\bcenter(s?)\b/gi, (_, s) => `centre${s}`)
    .replace(/\bbehavior/gi, (w) => `${w.slice(0, -2)}our`)
    .replace(/\bcatalog(s?)\b/gi, (_, s) => `catalogue${s}`);
  return british === name ? undefined : british;
}

const NOT_IZE = new Set(["size", "sizes", "sizing", "prize", "prizes", "seize", "resize", "resizing", "arize"]);

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
