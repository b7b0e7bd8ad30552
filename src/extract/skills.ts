import { z } from "zod";
import { type KnowledgePack, type Skill, SkillCategory } from "../knowledge/schema.js";
import { type PhraseMatch, PhraseMatcher } from "../text/phrase-matcher.js";
import { indexPatterns, matchProximity, parsePattern } from "../text/proximity.js";
import { splitGlued, type Token, tokenize } from "../text/tokens.js";
import { type Section, sectionAt } from "./sections.js";

const ImportanceOrNone = z.enum(["required", "preferred"]).nullable();

/** One skill a text names, with every span that names it: part of the ExtractResult contract. */
export const SkillFound = z.object({
  id: z.string(),
  name: z.string(),
  category: SkillCategory,
  aliases: z.array(z.string()),
  /** required when any mention sits in a requirements section, preferred when all are preferred. */
  importance: ImportanceOrNone,
  mentions: z.array(
    z.object({ start: z.number().int(), end: z.number().int(), text: z.string(), section: ImportanceOrNone }),
  ),
});
export type SkillFound = z.infer<typeof SkillFound>;

interface Entry {
  skill: Skill;
  /** The phrase needs a neighbouring technical skill to count ("Go", "R", "Spark"). */
  needsContext: boolean;
  /** A case-sensitive name written in lower case ("spark", "pinecone"): only an item of a tool list. */
  listItem?: boolean;
  /** For a pattern: whether its first and last words are whole words ("testing"), not stems ("model*"). */
  bare?: { first: boolean; last: boolean };
  /** For a pattern: its words, a trailing "*" for a stem. */
  words?: string[];
}

/** A case-sensitive alias that is also an everyday word or a letter needs company to count. */
const isAmbiguous = (alias: string) => alias.length <= 2 || /^[A-Z][a-z]+$/.test(alias);
const TECH = new Set<Skill["category"]>([
  "programming-language",
  "library",
  "data-engineering",
  "database",
  "mlops",
  "cloud",
  "genai",
  "engineering-practice",
  "visualization",
  "algorithm",
  "ml-concept",
  "math",
]);
const CONTEXT_WINDOW = 8;
/** Categories whose names, nested in a longer name, still count on their own. */
const NESTED = new Set<Skill["category"]>([
  "programming-language",
  "library",
  "database",
  "cloud",
  "data-engineering",
  "mlops",
  "genai",
  "visualization",
  "engineering-practice",
]);

/** Named products and languages: a "Java developer" still asks for Java. */
const PRODUCT = new Set<Skill["category"]>(["programming-language", "library", "database", "cloud", "visualization"]);

/** Acronyms whose everyday sense in a posting is another field's, but which name a data tool among data tools. */
const TECH_SENSES = new Map([["EMR", "amazon-emr"]]);
const TECH_SENSE_LENGTHS = new Set([...TECH_SENSES.keys()].map((k) => k.length));
const STACK = new Set<Skill["category"]>(["cloud", "data-engineering", "database"]);

