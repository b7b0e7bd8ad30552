export type DegreeLevel = "bachelor" | "master" | "phd";
const ORDER: DegreeLevel[] = ["bachelor", "master", "phd"];

// Abbreviations are case-sensitive and need a degree context: "MS" alone is also Microsoft ("MS Excel").
const PATTERNS: [RegExp, DegreeLevel][] = [
  [/\bph\.?\s?d\b|\bdoctora(?:te|l)\b|\bdoctor of philosophy\b/i, "phd"],
  [
    /(?<!scrum\s?|quiz\s?|web\s?|post\s?)\bmaster'?s?\b|\bmasters\b|\bm\.s\.|\bm\.sc\b|\bmsc\b|\bmba\b|\bm\.eng\b|\b(?:graduate|advanced?) degrees?\b/i,
    "master",
  ],
  [/\bMA\b(?=\s*(?:degree|in\b))|\b(?:MS|MEng)\b(?=\s*(?:\/|or|and|,|degree|in\b|preferred|required|\())/, "master"],
  // "BS/MS" names a bachelor's as enough.
  [/(?:BS|BA|BSc|B\.S\.|B\.A\.|bachelor'?s?)\s*(?:\/|or|and|,)\s*(?:MS|MA|M\.S\.)\b/i, "bachelor"],
  [
    /\bbachelor'?s?\b|\bbaccalaureate\b|\bundergraduate degree\b|\bb\.s\.|\bb\.a\.|\bb\.sc\b|\bbsc\b|\bb\.tech\b|\bb\.e\.(?=\s)/i,
    "bachelor",
  ],
  [/\b(?:BS|BA|BE|BTech|BEng)\b(?=\s*(?:\/|or|and|,|degree|in\b|preferred|required|\())/, "bachelor"],
  // Business degrees: a BBA or BCom is a bachelor's.
  [/\b(?:BBA|B\.B\.A\.|BCom|B\.Com\.?)(?=[\s,(]|$)/, "bachelor"],
  [
    /\b(?:4|four)[- ]year degree\b|\b(?:college|university|undergraduate|technical) degree\b|(?<!(?:master['’]?s?|ph\.?\s?d\.?|doctoral|graduate|advanced?|m\.?s\.?|mba|associate['’]?s?)\s)\bdegree (?:in|from)\b/i,
    "bachelor",
  ],
];

// A degree word glued to the lower-case word before it, as text that lost its line breaks writes
// it ("Educational QualificationBachelors/Master degree"). It must read as a degree after it too:
// "ScrumMaster (CSM)" is no master's. Every form starts with a capital, so a scan for them skips
// most of the text at once, where a pattern tried after every lower-case letter reads all of it.
const GLUED_DEGREE =
  /(?:Bachelor|Master)(?:'?s)?(?:\s*(?:degree|of|in|or|and|\/|,))|Associate'?s? degree|(?:Advanced|Graduate) degree|Doctor(?:ate|al)|Ph\.?D|B\.?S\b|M\.?S\b|BA\b|MA\b|MBA\b/g;

/** The text with a space before each glued degree word. */
function unglue(text: string): string {
  let out = "";
  let from = 0;
  GLUED_DEGREE.lastIndex = 0;
  for (let m = GLUED_DEGREE.exec(text); m; m = GLUED_DEGREE.exec(text)) {
    const c = text.charCodeAt(m.index - 1);
    if (c >= 97 && c <= 122) {
      out += `${text.slice(from, m.index)} `;
      from = m.index;
    }
    // From the next character, not past the match: a glued word may start inside this one ("PhDoctoral").
    GLUED_DEGREE.lastIndex = m.index + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * The lowest degree the text states as required or preferred ("BS/MS" is bachelor, "MS or PhD"
 * is master), or null when it names none.
 */
export function extractDegree(text: string): DegreeLevel | null {
  const unglued = unglue(text);
  // Lowest level first: the first level found is the answer, and most postings name a bachelor's.
  for (const level of ORDER) if (PATTERNS.some(([re, l]) => l === level && unglued.search(re) >= 0)) return level;
  return null;
}
