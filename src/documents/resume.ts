import { extractDegree } from "../extract/degree.js";
import { findMinYears } from "../extract/experience.js";
import { createRoleClassifier } from "../extract/role.js";
import { createSkillExtractor, type SkillFound } from "../extract/skills.js";
import type { KnowledgePack } from "../knowledge/schema.js";
import { wellFormed } from "../text/surrogates.js";
import { KeyCache, tokenize } from "../text/tokens.js";
import {
  type DateRange,
  findDateRanges,
  findOpenStart,
  isMonthWord,
  monthsCovered,
  restoreRangeDashes,
} from "./dates.js";
import { plainMarkdown } from "./markdown.js";
import {
  type Education,
  type Experience,
  MAX_CAREER_YEARS,
  type Profile,
  type ProfileSkill,
  SKILL_SOURCES,
  type SkillSource,
} from "./profile.js";
import { headingOf, type ResumeSection, type SectionSpan, splitSections } from "./resume-sections.js";

const SOURCE_OF: Record<ResumeSection, SkillSource> = {
  summary: "summary",
  experience: "experience",
  education: "education",
  skills: "skills",
  projects: "project",
  certifications: "certification",
  other: "other",
  header: "other",
};
const TITLE_WORDS =
  /\b(engineer|scientist|analyst|manager|developer|teacher|lecturer|professor|intern|internship|consultant|director|lead|head|researcher|specialist|officer|assistant|associate|architect|administrator|designer|coordinator|accountant|marketer|founder|owner|tutor|instructor|programmer|technician|representative|executive|president|vp|fellow|trainee|student|nurse|writer|editor|strategist|advisor|adviser)\b/i;
const BULLET = /^\s*([-+•*–▪●◦·]|\d+[.)])\s+/;
/** Work-mode words and state or country codes sit beside titles without being organisations. */
const isLocation = (p: string) => /^(remote|hybrid|on-?site)$/i.test(p) || /^[A-Z]{2}$/.test(p);
const INSTITUTION =
  /\b(university|college|institute|school|polytechnic|academy|université|universität|universidad|hochschule|ecole|école)\b/i;
const EMAIL_LOCAL = /[\w.+-]+(?:'[\w.+-]+)*$/;
const EMAIL_DOMAIN = /^[\w-]+(?:\.[\w-]+)+/;

/**
 * The first email address in `text`, found from each "@" outwards: a pattern tried from every
 * character had taken minutes on a 200 KB word with no "@" in it.
 */
export function findEmail(text: string): string | null {
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    // 64 characters before an "@" and 255 after it are as long as an address's parts may be.
    const local = text.slice(Math.max(0, at - 64), at).match(EMAIL_LOCAL)?.[0];
    const domain = text.slice(at + 1, at + 256).match(EMAIL_DOMAIN)?.[0];
    if (local && domain) return `${local}@${domain}`;
  }
  return null;
}
/**
 * What may be a phone number: digits joined by brackets, dots, dashes or single spaces, on one line,
 * not glued to a letter, a digit or a slash ("\xa2 123-..." is no "2 123-...", nor is the
 * "2018 - 06" in "03/2018 - 06/2020"). Each character has one way to match, so a long run of
 * dashes cannot make the search backtrack without end.
 */