/** Builds the matcher once per knowledge pack; `extract` is then a pure scan of one text. */
export function createSkillExtractor(
  pack: KnowledgePack,
  options: { kind: "posting" | "resume" } = { kind: "posting" },
) {
  // Company pitch and fields of study are noise in a posting but evidence in a resume.
  const dropIncidental = options.kind === "posting";
  const matcher = new PhraseMatcher<Entry>();
  for (const skill of pack.skills) {
    const sensitive = new Set(skill.caseSensitive);
    for (const name of new Set([skill.name, ...skill.aliases])) {
      const caseSensitive = sensitive.has(name);
      matcher.add({ text: name, value: { skill, needsContext: caseSensitive && isAmbiguous(name) }, caseSensitive });
      // "Python, spark, hive", "(Weaviate, pinecone)": a lower-case name among other tools.
      if (caseSensitive && name.length >= 4 && !/\s/.test(name))
        matcher.add({ text: name, value: { skill, needsContext: true, listItem: true } });
    }
  }

  const byId = new Map(pack.skills.map((skill) => [skill.id, skill]));
  /** An acronym with a second meaning among data tools ("EMR": Amazon EMR beside EC2 and Spark). */
  const techSense = (m: PhraseMatch<Entry>, text: string, sure: PhraseMatch<Entry>[]): Skill | undefined => {
    // Checked by length first: this runs for every match, and most are no acronym of the list.
    const other = TECH_SENSE_LENGTHS.has(m.end - m.start) ? TECH_SENSES.get(text.slice(m.start, m.end)) : undefined;
    if (!other || !byId.has(other)) return undefined;
    const near = sure.some(
      (s) => STACK.has(s.value.skill.category) && Math.abs(s.firstToken - m.firstToken) <= CONTEXT_WINDOW,
    );
    return near ? byId.get(other) : undefined;
  };

  // Words of every name, so a glued word is only split when it is not itself a name ("JavaScript").
  const known = new Set(
    pack.skills.flatMap((skill) => [skill.name, ...skill.aliases].flatMap((n) => tokenize(n).map((t) => t.key))),
  );
  const isKnown = (key: string) => known.has(key);

  const patterns = indexPatterns(
    pack.skills.flatMap((skill) =>
      skill.patterns.map((p) => {
        const words = p.split(" ... ");
        const bare = { first: !words[0]?.endsWith("*"), last: !words.at(-1)?.endsWith("*") };
        return parsePattern<Entry>(p, { skill, needsContext: false, bare, words });
      }),
    ),
  );

  return function extractSkills(text: string, given: Token[] = tokenize(text)): SkillFound[] {
    const tokens = splitGlued(given, isKnown);
    const matches: PhraseMatch<Entry>[] = matcher.matchTokens(tokens, text);
    // "Python pandas", "fine-tuning LLMs", "GitHub Copilot": a longer name that starts or ends
    // with a tool's own name names that tool too.
    for (const m of [...matches]) {
      if (m.lastToken - m.firstToken < 2) continue;
      for (const [from, to] of [
        [m.firstToken + 1, m.lastToken],
        [m.firstToken, m.lastToken - 1],
      ] as const) {
        for (const inner of matcher.matchTokens(tokens.slice(from, to))) {
          const { skill, needsContext } = inner.value;
          if (needsContext || !NESTED.has(skill.category) || skill.id === m.value.skill.id) continue;
          // "Google Cloud Platform" is one vendor's platform, not also cloud platforms in general,
          // and "Amazon Web Services" is not also web services.
          if (
            from > m.firstToken &&
            m.value.skill.category === "cloud" &&
            (skill.category === "cloud" || skill.category === "engineering-practice")
          )
            continue;
          const touchesEdge = from === m.firstToken ? inner.firstToken === 0 : inner.lastToken === to - from;
          if (touchesEdge)
            matches.push({ ...inner, firstToken: from + inner.firstToken, lastToken: from + inner.lastToken });
        }
      }
    }
    matches.push(...sharedHeadMatches(text, tokens, matches, matcher));
    matches.push(...sharedModifierMatches(text, tokens, matches, matcher));
    // A longer name ending on a pattern's bare end word ("A/B testing", "unit testing") names a
    // more specific skill, so "design, A/B testing" is not also software testing.
    const namedEnds = new Map<number, number>();
    for (const m of matches)
      if (m.lastToken - m.firstToken >= 2 && !m.value.needsContext)
        namedEnds.set(m.lastToken - 1, Math.min(m.firstToken, namedEnds.get(m.lastToken - 1) ?? m.firstToken));
    for (const p of matchProximity(text, tokens, patterns)) {
      const bare = p.value.bare;
      const namedFrom = namedEnds.get(p.lastToken - 1);
      // ...unless the pattern spells that name itself ("deploy* ... machine ... learning") or the
      // name is the pattern's whole span ("training and serving" for "training ... serving").
      if (
        bare?.last &&
        namedFrom !== undefined &&
        namedFrom > p.firstToken &&
        !spellsTail(p.value.words ?? [], tokens, namedFrom, p.lastToken)
      )
        continue;
      if (bare?.first && namedEnds.has(p.firstToken)) continue;
      // "Supervised by the team manager", "led by the data team": done to the person, not by them.
      if (tokens[p.firstToken + 1]?.key === "by") continue;
      const start = (tokens[p.firstToken] as Token).start;
      const end = (tokens[p.lastToken - 1] as Token).end;
      matches.push({ ...p, start, end, phrase: text.slice(start, end) });
    }
    const sure = matches.filter((m) => !m.value.needsContext && TECH.has(m.value.skill.category));
    const section = sectionAt(text);
    const found = new Map<string, SkillFound>();
    const onlyIncidental = new Map<string, boolean>();
    const spans = new Map<string, Set<number>>();
    for (const m of matches) {
      if (m.value.listItem) {
        const written = text.slice(m.start, m.end);
        if (written !== m.phrase.toLowerCase() || !isListItem(text, m.start, m.end)) continue;
        if (!startsNear(sure, m.firstToken, m.lastToken, LIST_NEIGHBOUR)) continue;
      } else if (
        m.value.needsContext &&
        !productInSentence(m.phrase, text, m.start) &&
        !hasContext(m.firstToken, m.lastToken, tokens, sure, text)
      )
        continue;
      if (isFalseFriend(text, m.start, m.end)) continue;
      const skill = techSense(m, text, sure) ?? m.value.skill;
      const where: Section = section(m.start);
      // Company pitch and fields of study name things the job does not ask for.
      const incidental = dropIncidental
        ? where === "boilerplate" ||
          isFieldOfStudy(text, m.start, skill.category) ||
          isNegated(text, m.start, m.end) ||
          (!PRODUCT.has(skill.category) && namesPeople(text, m.end)) ||
          (skill.category === "domain" && namesMarkets(text, m.start, m.end))
        : namesColleagues(text, m.start, m.end);
      onlyIncidental.set(skill.id, (onlyIncidental.get(skill.id) ?? true) && incidental);
      let entry = found.get(skill.id);
      if (!entry) {
        entry = {
          id: skill.id,
          name: skill.name,
          category: skill.category,
          aliases: skill.aliases,
          importance: null,
          mentions: [],
        };
        found.set(skill.id, entry);
      }
      // Two routes to one span (a name and a pattern both reading "model training") are one mention.
      // Spans are short, so start and length pack into one number.
      const span = m.start * 8192 + Math.min(m.end - m.start, 8191);
      const seen = spans.get(skill.id) ?? new Set<number>();
      spans.set(skill.id, seen);
      if (seen.has(span)) continue;
      seen.add(span);
      entry.mentions.push({
        start: m.start,
        end: m.end,
        text: text.slice(m.start, m.end),
        section: where === "boilerplate" ? null : where,
      });
    }
    for (const [id, incidental] of onlyIncidental) if (incidental) found.delete(id);
    for (const entry of found.values()) {
      const sections = entry.mentions.map((x) => x.section);
      entry.importance = sections.includes("required")
        ? "required"
        : sections.includes("preferred")
          ? "preferred"
          : null;
    }
    return [...found.values()];
  };
}

