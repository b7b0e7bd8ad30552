/** The parts a resume is made of. */
export type ResumeSection =
  | "summary"
  | "experience"
  | "education"
  | "skills"
  | "projects"
  | "certifications"
  | "other"
  | "header";

const HEADINGS: [ResumeSection, RegExp][] = [
  [
    "summary",
    /^(professional |career |executive |research )?(summary|profile|about( me)?|objective|overview|profil|zusammenfassung|resumen|à propos)$/,
  ],
  [
    "experience",
    /^((work|professional|relevant|industry|employment|career|teaching) )?(experience|history|employment)( history)?$|^employment$|^(clinical|research|academic) experience$|^(academic |professional )?(appointments|positions)$|^(expérience|experiences?) professionnelles?$|^berufserfahrung$|^experiencia( laboral| profesional)?$|^werkervaring$/,
  ],
  [
    "education",
    /^((formal|general) ?)?(education(al (qualifications?|background|details))?|academic (background|history|qualifications?|profile|credentials)|scholastic profile|qualifications|studies|formation|ausbildung|educación|formación|opleiding)( (and|&) (ongoing )?(training|certifications?|credentials|licensure|licen[cs]es|professional development))?$/,
  ],
  [
    "skills",
    /^((technical|core|key|professional|relevant|it|computer) )?(skills|competencies|competences|expertise|technologies|tools|tech stack|skills (and|&) (tools|technologies|interests))$|^(research|analytical|computer|programming) (and|&) (technical|computer|programming|software) skills$|^(compétences|kenntnisse|fähigkeiten|habilidades|vaardigheden)$/,
  ],
  ["projects", /^((personal|selected|academic|side|key|notable) )?projects$|^(projets|projekte|proyectos)$/],
  [
    "certifications",
    /^(licen[cs]es (and|&) )?(certifications?|certificates?)( (and|&) (courses|training|licen[cs]es))?$|^(courses|training|certificats|zertifikate|certificaciones)$/,
  ],
  [
    "other",
    /^(languages|interests|hobbies|((selected|recent|peer[- ]reviewed) )?publications|working papers|grants|awards|honou?rs|volunteer(ing)?( experience)?|references|activities|achievements|langues|sprachen|idiomas)$/,
  ],
];

/** A heading is a short line of known words, in any case, with an optional colon, underline or leading symbol. */
export function headingOf(line: string): ResumeSection | undefined {
  const trimmed = line.trim();
  // Headings are short; a long line is none, and is never scanned by the patterns below.
  if (trimmed.length > 100) return undefined;
  let t = trimmed.replace(/^[^\p{L}\p{N}]+|[#*=\-_:\s]+$/gu, "").toLowerCase();
  // "E D U C A T I O N", letter-spaced for looks.
  if (/^(?:\p{L}{1,2} )+\p{L}{1,2}$/u.test(t)) t = t.replaceAll(" ", "");
  if (!t || t.length > 45) return undefined;
  for (const [section, re] of HEADINGS) if (re.test(t)) return section;
  return undefined;
}

export interface SectionSpan {
  section: ResumeSection;
  start: number;
  end: number;
}

/**
 * "Educational Qualification: Bachelor's Degree in Marketing": what comes before a colon near the
 * start of a line with words after it (found by position, not a pattern: no backtracking over
 * long runs of spaces).
 */
function inlineLabel(line: string): string | undefined {
  const colon = line.indexOf(":");
  if (colon < 3 || colon > 60 || !/\S/.test(line.slice(colon + 1, colon + 100))) return undefined;
  return line.slice(0, colon);
}

/**
 * Cuts the text into sections at heading lines; what comes before the first heading is the header.
 * With `inline`, a line that starts with a heading and a colon starts that section after the colon:
 * in text whose line breaks were lost ("Professional Experience: Currently working as..."), that is
 * how headings survive; elsewhere "Tools: Git" inside a job is a label, not a section.
 */
export function splitSections(text: string, options: { inline?: boolean } = {}): SectionSpan[] {
  const spans: SectionSpan[] = [];
  let current: SectionSpan = { section: "header", start: 0, end: 0 };
  let offset = 0;
  for (const line of text.split("\n")) {
    const whole = headingOf(line);
    const label = !whole && options.inline ? inlineLabel(line) : undefined;
    const heading = whole ?? (label ? headingOf(label) : undefined);
    if (heading) {
      current.end = offset;
      spans.push(current);
      // An inline heading's section starts after its colon, a heading line's after the line.
      const start = offset + (whole ? line.length : line.indexOf(":")) + 1;
      current = { section: heading, start, end: 0 };
    }
    offset += line.length + 1;
  }
  current.end = text.length;
  spans.push(current);
  return spans.filter((s) => s.end > s.start || s.section === "header");
}