const PHONE = /(?<![\p{L}\p{N}/])(?:\+[ \t]?)?\(?\d(?:[\d().–-]|[ \t](?![ \t]))*\d(?![\p{N}/])/gu;
const YEAR = /^(?:19|20)\d\d$/;

/** The first phone number in `text`: not a year range or a date, a ZIP+4 code, or too few digits. */
export function findPhone(text: string): string | null {
  for (const [candidate] of text.matchAll(PHONE)) {
    const digits = candidate.replace(/\D/g, "");
    // Nine characters at least, as before: "500-1000 calls a year" and "project no 2065864" are no phones.
    if (candidate.length < 9 || digits.length < 7 || digits.length > 15) continue;
    // "2019-2023", "2019 - 2023", "03/2018 - 06/2020", "27.01.2019": years with at most months
    // or days beside them are dates, which a job's line puts where a phone might be.
    const groups = candidate.match(/\d+/g) ?? [];
    if (groups.some((g) => YEAR.test(g)) && groups.every((g) => g.length <= 2 || YEAR.test(g))) continue;
    if (/^\d{5}-\d{4}$/.test(candidate)) continue;
    return candidate;
  }
  return null;
}
/**
 * An address starts where a run of word characters and dashes starts, and a label is at most 63
 * characters (as in DNS): tried from every word of a long "a-a-a-..." run, an unbounded label had
 * scanned the rest of the run each time, minutes for 200 KB. Each start now costs at most eight
 * labels' length, and the path after it is one greedy class. Every label is read ("sam.lee.dev"
 * had been "lee.dev"), and the ending must end the name ("notes.network" had been "notes.net").
 */
const LINK =
  /(?<![\w-])(?:https?:\/\/)?(?:[\w-]{1,63}\.){1,8}(?:io|dev|me|com|org|net|uk)(?![\w-])(?:\/[\w\-./?=&%#]*)?/gi;

/** Every address in `text` that LINK finds, as written. */
export function findLinks(text: string): string[] {
  return [...text.matchAll(LINK)].map((m) => m[0]);
}

/** Names of tools written like a domain: "ASP.NET" and "VB.Net" had been listed as the person's links. */
const TOOL_DOMAINS = /^(?:asp|ado|vb|ml|entity)\.net$|^socket\.io$/i;

/** An address with a scheme or www., or a bare domain in lower case that names no tool. */
const isLink = (l: string): boolean =>
  /^(?:https?:\/\/|www\.)/i.test(l) || (!TOOL_DOMAINS.test(l) && /\.[a-z]+(?:\/|$)/.test(l));

interface Line {
  text: string;
  start: number;
  end: number;
}

export interface ReadOptions {
  /** Today as YYYY-MM: where "Present" ends. Passed in so reading stays deterministic. */
  now: string;
  format: Profile["document"]["format"];
  warnings?: string[];
  pages?: number;
  columns?: number[];
}

/** Builds a resume reader for one knowledge pack; the reader turns resume text into a Profile. */
/** How far into a resume a stated total counts: the header and summary, not a job's description. */
const STATED_WITHIN = 1500;

export function createResumeReader(pack: KnowledgePack) {
  const extractSkills = createSkillExtractor(pack, { kind: "resume" });
  const classifyRole = createRoleClassifier(pack);
  const keys = new KeyCache();

  return function readResume(text: string, options: ReadOptions): Profile {
    // Offsets below refer to this cleaned text, Markdown's marks gone.
    const flat = isFlattened(text);
    const markdown = plainMarkdown(
      (flat ? restoreRangeDashes(text).replace(/ {2,}/g, "\n") : text).replace(/\r\n?/g, "\n").replace(/\u00a0/g, " "),
    );
    const clean = markdown.text;
    const sections = splitSections(clean, { inline: flat });
    // Look-ups by offset search the sorted spans: a linear scan per mention made a 4 MB paste of
    // repeated jobs take minutes.
    const sectionAt = (offset: number): ResumeSection => {
      const s = sections[startingBy(sections, offset) - 1];
      return s && offset < s.end ? s.section : "header";
    };
    const lines = toLines(clean);
    /**
     * The line that proves a mention, cut to a window around it when long: a 140 KB line copied
     * into each of its 20,000 mentions had run the process out of memory.
     */
    const lineAt = (offset: number) => {
      const l = lines[startingBy(lines, offset) - 1];
      if (!l || offset > l.end) return "";
      if (l.text.length <= EVIDENCE_CHARS) return l.text.trim();
      const at = offset - l.start;
      const from = Math.max(0, Math.min(at - EVIDENCE_CHARS / 2, l.text.length - EVIDENCE_CHARS));
      const cut = l.text.slice(from, from + EVIDENCE_CHARS).trim();
      return `${from > 0 ? "…" : ""}${cut}${from + EVIDENCE_CHARS < l.text.length ? "…" : ""}`;
    };

    const of = (section: ResumeSection) => sections.filter((s) => s.section === section);
    const dateWarnings: string[] = [];
    const inSections = of("experience").flatMap((span) => readExperience(span, lines, dateWarnings));
    const jobs = inSections.length > 0 ? inSections : or(readCompanyDetails(lines), () => readStatedJobs(clean, flat));

    const found = withoutWishes(
      withoutEmployers(extractSkills(clean, tokenize(clean, keys)), employerSpans(clean, jobs), clean),
      clean,
      (offset) => WISHES_IN.has(sectionAt(offset)),
    );
    const skills: ProfileSkill[] = found.map((s) => {
      const placed = s.mentions.map((m) => ({ m, source: SOURCE_OF[sectionAt(m.start)] }));
      const sources = SKILL_SOURCES.filter((src) => placed.some((p) => p.source === src));
      // Evidence, not a concordance: the first mentions, and the first from each place it was seen.
      const seen = new Set<SkillSource>();
      const kept = placed.filter((p, i) => {
        const first = !seen.has(p.source);
        seen.add(p.source);
        return i < MAX_EVIDENCE || first;
      });
      const mentions = kept.map(({ m, source }) => ({
        start: m.start,
        end: m.end,
        text: m.text,
        line: lineAt(m.start),
        source,
      }));
      return { id: s.id, name: s.name, category: s.category, source: sources[0] ?? "other", sources, mentions };
    });
    const marks = found
      .flatMap((s, i) => s.mentions.map((m) => ({ start: m.start, i })))
      .sort((a, b) => a.start - b.start);
    /** The skills mentioned in [start, end), in the order of `found`. */
    const skillsIn = (start: number, end: number) => {
      const seen = new Set<number>();
      for (let k = startingBy(marks, start - 1); k < marks.length && (marks[k]?.start as number) < end; k++)
        seen.add(marks[k]?.i as number);
      return [...seen].sort((a, b) => a - b).map((i) => found[i]?.id as string);
    };

    const experience = jobs.map(({ job, from, to }) => ({ ...job, skills: skillsIn(from, to) }));
    for (const e of experience) {
      const role = classifyRole(e.title, tokenize(`${e.title}\n${e.description}`, keys), e.skills, {
        requireTitle: true,
      });
      e.roleId = role && role.id !== "other" ? role.id : null;
    }
    const inEducation = of("education").flatMap((span) => readEducation(clean.slice(span.start, span.end)));
    // No degree under an education heading (a heading mlpath does not know, or none): degrees
    // written out in full elsewhere ("Master of Arts in ...", "B.S. in ...") still count, except
    // inside jobs, where "supervised by Dr X, Ph.D." names someone else's.
    const education = inEducation.some((e) => e.level)
      ? inEducation
      : [...inEducation, ...readEducation(statedDegreeLines(lines, of("experience")).join("\n\n"))];
    const header = readHeader(
      clean,
      sections,
      markdown.targets,
      options.format === "jsonresume" || options.format === "linkedin",
    );
    const professional = experience.filter((e) => e.start && !/\b(intern|internship|trainee|student)\b/i.test(e.title));
    const months = monthsCovered(
      professional.map((e) => ({ start: e.start as string, end: e.end ?? (e.start as string) })),
      options.now,
    );
    const warnings = [...(options.warnings ?? []), ...dateWarnings];
    const dated = Math.round((months / 12) * 10) / 10;
    const stated = statedYears(clean, found);
    if (professional.length > 0 && stated !== null && Math.abs(stated.years - dated) > 1)
      warnings.push(
        `the resume states ${stated.years} years of experience; its dated jobs add up to ${dated} (${stated.total ? "the stated total is used" : "the stated figure is for one skill, so the dated jobs are used"})`,
      );
    if (flat) warnings.push("the text had no line breaks; runs of spaces were read as line breaks");
    if (clean.trim().length > 0 && sections.length === 1)
      warnings.push("no section headings found (Experience, Education, Skills...): entries may be missing");
    if (of("experience").length > 0 && experience.length === 0)
      warnings.push("an experience section was found, but no dated entries in it");

    // Every string as UTF-8 can carry it: half an emoji (a JSON Resume's "\ud83d", an evidence
    // line cut inside one) had given a profile that the API refuses when it is sent back.
    return wellFormed({
      contact: header.contact,
      headline: header.headline,
      skills,
      experience,
      education,
      certifications: of("certifications").flatMap((span) => readCertifications(clean.slice(span.start, span.end))),
      projects: of("projects").flatMap((span) => readProjects(span, lines, skillsIn)),
      years: Math.min(MAX_CAREER_YEARS, yearsOf(professional.length > 0 ? dated : null, stated)),
      warnings,
      document: {
        format: options.format,
        ...(options.pages !== undefined ? { pages: options.pages } : {}),
        ...(options.columns !== undefined ? { columns: options.columns } : {}),
      },
    });
  };
}

/**
 * Text exported through a spreadsheet or a copy-paste often loses its line breaks and keeps
 * them only as runs of spaces: one long line with many double spaces.
 */
function isFlattened(text: string): boolean {
  const newlines = text.split("\n").length - 1;
  const runs = text.match(/ {2,}/g)?.length ?? 0;
  return text.length > 400 && newlines * 300 < text.length && runs >= 10;
}

/** A mention's evidence line is cut to this many characters around it. */
const EVIDENCE_CHARS = 240;
/** Mentions kept per skill as evidence (and the first from each section beyond them). */
const MAX_EVIDENCE = 20;

/** A job as read, with the span of the text it covers (its header and duties). */
interface PlacedJob {
  job: Experience;
  from: number;
  to: number;
}

/** How far into a job its employer's name is looked for: the header, not the duties. */
const HEADER_REACH = 400;

/** Where each job's header writes its employer's name. */
function employerSpans(text: string, jobs: PlacedJob[]): { start: number; end: number }[] {
  return jobs
    .flatMap(({ job: { organisation }, from, to }) => {
      if (!organisation) return [];
      const at = text.slice(from, Math.min(to, from + HEADER_REACH)).indexOf(organisation);
      return at < 0 ? [] : [{ start: from + at, end: from + at + organisation.length }];
    })
    .sort((a, b) => a.start - b.start);
}

/**
 * An employer's name is no evidence of a skill it contains: "Intern, Brightline Health Analytics"
 * had given Analytics, and "Engineer, Databricks" Databricks. A skill named only there is dropped;
 * named elsewhere too (a skills list), it stays with those mentions. An industry is the exception:
 * years at "Corrib Insurance" are experience of insurance.
 */
function withoutEmployers(found: SkillFound[], spans: { start: number; end: number }[], text: string): SkillFound[] {
  if (spans.length === 0) return found;
  // "Machine Learning Engineer | Python, PyTorch | 2019 - 2021": a header's list of tools, read as
  // the employer "Python", is no employer; a skill named right after it, beyond a comma, says so.
  const marks = found.flatMap((s) => s.mentions).sort((a, b) => a.start - b.start);
  const startsList = (e: { end: number }) => {
    const next = marks[startingBy(marks, e.end - 1)];
    return next !== undefined && LIST_SEPARATOR.test(text.slice(e.end, next.start));
  };
  const employers = spans.filter((e) => !startsList(e));
  const inEmployer = (m: { start: number; end: number }) => {
    const e = employers[startingBy(employers, m.start) - 1];
    return e !== undefined && m.end <= e.end;
  };
  return keepMentions(found, (s, m) => s.category === "domain" || !inEmployer(m));
}

/** The skills with only the mentions `keep` accepts; a skill left with none is dropped. */
function keepMentions(
  found: SkillFound[],
  keep: (skill: SkillFound, mention: SkillFound["mentions"][number]) => boolean,
): SkillFound[] {
  return found.flatMap((s) => {
    const mentions = s.mentions.filter((m) => keep(s, m));
    return mentions.length === s.mentions.length ? [s] : mentions.length > 0 ? [{ ...s, mentions }] : [];
  });
}

const LIST_SEPARATOR = /^\s*(?:[,/&]|and)\s*$/;

/** Where a resume says what the person wants to do next: its headline and summary. */
const WISHES_IN = new Set<ResumeSection>(["header", "summary"]);
/**
 * Words that turn the rest of a sentence into a goal: "I want to move into MLOps", "interested in
 * moving into data science", "Teacher moving into Data Analysis", "move my research into machine
 * learning", "switching careers into ML". Past forms ("moved into data science in 2019") tell what
 * was done, a noun ("the transition to Kubernetes", "the team's switch to Terraform") what was led,
 * and a move of something else ("moving on-prem workloads to AWS", "helped three teams move to
 * Kubernetes") work done for others, so none is one.
 */
const WISH_OPENER =
  /\b(?:wants? to|wish(?:es)? to|hop(?:e|es|ing) to|aspir(?:e|es|ing)(?: to)?|plan(?:s|ning)? to|aim(?:s|ing)? to|would like to|looking to|seeking to|eager to|keen to|interested in|break(?:s|ing)? into)\b|(?<!\b(?:(?:the|our|a|an|its|their|this|\w+['’]s)\s+|help(?:ed|ing|s)?\s+(?:[\w-]+\s+){0,3}))\b(?:move|moving|transition|transitioning|switch|switching|pivot|pivoting)\s+(?:(?:my|careers?|from)\s+(?:[\w-]+\s+){0,3}?)?(?:in)?to\b/gi;
/**
 * "Seeking a machine learning research role", "looking for an ML engineering position": a wish
 * without "to", whose article shows a role sought rather than something done.
 */
const WISH_SOUGHT = /\b(?:seeking|looking for)\s+(?:an?|the|my next)\b/gi;
/** ...unless the words before the skill bring it along: "moving into ML, bringing my Python", "from SQL". */
const WISH_BRINGS =
  /\b(?:my|our|with|using|bring(?:s|ing)?|leverag\w*|drawing on|build(?:s|ing)? on|combin\w*|from|after)\b/i;
/**
 * Where the sentence holding `offset` starts: after a full stop, "!", "?", ";" or a line break. A
 * line break before a lowercase word only wraps the sentence ("Looking to move\ninto machine
 * learning engineering", "I want to move into MLOps:\ntesting, deploying and monitoring models"):
 * a text resume's summary is often wrapped by hand, and its goals had been read as skills.
 */
const sentenceStart = (text: string, offset: number) => {
  const from = Math.max(0, offset - 300);
  for (let k = offset - 1; k >= from; k--) {
    const c = text[k];
    if (c === "." || c === "!" || c === "?" || c === ";") return k + 1;
    if (c === "\n" && !/^[ \t]*[a-z]/.test(text.slice(k + 1, k + 40))) return k + 1;
  }
  return from;
};
/** Whether the skill at `start` is named as a goal in its sentence rather than as something done. */
function isWish(text: string, start: number): boolean {
  const sentence = text.slice(sentenceStart(text, start), start);
  for (const opener of [WISH_OPENER, WISH_SOUGHT])
    for (const m of sentence.matchAll(opener))
      if (!WISH_BRINGS.test(sentence.slice(m.index + m[0].length))) return true;
  return false;
}

/**
 * A goal is no evidence of a skill: a DevOps engineer's "I want to move into MLOps" had met MLOps
 * and, through it, machine learning, so an MLOps plan never taught machine learning; a
 * statistician "interested in moving into data science and machine learning" had been taken to
 * know both, and Python beneath them. A skill named only in a goal of the headline or summary is
 * dropped; named elsewhere too, it stays with those mentions.
 */
function withoutWishes(found: SkillFound[], text: string, mayWish: (offset: number) => boolean): SkillFound[] {
  return keepMentions(found, (_, m) => !(mayWish(m.start) && isWish(text, m.start)));
}

/** How many of `items`, sorted by start, start at or before `offset`. */
function startingBy(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid] as { start: number }).start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lines wholly inside a span, found by search: every section had scanned every line. */
function linesIn(all: Line[], span: SectionSpan): Line[] {
  const out: Line[] = [];
  for (let k = startingBy(all, span.start - 1); k < all.length && (all[k] as Line).end <= span.end; k++)
    out.push(all[k] as Line);
  return out;
}

function toLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const line of text.split("\n")) {
    out.push({ text: line, start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
}

const stripBullet = (s: string) => s.replace(BULLET, "").trim();
/** A job's lines as its description: bullets dropped, blank lines gone. */
const describe = (texts: string[]) => texts.map(stripBullet).filter(Boolean).join("\n");
const isHeaderLine = (l: Line) => {
  const t = l.text.trim();
  return t.length > 0 && t.length <= 110 && !BULLET.test(l.text);
};

/**
 * Each dated line starts a job; the short lines just above it and the date line name it. A range
 * that runs backwards ("2022 - 2019", "Mar 2023 - Jan 2021") still starts its job, which keeps its
 * title and skills but no dates, so it adds no years; whether it was a typo or a reversed order
 * cannot be told, and a warning says so. It had been a job in its last year alone ("- 2019" ends
 * the line), or no job, its title and skills given to the job above.
 */
function readExperience(span: SectionSpan, all: Line[], warnings: string[]): PlacedJob[] {
  const lines = linesIn(all, span);
  const dated = lines
    .map((line, i) => ({
      line,
      i,
      range: findDateRanges(line.text, { backwards: true })[0] ?? singleYear(line.text),
    }))
    .filter((x): x is { line: Line; i: number; range: DateRange } => x.range !== undefined && isHeaderLine(x.line));
  if (dated.length === 0) return readUndatedExperience(lines);
  const entries: PlacedJob[] = [];
  const firstLineOf: number[] = [];
  const lastLineOf: number[] = [];
  for (const [n, d] of dated.entries()) {
    const previous = dated[n - 1];
    // Up to two short lines above the date name the job; blank lines between them do not count,
    // and a sentence (the previous job's last line) ends the walk once a title has been found.
    let first = d.i;
    let taken = 0;
    let hasTitle = TITLE_WORDS.test(d.line.text.replace(d.range.text, ""));
    for (let j = d.i - 1; j > (previous?.i ?? -1) && j >= d.i - 4 && taken < 2; j--) {
      const line = lines[j] as Line;
      const t = line.text.trim();
      if (!t) continue;
      // "Built dashboards." or "and the board" above "Data Scientist, Acme, 2021 - 2023": the previous
      // job's last duty, or its wrapped tail, which had been read as the employer.
      if (CLAUSE_TAIL.test(t) || (hasTitle && /[.;!?]$/.test(t) && !ABBREVIATED_END.test(t))) break;
      if (!isHeaderLine(line) || (hasTitle && (/[.;:]$/.test(t) || !TITLE_WORDS.test(t)) && t.length > 60)) break;
      // A sentence with no title in it (the previous job's last duty) is not the next job's header.
      if (/[.;!?]$/.test(t) && t.split(/\s+/).length >= 5 && !TITLE_WORDS.test(t)) break;
      if (hasTitle && taken > 0 && (!TITLE_WORDS.test(t) || /^[A-Z][a-z]+(?:ed|ing)\b/.test(t))) break;
      first = j;
      taken++;
      hasTitle ||= TITLE_WORDS.test(t);
    }
    firstLineOf.push(first);
    // "ACME GROUP / Lagos / July 2012 - till date / Lead Developer", "Dec 2011 to July 2012 /
    // Trailer Park, Hollywood. / Freelance Android Developer.": with no title above the date, a
    // title line among the next two lines below it names the job (and what is between, its employer).
    let last = d.i;
    if (!hasTitle) {
      const below = lines
        .slice(d.i + 1, dated[n + 1]?.i ?? lines.length)
        .map((line, k) => ({ line, at: d.i + 1 + k }))
        .filter(({ line }) => line.text.trim())
        .slice(0, 2);
      const title = below.find(({ line }) => isTitleLine(line) || isShortTitleSentence(line));
      if (title) last = title.at;
    }
    lastLineOf.push(last);
    const headerParts = lines
      .slice(first, last + 1)
      .map((l) =>
        l.text
          .replace(d.range.text, " ")
          .replace(/[|•·]\s*$/, "")
          .trim(),
      )
      .filter((t) => t.replace(/[\s,|()–—-]/g, "").length > 0);
    const { title, organisation } = titleAndOrganisation(headerParts);
    if (d.range.backwards && title)
      warnings.push(
        `the job "${title}" is dated "${d.range.text.trim()}", which ends before it starts: its dates are left out`,
      );
    entries.push({
      job: {
        title,
        organisation,
        start: d.range.backwards ? null : d.range.start,
        end: d.range.backwards ? null : d.range.end,
        description: "",
        roleId: null,
        skills: [],
      },
      from: 0,
      to: 0,
    });
  }
  for (const [n, d] of dated.entries()) {
    const from = (lastLineOf[n] as number) + 1;
    const to = firstLineOf[n + 1] ?? lines.length;
    const body = lines.slice(from, to);
    const entry = entries[n] as PlacedJob;
    entry.job.description = describe(body.map((l) => l.text));
    entry.from = (lines[firstLineOf[n] as number] as Line).start;
    entry.to = body.at(-1)?.end ?? d.line.end;
  }
  return entries.filter((e) => e.job.title.length > 0);
}

/** A line that goes on with a sentence from the line above: no job's header starts so. */
const CLAUSE_TAIL = /^(?:and|or|with|for|to|of|in|on|at|by|from|into|using|including|which|that|while|the|a|an)\s/;
/** "Acme Inc.", "Acme Pvt. Ltd.", "S.A.": an employer's name may end with a full stop. */
const ABBREVIATED_END = /\b(?:inc|ltd|co|corp|llc|plc|pvt|bros|(?:\p{L}\.)+\p{L})\.$/iu;

/** A job title on its own short line: a title word, no sentence, no "Position:" label. */
const isTitleLine = (l: Line) => {
  const t = l.text.trim();
  return isHeaderLine(l) && t.length <= 70 && TITLE_WORDS.test(t) && !/[.:;!?]$|:\s/.test(t);
};
/** "Freelance Android Developer.": a title written with a full stop, a few words long. */
const isShortTitleSentence = (l: Line) => {
  const t = l.text.trim();
  return isHeaderLine(l) && /[^.]\.$/.test(t) && t.split(/\s+/).length <= 6 && TITLE_WORDS.test(t);
};
/** An organisation on its own short line under a title: no bullet, no sentence, no title word. */
const isOrganisationLine = (l: Line) => {
  const t = l.text.trim();
  return isHeaderLine(l) && t.length <= 60 && !/[.:;!?]$/.test(t) && !TITLE_WORDS.test(t);
};

/**
 * Jobs written without dates, as exported resumes often are ("WORK EXPERIENCE / Associate Software
 * Engineer / Oracle / • duties..."): a title line with the organisation on the next line starts a
 * job; its lines run to the next such pair. Start and end stay unknown, so they add no years.
 */
function readUndatedExperience(lines: Line[]): PlacedJob[] {
  const filled = lines.filter((l) => l.text.trim().length > 0);
  const starts: number[] = [];
  for (let i = 0; i + 1 < filled.length; i++)
    if (isTitleLine(filled[i] as Line) && isOrganisationLine(filled[i + 1] as Line)) {
      starts.push(i);
      i++;
    }
  return starts.map((at, n) => {
    const body = filled.slice(at + 2, starts[n + 1] ?? filled.length);
    const last = body.at(-1) ?? (filled[at + 1] as Line);
    return {
      job: {
        title: (filled[at] as Line).text.trim(),
        organisation: (filled[at + 1] as Line).text.trim(),
        start: null,
        end: null,
        description: describe(body.map((l) => l.text)),
        roleId: null,
        skills: [],
      },
      from: (filled[at] as Line).start,
      to: last.end,
    };
  });
}

const COMPANY_LINE = /^\s*company\s*-\s*(\S.*?)\s*$/i;
const DESCRIPTION_LINE = /^\s*description\s*-/i;
/** "Data Scientist - Matelabs": a title and the organisation after it, on one line. */
const TITLE_AT = /^\s*(\S.{1,78}?)\s+[-–]\s+(\S.*?)\s*$/;

/**
 * The "Company Details" layout of some exported resumes: each job is "company - NAME" followed by
 * "description - ...", with no title or dates; the title is found where the resume writes
 * "TITLE - NAME" elsewhere (usually its header, for the current job), or for the current job on
 * the line before "Skill Details". Jobs whose title is nowhere are left out. Read only when no
 * experience section yielded a job.
 */
function readCompanyDetails(lines: Line[]): PlacedJob[] {
  const starts = lines.flatMap((l, i) => {
    const m = l.text.match(COMPANY_LINE);
    const next = lines.slice(i + 1, i + 3).some((n) => DESCRIPTION_LINE.test(n.text));
    return m && next ? [{ i, company: m[1] as string }] : [];
  });
  const titleFor = (company: string) => {
    const key = company.toLowerCase().slice(0, 12);
    for (const l of lines) {
      const m = l.text.match(TITLE_AT);
      if (
        m &&
        !COMPANY_LINE.test(l.text) &&
        (m[2] as string).toLowerCase().startsWith(key) &&
        TITLE_WORDS.test(m[1] as string)
      )
        return (m[1] as string).trim();
    }
    return "";
  };
  // The export writes the person's current title alone on the line before "Skill Details": the
  // first (most recent) job's title when the resume names it nowhere else.
  const skillsAt = lines.findIndex((l) => /^\s*skill details\s*$/i.test(l.text));
  const current = lines
    .slice(0, Math.max(0, skillsAt))
    .map((l) => l.text.trim())
    .filter(Boolean)
    .at(-1);
  const currentTitle = current && current.length <= 60 && TITLE_WORDS.test(current) ? current : "";
  return starts
    .map(({ i, company }, n) => {
      const body = lines.slice(i + 1, starts[n + 1]?.i ?? lines.length);
      const last = body.at(-1) ?? (lines[i] as Line);
      return {
        job: {
          title: titleFor(company) || (n === 0 ? currentTitle : ""),
          organisation: company,
          start: null,
          end: null,
          description: describe(body.map((l) => l.text.replace(DESCRIPTION_LINE, ""))),
          roleId: null,
          skills: [],
        },
        from: (lines[i] as Line).start,
        to: last.end,
      };
    })
    .filter((e) => e.job.title.length > 0);
}

const or = <T>(xs: T[], otherwise: () => T[]) => (xs.length > 0 ? xs : otherwise());

const WORD = String.raw`\p{L}[\p{L}\p{N}&'./-]*`;
const WORDS = String.raw`${WORD}(?:[ \t\n]+${WORD}){0,5}?`;
/**
 * A job written as a sentence, as CVs without an experience section often do: "Currently working
 * as a Software Engineer in Acme Technologies, Bangalore from July 2009", "associated with Acme as
 * a programmer since July 2009", "worked for Microsoft as a Front Office Executive". Words are
 * bounded (six at most), so the lazy runs cannot backtrack far.
 */
const STATED_JOB = new RegExp(
  String.raw`\b(?:working|worked|employed|serving|served|associated)\s+(?:(?:with|at|in|for)\s+(${WORDS})\s+)?as\s+(?:an?\s+|the\s+)?(${WORDS})(?:\s+(?:in|at|with|for)\s+(${WORDS}))?(?=\s*[,.;:(]|\s+(?:from|since|during|till|until|and|in|at|with|for)\b|[ \t]*\n|\s*$)`,
  "giu",
);
/** A sentence ends at a full stop, unless a year follows it ("Jan. 2019"). */
const SENTENCE_END = /\.(?:\s|$)(?!\s*(?:19|20)\d\d)/;
const ONGOING = /\b(?:currently|presently|since|till date|to date|present)\b/i;
/** "Seeking to be associated with X as a Y": a wish, not a job. */
const WISH =
  /\b(?:to be|to get|to work|seeking|looking|wish|want|aspire|would like|opportunity|desire)\b[^.\n]{0,40}$/i;

/**
 * Jobs stated in sentences (STATED_JOB), each dated by the range or "from/since" date in the rest
 * of its sentence; a phrase without a title word ("worked as a team") is no job. Read only when no
 * experience section or company-details layout yielded a job.
 */
function readStatedJobs(text: string, flat: boolean): PlacedJob[] {
  const jobs = new Map<string, PlacedJob>();
  for (const m of text.matchAll(STATED_JOB)) {
    // Line breaks end a sentence, except where they stand for lost runs of spaces.
    if (!flat && m[0].includes("\n")) continue;
    if (WISH.test(text.slice(Math.max(0, m.index - 60), m.index))) continue;
    const title = (m[2] as string).replace(/\s+/g, " ").replace(/[.,]$/, "");
    if (!TITLE_WORDS.test(title)) continue;
    const organisation = (m[1] ?? m[3])?.replace(/\s+/g, " ") ?? null;
    const from = m.index + m[0].length;
    const rest = text.slice(from, from + 160);
    const stop = [rest.match(SENTENCE_END)?.index, flat ? undefined : rest.indexOf("\n")].filter(
      (i): i is number => i !== undefined && i >= 0,
    );
    const end = from + Math.min(rest.length, ...stop);
    const sentence = text.slice(Math.max(0, m.index - 30), end);
    const after = text.slice(from, end);
    const range = findDateRanges(after)[0];
    const start = range?.start ?? findOpenStart(after) ?? null;
    const key = `${title}|${organisation ?? ""}`.toLowerCase();
    if (jobs.has(key)) continue;
    jobs.set(key, {
      job: {
        title,
        organisation,
        start,
        end: range ? range.end : start && ONGOING.test(sentence) ? "present" : null,
        description: text.slice(m.index, end).replace(/\s+/g, " ").trim(),
        roleId: null,
        skills: [],
      },
      from: m.index,
      to: end,
    });
  }
  return [...jobs.values()];
}

/** "2021" alone on a header line: a one-year job. */
function singleYear(line: string): DateRange | undefined {
  const m = line.match(/(?:^\s*|[|,(–—-]\s*)((?:19|20)\d\d)\)?\s*$/);
  return m ? { start: `${m[1]}-01`, end: `${m[1]}-12`, text: m[1] as string, index: m.index ?? 0 } : undefined;
}

/** "Have worked as a", "Currently working as": words before a title that are not part of it. */
const LEAD_IN =
  /^(?:i\s+)?(?:(?:am|was|have|had)\s+)?(?:been\s+)?(?:currently\s+)?(?:work(?:ed|ing)|serv(?:ed|ing)|employed)\s+as\s+(?:an?\s+)?/i;

/** "Data Scientist, Acme", "Data Scientist at Acme", "Acme | Data Scientist", or two lines. */
export function titleAndOrganisation(parts: string[]): { title: string; organisation: string | null } {
  const split = (separators: RegExp) =>
    parts
      .flatMap((p) => p.split(separators))
      .map(clean)
      .filter((p) => p.length > 1 && !isLocation(p));
  // "Vice President, Quantitative Analytics | Hudson Meridian Bank": where bars part the title from
  // the employer, a comma is inside the title; the department had been read as the employer.
  const barred = parts.some((p) => p.includes("|")) ? split(/\s+(?:at|@)\s+|\s*[|]\s*|\s+[–—-]\s+/) : [];
  const pieces =
    barred.length >= 2 &&
    barred.some((p) => TITLE_WORDS.test(p)) &&
    barred.some((p) => !TITLE_WORDS.test(p)) &&
    barred.every((p) => TITLE_WORDS.test(p) || !p.includes(","))
      ? barred
      : split(/\s+(?:at|@)\s+|\s*[|]\s*|,\s+(?![^(]*\))|\s+[–—-]\s+/);
  const titleIndex = pieces.findIndex((p) => TITLE_WORDS.test(p));
  if (titleIndex < 0) return { title: pieces[0] ?? "", organisation: pieces[1] ?? null };
  const title = pieces[titleIndex] as string;
  const others = pieces.filter((p, i) => i !== titleIndex && !TITLE_WORDS.test(p));
  // "Teaching Assistant, Introduction to Programming, Lakeshore University": a school named among
  // the parts is where the job was; the part before it, a course or a department in it.
  // "College" alone is the tail of a name a narrow column wrapped ("Lakemont City" / "College").
  const organisation = others.find((p) => INSTITUTION.test(p) && /\s/.test(p)) ?? others[0] ?? null;
  return { title, organisation };
}

/** One part of a job's header, trimmed of what its dates left ("Engineer (Jan 2019 to present)" -> "Engineer ( )"). */
function clean(part: string): string {
  return (
    part
      .replace(/\(\s*\)/g, "")
      .trim()
      // Brackets go only when unbalanced: "Lecturer (part-time)" keeps its own.
      .replace(/^\((?!.*\))/, "")
      .replace(/(?<!\(.*)\)$/, "")
      .trim()
      .replace(LEAD_IN, "")
      // "Acme," from "Data Scientist, Acme, 2021 - 2023" once its dates are gone.
      .replace(/\s*[,;|/–—-]+$/, "")
  );
}

const ASSOCIATE = /\b(associate'?s? degree|associate of (arts|science)|a\.a\.s?\.|hnd|foundation degree)\b/i;
/**
 * "Postgraduate Certificate in Education", "PGCE", "Graduate Certificate": study after a first
 * degree, at master's level in the UK's framework (FHEQ level 7), but a third of a master's and no
 * degree: an employer who asks for a master's does not count it. It is read as a bachelor's, the
 * degree it requires and so proves, not as a master's it is not; without a level, a teacher with
 * only a PGCE listed read as holding no degree. (Postgraduate diplomas are left alone: India's
 * PGDM is counted as an MBA.)
 */
const POSTGRADUATE_CERTIFICATE = /\b(?:(?:post[- ]?)?graduate certificate|pgce|pgcert)\b/i;
/** The level an education line names: a degree, an associate's, or a postgraduate certificate. */
/**
 * "MS Biostatistics, University of Michigan", "BA (Hons) Economics": in an education section a line
 * that starts with a degree's letters and then a subject names that degree. A posting's reader
 * needs "MS in" or "MS degree", as "MS Excel" is Microsoft's; here both had been read as no degree.
 */
const LEADING_ABBREVIATION =
  /^(?:(B(?:S|A|E|Eng|Tech|Sc|Com|BA))|(M(?:S|A|Eng|Sc|Phil|Res|PH|FA|Ed|Stat)))\.?(?:\s+\(Hons?\.?\))?\s+(?!(?:Office|Excel|Word|PowerPoint|Access|Project|Azure|SQL|Dynamics|Teams|Outlook|Visio|Windows)\b)\p{Lu}/mu;
const levelOf = (text: string): Education["level"] => {
  const leading = text.match(LEADING_ABBREVIATION);
  return (
    extractDegree(text) ??
    (leading ? (leading[1] ? "bachelor" : "master") : null) ??
    (ASSOCIATE.test(text) ? "associate" : POSTGRADUATE_CERTIFICATE.test(text) ? "bachelor" : null)
  );
};
const FIELD = /(?<!\bminors?\s+)\b(?:in|of)\s+((?:[A-Z][\w&'-]*|and|&|of)(?:[ ,/]+(?:[A-Z][\w&'-]*|and|&|of))*)/;
const DEGREE_ABBREVIATION =
  /\b(?:B\.?Sc?|M\.?Sc?|B\.?A|M\.?A|BEng|MEng|B\.?Tech|M\.?Tech|MBA|MPhil|MRes|MPH|MFA|MEd|MStat|BCom|BBA|Ph\.?D)\.?(?:\s+\(Hons?\.?\))?(?:\s*,\s*|\s+)((?:[A-Z][\w&'-]*)(?:\s+(?:[A-Z][\w&'-]*|and|&))*)/;

/** A degree named in full: "Bachelor of Science", "Master's in", "B.S. in", "BA (Hons)", "MBA". */
const STATED_DEGREE =
  /\b(?:bachelor|master|doctor)(?:'?s)?(?: degree)? (?:of|in)\b|\b(?:b\.?\s?s\.?c?|b\.?\s?a|m\.?\s?s\.?c?|m\.?\s?a|m\.?\s?ed|ph\.?\s?d|b\.?\s?e|b\.?\s?tech|m\.?\s?tech)\.?\s*(?:in\b|\(|,)|\bmba\b/i;

/** Lines outside the experience sections that name a degree in full, each to be read as an education entry. */
function statedDegreeLines(lines: Line[], experience: SectionSpan[]): string[] {
  const inJob = (l: Line) => {
    const s = experience[startingBy(experience, l.start) - 1];
    return s !== undefined && l.start < s.end;
  };
  return lines
    .filter((l) => !inJob(l) && STATED_DEGREE.test(l.text) && extractDegree(l.text) !== null)
    .map((l) => l.text);
}

/** Blocks of the education section, one per degree: level, field, institution and dates. */
function readEducation(section: string): Education[] {
  const blocks: string[][] = [];
  let block: string[] = [];
  let hasDegree = false;
  let hasDatedInstitution = false;
  for (const raw of section.split("\n")) {
    const line = stripBullet(raw);
    const degreeLine = levelOf(line) !== null;
    // A second line with a school and a year is another entry: a certificate or diploma above a
    // degree ("Certificate in Health Informatics, UIC, 2024" over "Bachelor of Science in Nursing,
    // Loyola University Chicago, 2014") had been one entry, the degree given the certificate's school and year.
    const datedInstitution = INSTITUTION.test(line) && /\b(?:19|20)\d\d\b/.test(line);
    if (!line || (degreeLine && hasDegree) || (datedInstitution && hasDatedInstitution)) {
      if (block.length) blocks.push(block);
      block = [];
      hasDegree = false;
      hasDatedInstitution = false;
      if (!line) continue;
    }
    block.push(line);
    hasDegree ||= degreeLine;
    hasDatedInstitution ||= datedInstitution;
  }
  if (block.length) blocks.push(block);
  // A Word document sets each paragraph apart by a blank line: a block of dates alone dates the
  // degree above it, which had been left undated.
  const dated = blocks.reduce<string[][]>((out, b) => {
    const above = out.at(-1);
    if (above && b.every(isDateLine)) above.push(...b);
    else out.push(b);
    return out;
  }, []);
  return dated.flatMap((lines) => {
    const text = lines.join("\n");
    const level = levelOf(text);
    const institutionLine = lines.find((l) => INSTITUTION.test(l));
    if (!level && !institutionLine) return [];
    const range = findDateRanges(text)[0];
    const year = range ? undefined : text.match(/\b((?:19|20)\d\d)\b/)?.[1];
    // The degree's own words, without the institution that often shares its line.
    const degreeLine = (lines.find((l) => levelOf(l) !== null) ?? "")
      .split(/\s*[|,]\s*|\s+[–—-]\s+/)
      .filter((p) => !INSTITUTION.test(p))
      .join(", ")
      // "Bachelor of Science in Mathematics": the field is what follows "in", not "of Science".
      .replace(
        /\b(bachelor|master|doctor)(?:'?s)? of (science|arts|engineering|philosophy|business administration)\b/gi,
        "$1",
      );
    const field = (degreeLine.match(FIELD)?.[1] ?? degreeLine.match(DEGREE_ABBREVIATION)?.[1] ?? null)?.replace(
      /[,\s]+$/,
      "",
    );
    const institution = institutionLine
      ?.split(/\s*[|,]\s*|\s+[–—-]\s+/)
      .find((p) => INSTITUTION.test(p))
      ?.replace(/\(?\b(?:19|20)\d\d\b.*$/, "")
      .trim();
    return [
      {
        level,
        field: field && !INSTITUTION.test(field) ? field : null,
        institution: institution ?? null,
        start: range?.start ?? null,
        end: range?.end ?? (year ? `${year}-06` : null),
      },
    ];
  });
}

const DATE_WORD =
  /^(?:issued?|expires?|expired|expiry|expiration|valid|until|till|through|from|to|on|dated?|obtained|completed|earned|awarded|since|present|no|and|in)$/i;
/** "Issued Mar 2021", "2020", "Jan 2019 - Jan 2022": a line with a year and no other words. */
const isDateLine = (line: string) =>
  /\b(?:19|20)\d\d\b/.test(line) && (line.match(/\p{L}+/gu) ?? []).every((w) => isMonthWord(w) || DATE_WORD.test(w));

function readCertifications(section: string) {
  const certifications: { name: string; issuer: string | null; date: string | null }[] = [];
  for (const line of unwrapCertifications(section).map(stripBullet)) {
    if (line.length <= 2) continue;
    const date = line.match(/\b((?:19|20)\d\d)\b/)?.[1] ?? null;
    // A date line under a certification dates it (its first year, the issue's); it had been read
    // as a certification of its own. One under a dated certification, or under none, says nothing more.
    if (isDateLine(line)) {
      const above = certifications.at(-1);
      if (above && above.date === null) above.date = date;
      continue;
    }
    certifications.push(readCertification(line, date));
  }
  return certifications;
}

/**
 * The section's lines, each certification's name on one line where blank lines set apart
 * certifications that each end with a date line: a narrow column wraps a name ("Python for
 * Everybody" / "Specialization, University" / "of Michigan (Coursera)" / "Nov 2025"), and each
 * wrapped line had been a certification. A block of bulleted lines is a list, never joined; one
 * dash may start a wrapped line (" - Associate, Amazon Web" / "Services").
 */
function unwrapCertifications(section: string): string[] {
  const blocks = section
    .split(/\n[ \t]*\n/)
    .map((b) => b.split("\n").filter((l) => l.trim()))
    .filter((b) => b.length > 0);
  const wrapped =
    blocks.length >= 2 &&
    blocks.every(
      (b) =>
        isDateLine(b.at(-1) as string) &&
        !b.slice(0, -1).some(isDateLine) &&
        b.filter((l) => BULLET.test(l)).length < 2,
    );
  if (!wrapped) return section.split("\n");
  return blocks.flatMap((b) => [
    b
      .slice(0, -1)
      .map((l) => l.trim())
      .join(" "),
    b.at(-1) as string,
  ]);
}

function readCertification(line: string, date: string | null) {
  const pieces = line
    .replace(/\(?\b(?:19|20)\d\d\b\)?/, "")
    .split(/\s+[–—-]\s+|\s*[|,]\s*|\s+by\s+/)
    .map((p) => p.trim())
    .filter(Boolean);
  // "Name - Part two - Issuer": the issuer is the last piece, the name everything before it.
  const issuer = pieces.length > 1 ? (pieces.at(-1) as string) : null;
  const name = pieces.length > 1 ? pieces.slice(0, -1).join(" - ") : (pieces[0] ?? line);
  return { name, issuer, date };
}

/** "Tools: Python, XGBoost": what a project was built with, which had been read as a project named "Tools". */
const TOOLS_LABEL =
  /^(?:tools|technolog(?:y|ies)|tech(?:nology)? stack|stack|tech|built with|environment|skills)(?: used)?\s*:/i;

/**
 * "github.com/jane/bayes-ab", "Code: https://...": a project's address on its own line, which says
 * where the project above lives; it had started a project named by the address. Projects have no
 * link field, so it stays in the description.
 */
const isLinkLine = (t: string) => {
  const address = t.replace(/^[\p{L} ]{1,20}:\s*/u, "");
  return isLink(address) && findLinks(address)[0] === address;
};

/** A short line that is not a bullet starts a project; the lines under it, and its tools line, describe it. */
function readProjects(span: SectionSpan, all: Line[], skillsIn: (s: number, e: number) => string[]) {
  const blocks = blocksOf(linesIn(all, span));
  const lines = blocks.flat();
  // Blank lines around projects of several lines each (as a PDF lays them out) say where each
  // starts: a PDF loses its bullets, and its duties and wrapped lines had each become a project.
  const apart = blocks.filter((b) => b.length > 1 && !BULLET.test((b[0] as Line).text)).length >= 2;
  const firsts = new Set(blocks.map((b) => b[0]));
  // A block with no bullets that ends with its tools line (a PDF's, which lost its bullets) starts
  // projects only at its top and after a tools line: the lines between are the project's, and a
  // lone project's duties had each become a project of their own.
  const closed = new Set<Line>();
  const starts = new Set<Line>();
  for (const b of blocks) {
    if (b.length < 3 || b.some((l) => BULLET.test(l.text)) || !TOOLS_LABEL.test((b.at(-1) as Line).text.trim()))
      continue;
    for (const [i, l] of b.entries()) {
      closed.add(l);
      if (i === 0 || TOOLS_LABEL.test((b[i - 1] as Line).text.trim())) starts.add(l);
    }
  }
  const projects: { name: string; description: string; skills: string[]; start: number; end: number }[] = [];
  for (const l of lines) {
    const t = l.text.trim();
    const current = projects.at(-1);
    if (
      !BULLET.test(l.text) &&
      (!apart || firsts.has(l)) &&
      (!closed.has(l) || starts.has(l)) &&
      t.length <= 90 &&
      (!current || current.description || !current.name) &&
      !(current && (TOOLS_LABEL.test(t) || isLinkLine(t)))
    ) {
      const [name, ...rest] = t.split(/:\s+|\s+[–—-]\s+/);
      projects.push({
        name: (name ?? t).trim(),
        description: rest.join(" - "),
        skills: [],
        start: l.start,
        end: l.end,
      });
    } else if (current) {
      current.description = [current.description, stripBullet(t)].filter(Boolean).join("\n");
      current.end = l.end;
    }
  }
  return projects.map(({ start, end, ...p }) => ({ ...p, skills: skillsIn(start, end) }));
}

/** The runs of non-blank lines. */
function blocksOf(lines: Line[]): Line[][] {
  const blocks: Line[][] = [[]];
  for (const l of lines) {
    if (l.text.trim()) blocks.at(-1)?.push(l);
    else if (blocks.at(-1)?.length) blocks.push([]);
  }
  return blocks.filter((b) => b.length > 0);
}

const NAME_SHAPE = /^[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){1,3}$/u;
/** "Curriculum Vitae", "RESUME", "Sample Resume", "CV": what the document is, not whose. */
const DOCUMENT_WORDS = "r[eé]sum[eé]|curriculum|vitae|cv|bio-?data";
const DOCUMENT_TITLE = new RegExp(String.raw`(?<!\p{L})(?:${DOCUMENT_WORDS})(?!\p{L})`, "iu");
/** The document's words, the words written around them, and anything not a letter. */
const DOCUMENT_TITLE_PARTS = new RegExp(
  String.raw`(?<!\p{L})(?:${DOCUMENT_WORDS}|sample|example|template|professional|my|of)(?!\p{L})|[^\p{L}]`,
  "giu",
);
/** "CURRICULUM VITAE", "Sample resume", "RESUME OF": a line that names the document and nothing else. */
const isDocumentTitle = (line: string) => DOCUMENT_TITLE.test(line) && line.replace(DOCUMENT_TITLE_PARTS, "") === "";
/**
 * Words in the header's other short capitalised lines, which no one's name holds: a label's
 * ("Phone Number", "Personal Details"), a heading's ("Areas of Expertise"), an address's
 * ("Frontier Road") or an employer's.
 */
const NOT_NAME =
  /(?<!\p{L})(?:template|sample|examples?|name|title|phone|mobile|e-?mail|address|contact|details|particulars|data|information|summary|profile|objective|skills|qualifications|strengths|expertise|experience|education|achievements|accomplishments|responsibilities|highlights|department|limited|ltd|inc|llc|pvt|road|rd|street|avenue|nagar|building|blvd)(?!\p{L})/iu;
/** Two to four capitalised words that are not a heading, a document title, a job title or an institution. */
const isName = (line: string) =>
  NAME_SHAPE.test(line) &&
  !DOCUMENT_TITLE.test(line) &&
  !NOT_NAME.test(line) &&
  !INSTITUTION.test(line) &&
  !TITLE_WORDS.test(line) &&
  headingOf(line) === undefined;

/**
 * A header line that says what the person does: the line after the name had been taken whatever it
 * was (an address, "Personal Information", a phone line), and no headline is better than a wrong one.
 */
const isHeadline = (line: string) =>
  (TITLE_WORDS.test(line) || HEADLINE_WORDS.test(line)) &&
  // A lower-case start is a wrapped sentence's second line; a closing colon, a label's; a bullet, a list's item.
  !/^\p{Ll}/u.test(line) &&
  !BULLET.test(line) &&
  !/:\s*$/.test(line) &&
  // "Summary: Marketing analyst with 4 years...": a section written inline, not a headline.
  (!line.includes(":") || headingOf(line.slice(0, line.indexOf(":"))) === undefined) &&
  !CUT_OFF.test(line) &&
  !INSTITUTION.test(line);
/**
 * "Experienced Product Manager with a", "Data Scientist and", "building search,": a line that stops
 * on a function word or a comma is the first line of a wrapped sentence, half a thought.
 */
const CUT_OFF =
  /(?:\b(?:a|an|the|with|and|or|of|in|for|to|at|on|by|from|as|into|who|that|which|including|across|over|under|via)|[,&;–—-])\s*$/i;
/** Words of a headline beyond a job's title words; "Graduate School" is an institution. */
const HEADLINE_WORDS =
  /\b(?:graduate(?!\s+(?:school|education|studies|program))|practitioner|enthusiast|freelancer|trainer|leader)\b/i;

/**
 * The text with addresses a narrow column or a full line wrapped joined again: at a dash or a slash
 * ("grace-" / "whitfield.example.com", "linkedin.com/in/grace-" / "whitfield-sample"), or before
 * the last letters of an email's domain ("...@example.co" / "m"). A PDF's addresses had been read
 * cut ("whitfield.example.com", "linkedin.com/in/grace-", "grace@example.co"). Used only to find
 * addresses, so no offset into the text moves.
 */
const unwrapAddresses = (text: string) =>
  text
    .replace(/(?<=\w[-/])\n(?=\w)/g, "")
    // Only into a common ending: "ki.net" / "th" is an address and a stray word.
    .replace(/(@[\w-]+(?:\.[\w-]+)*\.)(\w+)\n([a-z]{1,3})$/gm, (all, domain, cut, rest) =>
      /^(?:com|org|net|edu|gov|info)$/.test(cut + rest) ? domain + cut + rest : all,
    );

/**
 * Name, contact details and headline from the top of the resume (or anywhere, for contact). With
 * `stated`, the text was written from a headline field (a JSON Resume's label, LinkedIn's
 * headline), which is taken as written.
 */
function readHeader(text: string, sections: SectionSpan[], linkTargets: string[], stated: boolean) {
  const header = sections.find((s) => s.section === "header");
  const top = text.slice(0, header && header.end > 0 ? Math.min(header.end, 1500) : 600);
  const unwrapped = unwrapAddresses(text);
  const email = findEmail(unwrapped);
  const phone = findPhone(top);
  const found = [unwrapped, ...linkTargets].flatMap(findLinks).filter(isLink);
  // "github.com/jane" and "https://github.com/jane/" are one link, written twice when a Markdown
  // link's text spells out its address.
  const key = (l: string) =>
    l
      .replace(/^https?:\/\/(?:www\.)?|^www\./i, "")
      .replace(/\/$/, "")
      .toLowerCase();
  const byKey = new Map<string, string>();
  for (const l of found) if (!email?.includes(l) && !byKey.has(key(l))) byKey.set(key(l), l);
  const links = [...byKey.values()].slice(0, 8);
  const candidates = top
    .split("\n")
    // A quote left open is a spreadsheet cell's ('"Jane Doe' in a CSV export), no part of the line.
    .map((l) => l.trim().replace(/^["“](?=[^"“”]*$)/, ""))
    .filter((l) => l && !findEmail(l) && !findPhone(l) && !/https?:|www\.|linkedin|github/i.test(l));
  const name = candidates.find(isName) ?? null;
  const headline =
    candidates.find(
      (l) => l !== name && l.length <= 120 && !/^\d/.test(l) && !isDocumentTitle(l) && (stated || isHeadline(l)),
    ) ?? null;
  return { contact: { name, email, phone, links }, headline };
}

/**
 * Total years of experience: the dated jobs' (overlaps once) when the resume states no total or
 * agrees with them within a year, else the stated total. People know their own total, while job
 * lists are often partial and "Present" means the day the resume was written, which may be
 * years before it is read. A figure tied to one skill ("2 years of deep learning") is not a
 * total and does not override dated jobs. The profile warns when the two disagree.
 */
function yearsOf(dated: number | null, stated: Stated | null): number {
  if (stated === null) return dated ?? 0;
  if (dated === null) return stated.years;
  return Math.abs(stated.years - dated) <= 1 || !stated.total ? dated : stated.years;
}

interface Stated {
  years: number;
  /** False when a skill is named straight after it: "3 years of Python". */
  total: boolean;
}

/** The total a person states near the top of their resume ("Data scientist with more than twelve years of experience"). */
function statedYears(text: string, skills: { mentions: { start: number }[] }[]): Stated | null {
  const found = findMinYears(text.slice(0, STATED_WITHIN));
  if (!found || found.years <= 0) return null;
  // "3 years of Python", "5+ years Spark": a skill straight after the years; "7 years of
  // experience in statistics and ML" is a career told by its fields, still a total.
  const forSkill = skills.some((s) =>
    s.mentions.some((m) => m.start >= found.end && /^[\s'’]*(?:of\s+)?$/i.test(text.slice(found.end, m.start))),
  );
  return { years: found.years, total: !forSkill };
}