/** Whether a pattern's last words are the tokens from..to, one for one ("machine ... learning" on "machine learning"). */
function spellsTail(words: string[], tokens: Token[], from: number, to: number): boolean {
  const n = to - from;
  if (n < 2 || n > words.length) return false;
  return words.slice(-n).every((w, k) => {
    const key = (tokens[from + k] as Token).key;
    return w.endsWith("*") ? key.startsWith(w.slice(0, -1)) : key === w;
  });
}

const CONJUNCTION = new Set(["and", "or"]);
/**
 * What may stand between two joined items besides a conjunction word: a comma, a slash, or an
 * "&" between spaces (it is no token, so it is read here; "R&D" and "AT&T" are names, not joins).
 */
const SEPARATOR = /^\s*[,/]\s*$|^\s+&\s+$/;
const MAX_SHARED_MODIFIERS = 3;

/**
 * "supervised and unsupervised learning", "relational/dimensional data modeling": modifiers joined
 * by and/or/comma/slash share the head of the phrase after them, so "supervised learning" is named
 * too. Only a modifier that forms a known name with that head counts.
 */
function sharedHeadMatches(
  text: string,
  tokens: Token[],
  matches: PhraseMatch<Entry>[],
  matcher: PhraseMatcher<Entry>,
): PhraseMatch<Entry>[] {
  const out: PhraseMatch<Entry>[] = [];
  for (const m of matches) {
    if (m.lastToken - m.firstToken < 2) continue;
    // The head is what follows the phrase's first word, or, for "supervised, unsupervised and
    // semi-supervised learning", a shorter tail of it: the longest one the modifier names a skill with.
    let heads = Array.from({ length: m.lastToken - m.firstToken - 1 }, (_, k) =>
      tokens.slice(m.firstToken + 1 + k, m.lastToken),
    );
    let at = m.firstToken;
    for (let n = 0; n < MAX_SHARED_MODIFIERS; n++) {
      let modifier = at - 1;
      const joined = tokens[modifier];
      if (!joined) break;
      if (CONJUNCTION.has(joined.key)) {
        modifier--;
        // "structured and/or unstructured data"
        const and = tokens[modifier];
        if (joined.key === "or" && and?.key === "and" && text.slice(and.end, joined.start).trim() === "/") modifier--;
      } else if (!SEPARATOR.test(text.slice(joined.end, (tokens[at] as Token).start))) break;
      modifier = beforeAside(text, tokens, modifier);
      const word = tokens[modifier];
      if (!word) break;
      // A hyphenated modifier is one ("structured, semi-structured and unstructured data").
      const prev = tokens[modifier - 1];
      const words = prev && text.slice(prev.end, word.start) === "-" ? [[prev, word], [word]] : [[word]];
      // The first (longest) head the modifier names a whole skill with; shorter ones are not tried after it.
      let named: { modifier: Token[]; head: Token[]; found: PhraseMatch<Entry> } | undefined;
      for (const head of heads) {
        for (const mod of words) {
          const inner = matcher.matchTokens([...mod, ...head]);
          const found = inner[0];
          if (inner.length === 1 && found?.firstToken === 0 && found.lastToken === head.length + mod.length) {
            named = { modifier: mod, head, found };
            break;
          }
        }
        if (named) break;
      }
      if (!named || named.found.value.needsContext) break;
      const first = modifier - named.modifier.length + 1;
      const start = (named.modifier[0] as Token).start;
      out.push({ ...named.found, start, end: m.end, firstToken: first, lastToken: m.lastToken });
      heads = [named.head];
      at = first;
    }
  }
  return out;
}

