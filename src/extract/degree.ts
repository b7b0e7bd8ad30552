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
  [
    /\b(?:4|four)[- ]year degree\b|\b(?:college|university|undergraduate|technical) degree\b|(?<!(?:master['’]?s?|ph\.?\s?d\.?|doctoral|graduate|advanced?|m\.?s\.?|mba|associate['’]?s?)\s)\bdegree (?:in|from)\b/i,
    "bachelor",
  ],
];

// A glued degree word must read as a degree after it too: "ScrumMaster (CSM)" is no master's.
const GLUED_DEGREE =
  /([a-z])(?=(?:Bachelor|Master)(?:'?s)?(?:\s*(?:degree|of|in|or|and|\/|,))|Associate'?s? degree|(?:Advanced|Graduate) degree|Doctor(?:ate|al)|Ph\.?D|B\.?S\b|M\.?S\b|BA\b|MA\b|MBA\b)/g;

/**
 * The lowest degree the text states as required or preferred ("BS/MS" is bachelor, "MS or PhD"
 * is master), or null when it names none.
 */
export function extractDegree(text: string): DegreeLevel | null {
  // Text that lost its line breaks glues words: "Educational QualificationBachelors/Master degree".
  const unglued = text.replace(GLUED_DEGREE, "$1 ");
  const found = new Set(PATTERNS.filter(([re]) => unglued.search(re) >= 0).map(([, level]) => level));
  for (const level of ORDER) if (found.has(level)) return level;
  return null;
}
