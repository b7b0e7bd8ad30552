/** Whether a span of a posting states requirements, preferences, or neither. */
export type Importance = "required" | "preferred";

const PREFERRED_HEADING =
  /^(?:[#*\-•\s]*)(?:preferred|desired|nice[- ]to[- ]haves?|bonus(?: points)?|pluses|plus|extra credit|good to have|it would be great if|additional qualifications|preferred qualifications|ideally)\b/i;
const REQUIRED_HEADING =
  /^(?:[#*\-•\s]*)(?:requirements?|required|qualifications|minimum qualifications|basic qualifications|must[- ]haves?|what you(?:'ll| will)? (?:need|bring)|what we(?:'re| are) looking for|who you are|you have|skills(?: and| &) experience|your profile|about you)\b/i;
const OTHER_HEADING =
  /^(?:[#*\-•\s]*)(?:responsibilities|what you(?:'ll| will) do|the role|about (?:us|the (?:team|company|role))|benefits|perks|compensation|why join|our (?:team|company|mission)|location|equal opportunity)\b/i;
const PREFERRED_INLINE =
  /\b(preferred|a plus|is a bonus|nice to have|desirable|advantageous|ideally|bonus points|good to have)\b/i;

/** A line looks like a heading when it is short and not a sentence that goes on. */
const isHeading = (line: string) =>
  line.trim().length > 0 && line.trim().length <= 60 && !/[.;]\s*\S/.test(line.trim());

/**
 * Marks every character range of the text with the section it sits in. Headings switch the
 * section until the next heading; within any section, a line that says "preferred", "a plus" or
 * "nice to have" is preferred.
 */
export function sectionAt(text: string): (offset: number) => Importance | null {
  const ranges: { start: number; end: number; importance: Importance | null }[] = [];
  let current: Importance | null = null;
  let offset = 0;
  for (const line of text.split(/(?<=\n)/)) {
    if (isHeading(line)) {
      if (PREFERRED_HEADING.test(line)) current = "preferred";
      else if (REQUIRED_HEADING.test(line)) current = "required";
      else if (OTHER_HEADING.test(line)) current = null;
    }
    const importance = PREFERRED_INLINE.test(line) ? "preferred" : current;
    ranges.push({ start: offset, end: offset + line.length, importance });
    offset += line.length;
  }
  return (at: number) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid] as (typeof ranges)[number];
      if (at < r.start) hi = mid - 1;
      else if (at >= r.end) lo = mid + 1;
      else return r.importance;
    }
    return null;
  };
}