/**
 * "model training and evaluation", "data collection, cleaning and analysis": the words before a
 * name's last word are shared by the words joined after it, so "model evaluation" is named too.
 * Only a joined word that forms a known name with them counts.
 */
const sharedModifierMatches: typeof sharedHeadMatches = (text, tokens, matches, matcher) => {
  const out: PhraseMatch<Entry>[] = [];
  // Built on the first joined word: most postings have none after a name.
  let startsLonger: Set<number> | undefined;
  let named: Set<number> | undefined;
  for (const m of matches) {
    if (m.lastToken - m.firstToken < 2 || m.value.needsContext) continue;
    const shared = tokens.slice(m.firstToken, m.lastToken - 1);
    let at = m.lastToken;
    for (let n = 0; n < MAX_SHARED_MODIFIERS; n++) {
      const next = nextConjunct(text, tokens, at);
      if (next === undefined) break;
      const word = tokens[next];
      if (!word) break;
      // The joined word must be the whole conjunct: not "model" of "data ingestion, model training",
      // nor "programming" of "statistical tools and programming languages".
      // Nor a name of its own ("business intelligence, analytics"): that is a list, not a shared modifier.
      startsLonger ??= new Set(matches.filter((x) => x.lastToken - x.firstToken >= 2).map((x) => x.firstToken));
      named ??= new Set(
        matches.filter((x) => x.lastToken - x.firstToken === 1 && !x.value.needsContext).map((x) => x.firstToken),
      );
      if (startsLonger.has(next) || named.has(next)) break;
      const after = text.slice(word.end, tokens[next + 1]?.start ?? text.length);
      const closes =
        !tokens[next + 1] ||
        /^[^\S\n]*[,/.;:)\n]/.test(after) ||
        SEPARATOR.test(after) ||
        CONJUNCTION.has(tokens[next + 1]?.key ?? "");
      if (!closes) break;
      const inner = matcher.matchTokens([...shared, word]);
      const found = inner.find((f) => f.firstToken === 0 && f.lastToken === shared.length + 1);
      if (!found || found.value.needsContext) break;
      out.push({ ...found, start: m.start, end: word.end, firstToken: m.firstToken, lastToken: next + 1 });
      at = next + 1;
    }
  }
  return out;
};

/**
 * The first token of the conjunct joined after token at-1 by a comma, slash, "and", "or", " & ",
 * ", and" or "and/or", or undefined when what follows is not joined to it.
 */
