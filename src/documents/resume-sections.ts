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
    /^(professional |career |executive )?(summary|profile|about( me)?|objective|overview|profil|zusammenfassung|resumen|à propos)$/,
  ],
  [
    "experience",
    /^((work|professional|relevant|industry|employment|career|teaching) )?(experience|history|employment)( history)?$|^employment$|^(expérience|experiences?) professionnelles?$|^berufserfahrung$|^experiencia( laboral| profesional)?$|^werkervaring$/,
  ],
  [
    "education",
    /^(education|academic (background|history|qualifications)|qualifications|studies|formation|ausbildung|educación|formación|opleiding)( (and|&) (training|certifications))?$/,
  ],
  [
    "skills",
    /^((technical|core|key|professional|relevant|it|computer) )?(skills|competencies|competences|expertise|technologies|tools|tech stack|skills (and|&) (tools|technologies|interests))$|^(compétences|kenntnisse|fähigkeiten|habilidades|vaardigheden)$/,
  ],
  ["projects", /^((personal|selected|academic|side|key|notable) )?projects$|^(projets|projekte|proyectos)$/],
  [
    "certifications",
    /^(licen[cs]es (and|&) )?(certifications?|certificates?)( (and|&) (courses|training|licen[cs]es))?$|^(courses|training|certificats|zertifikate|certificaciones)$/,
  ],
  [
    "other",
    /^(languages|interests|hobbies|publications|awards|honou?rs|volunteer(ing)?( experience)?|references|activities|achievements|langues|sprachen|idiomas)$/,
  ],
];

/** A heading is a short line of known words, in any case, with an optional colon or underline. */
export function headingOf(line: string): ResumeSection | undefined {
  const t = line
    .trim()
    .replace(/^[#*=\-_•\s]+|[#*=\-_:\s]+$/g, "")
    .toLowerCase();
  if (!t || t.length > 45) return undefined;
  for (const [section, re] of HEADINGS) if (re.test(t)) return section;
  return undefined;
}

export interface SectionSpan {
  section: ResumeSection;
  start: number;
  end: number;
}

/** Cuts the text into sections at heading lines; what comes before the first heading is the header. */
export function splitSections(text: string): SectionSpan[] {
  const spans: SectionSpan[] = [];
  let current: SectionSpan = { section: "header", start: 0, end: 0 };
  let offset = 0;
  for (const line of text.split("\n")) {
    const heading = headingOf(line);
    if (heading) {
      current.end = offset;
      spans.push(current);
      current = { section: heading, start: offset + line.length + 1, end: 0 };
    }
    offset += line.length + 1;
  }
  current.end = text.length;
  spans.push(current);
  return spans.filter((s) => s.end > s.start || s.section === "header");
}
