/** What a span of a posting is: requirements, preferences, company boilerplate, or other text. */
export type Importance = "required" | "preferred";
export type Section = Importance | "boilerplate" | null;

const LEAD = String.raw`^[#*\-•·\s]*`;
const PREFERRED_HEADING = new RegExp(
  `${LEAD}(?:preferred|desired|nice[- ]to[- ]haves?|bonus(?: points)?|pluses|plus|extra credit|good to have|it would be great if|additional qualifications|preferred qualifications|ideally|(?:ways to )?stand out|even better)\\b`,
  "i",
);
const REQUIRED_HEADING = new RegExp(
  `${LEAD}(?:requirements?|required|qualifications|minimum qualifications|basic qualifications|must[- ]haves?|what you(?:'ll|’ll| will)? (?:need|bring)|what we(?:'re|’re| are) looking for|who you are|you have|skills(?: and| &) experience|your profile|about you|top skill|what we(?:'re|’re| are)? (?:need|want|expect|require)|what (?:you(?:'ll|’ll| will)? need|it takes))`,
  "i",
);
const BOILERPLATE_HEADING = new RegExp(
  `${LEAD}(?:about (?:us|the company|[A-Z][\\w&.-]*(?: [A-Z][\\w&.-]*)?$)|who we are|our (?:company|mission|story|values)|why (?:join|work)|benefits|perks|what we offer|equal (?:employment )?opportunity|eeo|our commitment)`,
  "i",
);
const OTHER_HEADING = new RegExp(
  `${LEAD}(?:responsibilities|what you(?:'ll|’ll| will)(?: be)? do(?:ing)?|in this role|your (?:role|impact|responsibilities)|the role|about the (?:team|role|job|position)|key responsibilities|duties|job description|overview|summary|location|compensation)`,
  "i",
);
const PREFERRED_INLINE =
  /\b(preferred|a plus|is a bonus|nice to have|desirable|advantageous|ideally|bonus points|good to have)\b/i;
/** Company pitch, benefits and legal text: what the company is, not what the job asks. */
const PITCH =
  /\b(we are (?:a|an|the|at|on)|we're (?:a|an|the)|our mission|founded in|backed by|we believe|is the (?:leading|world's)|forbes|recogni[sz]ed (?:by|as)|join us|equal opportunity|eeo|401\(?k\)?|paid time off|health,? dental|dental|parental leave|medical, dental|reasonable accommodation|regard to race|veteran status|benefits include|we offer)\b/i;
const ASKS =
  /\b(you will|you'll|experience (?:with|in)|responsib|required|qualif|must have|years of|proficien|knowledge of|familiar)/i;

/** Splits after each separator, keeping it with the chunk before, so lengths add up to the text. */
function chunks(text: string, separator: RegExp): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(separator)) {
    const end = m.index + m[0].length;
    out.push(text.slice(from, end));
    from = end;
  }
  if (from < text.length || out.length === 0) out.push(text.slice(from));
  return out;
}

/** A line looks like a heading when it is short and not a sentence that goes on. */
const isHeading = (line: string, limit = 60) => {
  const t = line.trim();
  return t.length > 0 && t.length <= limit && !/[.;]\s*\S/.test(t);
};
/** A heading that names the requirements may run longer: "Required Experience, Education and Training for the Software Engineer". */
const LONG_HEADING = 100;
/** The section a heading opens when it names the preferred or the required qualifications. */
const askHeading = (line: string): Section | undefined =>
  PREFERRED_HEADING.test(line) ? "preferred" : REQUIRED_HEADING.test(line) ? "required" : undefined;

/**
 * Labels every line of the text with the section it sits in. Headings switch the section until
 * the next heading; a line that says "preferred", "a plus" or "nice to have" is preferred
 * wherever it is; a paragraph of company pitch or benefits is boilerplate.
 */
export function sectionAt(text: string): (offset: number) => Section {
  const ranges: { start: number; end: number; section: Section }[] = [];
  let current: Section = null;
  let offset = 0;
  for (const paragraph of chunks(text, /\n[ \t\r]*\n/g)) {
    // Text that lost its line breaks glues words ("reportingResponsibilitiesLead"): asks are read apart.
    const pitch =
      PITCH.test(paragraph) &&
      !ASKS.test(paragraph) &&
      !(/[a-z][A-Z]/.test(paragraph) && ASKS.test(paragraph.replace(/([a-z])(?=[A-Z])/g, "$1 ")));
    for (const line of chunks(paragraph, /\n/g)) {
      if (isHeading(line)) {
        const ask = askHeading(line);
        if (ask) current = ask;
        else if (BOILERPLATE_HEADING.test(line)) current = "boilerplate";
        else if (OTHER_HEADING.test(line)) current = null;
        // Any other heading that introduces a list ("What we need to see:") ends the company pitch.
        else if (current === "boilerplate" && /:\s*$/.test(line)) current = null;
      } else if (isHeading(line, LONG_HEADING) && !/:\s*\S/.test(line)) current = askHeading(line) ?? current;
      const section: Section =
        current !== "boilerplate" && PREFERRED_INLINE.test(line)
          ? "preferred"
          : pitch && current !== "required"
            ? "boilerplate"
            : current;
      ranges.push({ start: offset, end: offset + line.length, section });
      offset += line.length;
    }
  }
  return (at: number) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid] as (typeof ranges)[number];
      if (at < r.start) hi = mid - 1;
      else if (at >= r.end) lo = mid + 1;
      else return r.section;
    }
    return null;
  };
}