function nextConjunct(text: string, tokens: Token[], at: number): number | undefined {
  const before = tokens[at - 1];
  const next = tokens[at];
  if (!before || !next) return undefined;
  const gap = text.slice(before.end, next.start);
  const separated = SEPARATOR.test(gap);
  if (!separated && !/^\s*$/.test(gap)) return undefined;
  if (!CONJUNCTION.has(next.key)) return separated ? at : undefined;
  const or = tokens[at + 1];
  if (next.key === "and" && or?.key === "or" && text.slice(next.end, or.start) === "/") return at + 2;
  return at + 1;
}

/** Most words an aside in brackets may hold between a modifier and its conjunction. */
const MAX_ASIDE_TOKENS = 4;

/**
 * The token before a short aside in brackets that ends at token i ("structured (SQL) and
 * unstructured data": from "SQL" back to "structured"), or i itself when there is none.
 */
function beforeAside(text: string, tokens: Token[], i: number): number {
  const last = tokens[i];
  const next = tokens[i + 1];
  if (!last || !next || !/^\s*\)/.test(text.slice(last.end, next.start))) return i;
  for (let j = i; j >= Math.max(1, i - MAX_ASIDE_TOKENS + 1); j--) {
    const open = text.slice((tokens[j - 1] as Token).end, (tokens[j] as Token).start);
    if (open.includes("(")) return /^\s*\(\s*$/.test(open) ? j - 1 : i;
  }
  return i;
}

/**
 * A capitalised product word in mid-sentence ("reports in Excel", "jobs on Spark") is the product;
 * at the start of a sentence or line ("Excel at...", "Spark curiosity") it may be the verb. Short
 * names ("R", "Go", "C") are never decided this way.
 */
function productInSentence(phrase: string, text: string, start: number): boolean {
  if (phrase.length <= 2) return false;
  const before = text.slice(Math.max(0, start - 4), start);
  return !/(^|[.!?:;•\n]\s*|^\s*[-*]\s*)$/.test(before) && start > 0;
}

/** How near a lower-case name's list neighbour must start: the item before or after it. */
const LIST_NEIGHBOUR = 3;
const LIST_BEFORE = /(?:[,/(]|\band|\bor)\s*$/i;
const LIST_AFTER = /^\s*(?:[,/)]|and\b|or\b)/i;
const SEPARATOR_BEFORE = /[,/(]\s*$/;
const SEPARATOR_AFTER = /^\s*[,/)]/;

/** An item of a list: a comma, slash or bracket on one side, and one of those or "and"/"or" on the other. */
function isListItem(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 6), start);
  const after = text.slice(end, end + 6);
  return (
    (SEPARATOR_BEFORE.test(before) && LIST_AFTER.test(after)) ||
    (LIST_BEFORE.test(before) && SEPARATOR_AFTER.test(after))
  );
}

/** Whether a sure skill starts within `window` tokens of the tokens first..last. */
const startsNear = (sure: { firstToken: number }[], first: number, last: number, window: number): boolean =>
  sure.some((s) => s.firstToken >= first - window && s.firstToken <= last + window);

/** Another technical skill within a few tokens, or a list separator right beside it ("Python/R/SQL"). */
function hasContext(first: number, last: number, tokens: Token[], sure: { firstToken: number }[], text: string) {
  if (startsNear(sure, first, last, CONTEXT_WINDOW)) return true;
  const start = (tokens[first] as Token).start;
  const end = (tokens[last - 1] as Token).end;
  const around = `${text.slice(Math.max(0, start - 2), start)}|${text.slice(end, end + 2)}`;
  return /[/,]\s*\|/.test(around) && /\|\s*[/,]/.test(around);
}

const DEGREE_WORD =
  /\b(degree|bachelor'?s?|master'?s?|ph\.?d|doctorate|BS|MS|B\.S\.?|M\.S\.?|BSc|MSc|major(?:ing)? in|graduate in)\b/i;
const FIELD_CATEGORIES = new Set<Skill["category"]>([
  "math",
  "domain",
  "ml-concept",
  "engineering-practice",
  "governance",
  "analytics",
]);

// A line that ends on a comma goes on with the list ("Computer Engineering,\nMathematics, Statistics").
const SENTENCE_BREAK = /(?<!,[ \t\r]*)\n|[.!?;](?=\s+[A-Z])/g;

