const WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
const N = String.raw`(\d{1,2}(?:\.\d)?|${Object.keys(WORDS).join("|")})(?:\s*\(\d{1,2}\))?`;
// "3+ years", "3 - 5 yrs", "3 to 5 years", "five (5) years", "minimum of 3 years", "at least 2 years'",
// "5 or more years"; and a number glued to the word before it, as text that lost its line breaks
// writes it ("Qualifications5+ years", "setting3- 5 years", "QualificationsTwo years").
const YEARS = new RegExp(
  String.raw`(?:\b|(?<=\p{L})(?=\d)|(?<=\p{Ll})(?=\p{Lu}))${N}\s*(?:\+|&plus;|plus)?\s*(?:or (?:more|above|greater)\s*)?(?:(?:-|–|to|or)\s*${N}\s*\+?\s*)?(?:years?|yrs?)\b(?:'|’)?`,
  "giu",
);
const EXPERIENCE_AFTER =
  /^[^.;\n]{0,80}?\b(experience|exp\b|background|working|work(ed)? (in|with|on)|industry|professional|hands-on|track record|building|developing|development|designing|in (a|an|the) |with |using |as (a|an) )/i;
const EXPERIENCE_BEFORE =
  /(experience|minimum|at least|min\.?|requires?|required|need|with|have|having|possess)[^.;\n]{0,40}$/i;
// A company's age or record ("25 years of innovation", "over 50 years of excellence") is no ask.
// ...unless the years are experience first ("5 years of experience in business optimization").
const NOT_EXPERIENCE =
  /^(?![^.;\n]{0,25}\bexperience\b)[^.;\n]{0,25}\b(old|of age|ago|in a row|in business(?!\s+(?:data|analy\w*|intelligence|development|operations|systems|process\w*|roles?|settings?|environments?|domains?)\b)|history|warranty|anniversary|from now|running|of (innovation|excellence|heritage|service|success|growth|leadership|operation|trust))\b/i;
const NOT_EXPERIENCE_BEFORE =
  /(founded|in business for|been around for|operating for|serving [a-z ]{0,30} for|for over|for more than|company of|the (next|past|last)|within|first|up to|every|our|\btakes?\b[^.;\n]{0,20}|\bcommit(?:ted|ment)?\b[^.;\n]{0,40})\s*$/i;
// Years that stand in for a degree, or that a degree stands in for, are not the ask: "(10 years of
// relevant experience may be substituted for education)", "and/or 5 years equivalent work
// experience", "three years' experience credit for a Master's degree"; nor are years of funding.
const SUBSTITUTE_AFTER =
  /^(?:[^.;\n)]{0,60}\b(?:substitut\w*|in lieu of|experience credit|credit for)|\s*(?:of\s+)?equivalent\b|\s*of (?:full )?(?:support|funding)\b|\s*after (?:our|its|the) )/i;
// Years that open a higher grade are not the minimum: "at least 5 years of experience will be
// considered for senior positions", "5+ years qualifies for the Senior level".
const HIGHER_GRADE_AFTER =
  /^[^.;\n]{0,60}\b(?:considered|qualif(?:y|ies)|eligible)\s+(?:for|at)\s+(?:a\s+|the\s+)?(?:more\s+)?(?:senior|lead|principal|staff|higher)\b/i;
// The line under an "Experience:" heading: "Required Experience:\n\nMS + 2 years".
const EXPERIENCE_HEADING_BEFORE = /\bexperience\s*:\s*\n\s*[^\n]{0,20}$/i;

/** "a 4-year degree", "a 2-year program", "a 4 year school": a course's length, not experience; "a 3-5 year vision" neither. */
const COURSE_AFTER = /^[-\s]*(degree|program|college|university|school|institution|plan|vision|roadmap|strategy)/i;
/** In a title also the engagement's length: "1+ year contract". */
const ENGAGEMENT_AFTER = /^[-\s]*(contract|assignment|term|engagement|project)/i;

const BARE_PLUS_BEFORE =
  /\b(\d{1,2})\s*(?:[-–]\s*\d{1,2}\s*)?\+\s*(?:(?!(?:months?|weeks?|days?|hours?)\b)[a-z-]+\s+){0,2}experience\b/i;
