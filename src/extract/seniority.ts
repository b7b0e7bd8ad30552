import type { Seniority } from "../knowledge/schema.js";

/** Title words, most specific first: "Senior Staff" is lead, "Head of" is executive. */
const TITLE_RULES: [RegExp, Seniority][] = [
  [/\bintern(ship)?\b|\bco-?op\b|\btrainee\b|\bwerkstudent/i, "intern"],
  // An associate or assistant director is a grade under the head of the function.
  [/\b(?:associate|assistant) director\b/i, "lead"],
  [/\bhead of\b|\bchief\b|\bvp\b|\bvice president\b|\b(c[tdo]o)\b|\bdirector\b(?![- ]level)/i, "executive"],
  // A product, program or project manager manages work, not people: their years say the level.
  [/\b(staff|principal|lead|(?<!product |program |project )manager|distinguished|fellow)\b/i, "lead"],
  [/\b(senior|sr\.?)(?=\s|$|,|\))/i, "senior"],
  [/\b(junior|jr\.?|entry[- ]level|new grad(uate)?|graduate|associate)(?=\s|$|,|\))/i, "entry"],
];
const GRADE = /\b(I{1,3}|IV|[1-4])\s*$|\b(I{1,3}|IV)\b(?=\s*[,(-])/;
const GRADE_LEVEL: Record<string, Seniority> = {
  I: "entry",
  "1": "entry",
  II: "mid",
  "2": "mid",
  III: "senior",
  "3": "senior",
  IV: "lead",
  "4": "lead",
};
const JUNIOR_TEXT =
  /\b(new grads?|recent graduates?|entry[- ]level|graduate programme|no (prior )?experience required|early[- ]career|internship experience|personal projects)\b/i;

/**
 * The level a posting hires at, following what a recruiter reads first: the title's level words,
 * then the years asked (0-1 entry, 2-4 mid, 5+ senior), then junior signals in the text. A numeric
 * grade ("Engineer II") gives way to stated years.
 */
export function extractSeniority(title: string, text: string, minYears: number | null): Seniority {
  for (const [re, level] of TITLE_RULES) if (re.test(title)) return level;
  if (minYears !== null) return minYears <= 1 ? "entry" : minYears <= 4 ? "mid" : "senior";
  const grade = title.match(GRADE);
  const fromGrade = grade ? GRADE_LEVEL[(grade[1] ?? grade[2]) as string] : undefined;
  if (fromGrade) return fromGrade;
  if (JUNIOR_TEXT.test(text)) return "entry";
  return "mid";
}