/** "a degree in Computer Science, Mathematics, Statistics or a related field": the field, not a skill. */
function isFieldOfStudy(text: string, start: number, category: Skill["category"]): boolean {
  if (!FIELD_CATEGORIES.has(category)) return false;
  // The window keeps the mention's first letter, so a full stop right before it ("Masters degree.
  // Agile experience preferred") is seen to end a sentence.
  const window = text.slice(Math.max(0, start - 120), start + 1);
  // The sentence so far: a line break or a full stop before a capital, not the dots of "Ph.D." or "e.g.,".
  let cut = 0;
  for (const b of window.matchAll(SENTENCE_BREAK)) cut = b.index + b[0].length;
  const before = window.slice(Math.min(cut, window.length - 1), window.length - 1);
  const m = before.match(DEGREE_WORD);
  if (!m) return false;
  // Only a list of fields may sit between the degree word and the mention, not a new clause, and
  // nothing after "a related field", which closes the list.
  const between = before.slice((m.index ?? 0) + m[0].length);
  return !/\b(experience|with|using|knowledge|skills?|understanding|related|equivalent|and (?:\d|strong|solid|deep|hands))\b/i.test(
    between,
  );
}

const NEGATED_BEFORE = /\b(?:no|without)\s+(?:prior\s+|previous\s+|formal\s+|professional\s+)?$/i;
const NEEDED_AFTER =
  /^\s*(?:experience|knowledge|background|skills?|expertise)?\s*(?:is\s+|are\s+)?(?:needed|required|necessary|expected)\b/i;
const NOT_NEEDED_AFTER =
  /^\s*(?:experience|knowledge|background|skills?|expertise)?\s*(?:is|are)\s+not\s+(?:needed|required|necessary|expected)\b/i;
/** "... not required, but a plus": still wanted, only less. */
const YET_WANTED = /^\s*[,;]?\s*(?:but|though|although|however)\b/i;

/**
 * "No machine learning experience needed", "SQL is not required": the posting names the skill to
 * say it does not ask for it. Annotators leave these out, and so does the extractor, unless the
 * same skill is asked for elsewhere in the text.
 */
function isNegated(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 60);
  const before = text.slice(Math.max(0, start - 30), start);
  const negation = after.match(NOT_NEEDED_AFTER) ?? (NEGATED_BEFORE.test(before) ? after.match(NEEDED_AFTER) : null);
  if (!negation) return false;
  return !YET_WANTED.test(after.slice(negation[0].length));
}

/** "health, dental and life insurance", "pet insurance": a benefit, not the insurance business. */
const BENEFIT_BEFORE = /\b(?:health|life|dental|vision|medical|disability|accident|pet|welfare)\s*(?:,|&|and)?\s*$/i;
/** "a comprehensive insurance plan", "Healthcare coverage": a benefit ("healthcare plans and claims" is the business). */
const BENEFIT_AFTER = /^\s*(?:plan|benefits?|coverage)\b/i;

/**
 * "R&D", "C-suite", "Go-to-market", "AI/ML" stay themselves; "health insurance" is a benefit; "build
 * systems that..." is a verb.
 */