const BARE_PLUS_AFTER = /\bexperience\s*[:(]\s*(\d{1,2})\s*\+/i;

// The unit may be glued to its number ("4yrs.", "5years"), not to a word ("Ayers"). Written to
// start with the "y", so the scan jumps from one "y" to the next: after a word boundary or a digit
// is the same as after anything but a letter or "_".
const UNIT = /y(?<![A-Za-z_]y)(?:ears?|rs?)\b/gi;
/** The longest a "3 to 5 (5) +" prefix can be before its unit. */
const REACH = 48;

/**
 * YEARS matches, found by jumping to each "year"/"yr" and matching only the short window before
 * it: the full pattern tried at every position of a long posting is the slow way to the same
 * result, and a window keeps the work per unit bounded, so the whole scan stays linear.
 */
function* candidates(text: string): Generator<RegExpExecArray> {
  let from = 0;
  for (const unit of text.matchAll(UNIT)) {
    const start = Math.max(from, unit.index - REACH);
    const unitEnd = unit.index + unit[0].length;
    const window = text.slice(start, unitEnd + 1);
    for (const m of window.matchAll(YEARS)) {
      if (start + m.index + m[0].length < unitEnd) continue;
      m.index += start;
      from = m.index + m[0].length;
      yield m;
      break;
    }
  }
}

const value = (s: string) => WORDS[s.toLowerCase()] ?? Number(s);

/**
 * The minimum years of experience the text asks for: the first stated requirement (its lower
 * end for a range), or null. A number of years only counts with experience words around it, so
 * "founded 20 years ago" or "a 4-year degree" are not requirements.
 */
export function extractMinYears(text: string, title = ""): number | null {
  return titleYears(title) ?? findMinYears(text)?.years ?? null;
}

/**
 * Years a title states are the headline requirement ("Principal Data Scientist with over 10 years
 * experience", "Java Developer (5+ yrs)"): a title has no room for a secondary one.
 */
function titleYears(title: string): number | null {
  for (const m of candidates(title)) {
    const after = title.slice(m.index + m[0].length);
    if (COURSE_AFTER.test(after) || ENGAGEMENT_AFTER.test(after)) continue;
    if (NOT_EXPERIENCE.test(after)) continue;
    const low = value(m[1] as string);
    if (Number.isFinite(low) && low <= 40) return low;
  }
  return null;
}

/**
 * "min 6+ years of overall experience", "a minimum of 5 years total experience": a minimum set for
 * the whole career is the headline ask wherever it stands; without "minimum" ("6+ years overall
 * experience" after "3 years developing ML applications") the first ask stays the headline.
 */
const OVERALL_AFTER = /^\s*(?:of\s+)?(?:overall|total)\b/i;
const MINIMUM_BEFORE = /\b(?:min\.?|minimum(?: of)?|at least)\s*$/i;
/**
 * A lower alternative for a higher degree beside the years read: "Minimum 5 years (with M.S. degree)
 * or 3 years (with PhD)" asks for 3, as "2+ years for PhD, 5+ for MS" asks for 2.
 */
const DEGREE_ALTERNATIVE_AFTER = new RegExp(
  String.raw`^[^;\n]{0,50}?\bor\s+${N}\s*\+?\s*(?:years?|yrs?)\b[^;\n]{0,12}?\b(?:with|for)\s+(?:an?\s+|the\s+)?(?:ph\.?\s?d|doctor|m\.?\s?sc?\b|master|graduate|advanced)`,
  "i",
);

/** extractMinYears with where it was read: the span of "5+ years" (none for the bare "2-3+ experience"). */
export function findMinYears(text: string): { years: number; start: number; end: number } | null {
  let first: { years: number; start: number; end: number } | null = null;
  for (const m of candidates(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = text.slice(end, end + 100);
    const before = text.slice(Math.max(0, start - 60), start);
    if (COURSE_AFTER.test(after)) continue;
    if (NOT_EXPERIENCE.test(after) || NOT_EXPERIENCE_BEFORE.test(before) || SUBSTITUTE_AFTER.test(after)) continue;
    if (HIGHER_GRADE_AFTER.test(after)) continue;
    if (!EXPERIENCE_AFTER.test(after) && !EXPERIENCE_BEFORE.test(before) && !EXPERIENCE_HEADING_BEFORE.test(before))
      continue;
    const low = value(m[1] as string);
    if (!Number.isFinite(low) || low > 40) continue;
    const found = { years: Math.min(low, alternative(after)), start, end };
    if (OVERALL_AFTER.test(after) && MINIMUM_BEFORE.test(before)) return found;
    first ??= found;
  }
  if (first) return first;
  // No "years" anywhere near: "2-3+ experience as an ML engineer", "Industry experience (2+ for PhD)".
  const bare = text.match(BARE_PLUS_BEFORE) ?? text.match(BARE_PLUS_AFTER);
  const low = bare ? Number(bare[1]) : Number.NaN;
  if (!bare || !Number.isFinite(low) || low > 40) return null;
  const start = bare.index ?? 0;
  return { years: low, start, end: start + bare[0].length };
}

/** The lower years of a higher degree's alternative right after the years read, or Infinity. */
function alternative(after: string): number {
  const m = after.match(DEGREE_ALTERNATIVE_AFTER);
  return m ? value(m[1] as string) : Number.POSITIVE_INFINITY;
}