function isFalseFriend(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 8);
  const written = text.slice(start, end);
  if (/^insurance$/i.test(written) && BENEFIT_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return true;
  if (/^(?:insurance|health[- ]?care)$/i.test(written) && BENEFIT_AFTER.test(text.slice(end, end + 16))) return true;
  // "build systems to measure quality" is a verb and its object, not build tooling.
  if (/^builds?\s/i.test(written) && /^\s+(?:to|that|which|for|and|with)\b/i.test(after)) return true;
  // "R&D" and "R & D", "P&L": a letter or two joined by "&" is an abbreviation, not a language.
  if (
    end - start <= 2 &&
    (/^ ?& ?[A-Z]\b/.test(after) || /\b[A-Z] ?& ?$/.test(text.slice(Math.max(0, start - 4), start)))
  )
    return true;
  if (/^-(suite|level|to-|to )/i.test(after)) return true;
  // "tracing back to the source" follows a cause, not requests across services.
  if (/^tracing$/i.test(written) && /^\s+(?:it\s+|them\s+)?back\b/i.test(text.slice(end, end + 16))) return true;
  // "Reporting to the CEO", "reporting into Operations", "manage direct reports": a reporting line, not reports.
  if (
    /^report/i.test(written) &&
    (/^\s+(?:to|into|directly|structure|line)\b/i.test(text.slice(end, end + 16)) ||
      /\bdirect\s+$/i.test(text.slice(Math.max(0, start - 8), start)))
  )
    return true;
  // "DeepLearning.AI", "Character.AI": a company's name, not deep learning or AI.
  if (/^\.ai\b/i.test(after) && /^deep\s?learning$/i.test(written)) return true;
  if (/^ai$/i.test(written) && /\w\.$/.test(text.slice(Math.max(0, start - 2), start))) return true;
  // "Nature Communications", "Communications of the ACM": journals, not a skill.
  if (
    /^communications$/i.test(written) &&
    (/\bNature\s+$/.test(text.slice(Math.max(0, start - 8), start)) ||
      /^\s+of the ACM\b/.test(text.slice(end, end + 12)))
  )
    return true;
  // "Spring 2023", "Summer 2024": a season or a term, not the framework.
  if (/^[A-Z][a-z]+$/.test(written) && /^\s+(?:19|20)\d\d\b/.test(after)) return true;
  // "Fine-tuned a ResNet-18 on leaf photos": a vision model fine-tuned, not LLM fine-tuning.
  if (/^fine[- ]?tun(?:e|ed|ing)$/i.test(written) && VISION_MODEL_AFTER.test(text.slice(end, end + 60))) return true;
  return false;
}

/** The image models a bare "fine-tuned" names in the words after it ("ViT" a word: "vital" had matched it). */
const VISION_MODEL_AFTER =
  /^\s+(?:[\w-]+\s+){0,3}?(?:ResNet|VGG|EfficientNet|MobileNet|DenseNet|Inception|ConvNeXt|YOLO|U-?Net|Mask R-CNN|Faster R-CNN|(?:ViTs?|CNNs?|convolutional|images?|vision(?![- ]language)|object detection|segmentation)\b)/i;

/** "UX/UI designers", "data engineers", "product managers": a skill's name used as a job, not asked of this one. */
const PEOPLE_AFTER =
  /^(?:\s*[/&]\s*[A-Za-z]+)?\s+(?:designers?|developers?|engineers?|managers?|analysts?|scientists?|architects?|researchers?)\b/i;

/** "Work with UX designers and data engineers": the skill names colleagues, so annotators leave it out. */
const namesPeople = (text: string, end: number): boolean => PEOPLE_AFTER.test(text.slice(end, end + 40));

/**
 * "with the", "alongside our", "for cross-functional": the words before a group the person worked
 * with, and the other groups named beside it ("for the pricing and finance teams").
 */
const WITH_BEFORE =
  /\b(?:with|alongside|for|supporting)\s+(?:(?:the|our|an?|other|internal|cross-functional|partner)\s+)*(?:[\w-]+(?:\s*,\s*|\s+(?:and|&)\s+)){0,3}$/i;
const GROUP_AFTER = /^\s+(?:teams?|departments?|groups?|colleagues|peers|partners|stakeholders)\b/i;
/**
 * "Worked with the data science team", "partnered with ML engineers": in a resume, the people the
 * person worked beside, not what they did ("Led the data science team" is still theirs).
 */
const namesColleagues = (text: string, start: number, end: number): boolean => {
  if (!WITH_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return false;
  const after = text.slice(end, end + 40);
  return GROUP_AFTER.test(after) || PEOPLE_AFTER.test(after);
};

/** "customers in industries such as healthcare, education and retail": the markets a company serves. */
const MARKETS_BEFORE = /\b(?:industries|sectors|verticals)\b[^.;\n]{0,100}$/i;
const MARKETS_AFTER = /^[^.;\n]{0,40}\b(?:industries|sectors|verticals)\b/i;
/** ...unless the job asks for them: "experience in industries such as healthcare", "3+ years in finance". */
const ASKED_BEFORE =
  /\b(?:experience|knowledge|background|expertise|familiarity|understanding|exposure|track record|worked|years?)\b[^.;\n]*$/i;
const namesMarkets = (text: string, start: number, end: number): boolean => {
  const before = text.slice(Math.max(0, start - 120), start);
  return (MARKETS_BEFORE.test(before) || MARKETS_AFTER.test(text.slice(end, end + 50))) && !ASKED_BEFORE.test(before);
};
