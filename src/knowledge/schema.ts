import { z } from "zod";

/** Stable ids are kebab-case ASCII so they survive URLs, SQL and file names. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9, single hyphens)");

/**
 * A name or title: shown in headings, table cells and calendar lines, where a line break inside it
 * (a YAML block scalar) broke a plan's Markdown heading.
 */
const Label = z.string().regex(/^[^\u0000-\u001f\u007f]+$/, "must be one line of text, without control characters");

/** YAML reads a bare year as a number; accept it and keep every date a string. */
const asText = (v: unknown) => (typeof v === "number" ? String(v) : v);
const DateText = z.preprocess(
  asText,
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "must be YYYY, YYYY-MM or YYYY-MM-DD"),
);
const MonthText = z.preprocess(asText, z.string().regex(/^\d{4}(-\d{2})?$/, "must be YYYY or YYYY-MM"));

/** A source is cited by id from every fact that carries a number. */
export const Source = z.strictObject({
  id: Id,
  publisher: z.string().min(1),
  title: Label,
  url: z.url().optional(),
  dataset: z.string().optional(),
  /** When the figure was published or measured: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: DateText,
  licence: z.string().optional(),
  note: z.string().optional(),
});
export type Source = z.infer<typeof Source>;

export const SKILL_CATEGORIES = [
  "programming-language",
  "math",
  "ml-concept",
  "algorithm",
  "library",
  "data-engineering",
  "database",
  "mlops",
  "cloud",
  "genai",
  "domain",
  "engineering-practice",
  "visualization",
  "analytics",
  "product",
  "governance",
  "soft-skill",
  "spoken-language",
] as const;
export const SkillCategory = z.enum(SKILL_CATEGORIES);
export type SkillCategory = z.infer<typeof SkillCategory>;

export const Skill = z.strictObject({
  id: Id,
  name: Label,
  category: SkillCategory,
  /** Every other spelling a text may use; matched case-insensitively unless `caseSensitive` says otherwise. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Aliases that only count with their exact case ("R", "Go", "SAS"): ambiguous words in lower case. */
  caseSensitive: z.array(z.string().min(1)).default([]),
  /**
   * Phrasings that name the skill without a fixed alias: words in order, at most four words
   * apart within one sentence; a trailing * matches any ending ("deploy* ... model*" reads
   * "deploying our ML models").
   */
  patterns: z
    .array(
      z
        .string()
        .regex(
          /^[a-z0-9+#]{3,}\*?(?: \.\.\. [a-z0-9+#]+\*?)+$/,
          'must look like "deploy* ... model*" (first word 3+ letters)',
        ),
    )
    .default([]),
  prerequisites: z.array(Id).default([]),
  /** Typical hours of study and practice to reach a working level. */
  hours: z.number().int().positive().max(2000),
  description: z.string().optional(),
  esco: z.url().optional(),
  onet: z.string().optional(),
});
export type Skill = z.infer<typeof Skill>;

export const SENIORITY_LEVELS = ["intern", "entry", "mid", "senior", "lead", "executive"] as const;
export const Seniority = z.enum(SENIORITY_LEVELS);
export type Seniority = z.infer<typeof Seniority>;

export const SkillRequirement = z.strictObject({
  skill: Id,
  /** 3 = core of the role, 2 = important, 1 = useful. */
  weight: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});
export type SkillRequirement = z.infer<typeof SkillRequirement>;

/** The role ids other tools rely on (DESIGN.md). */
export const CORE_ROLE_IDS = [
  "ml-engineer",
  "data-scientist",
  "ai-research-scientist",
  "nlp-engineer",
  "computer-vision-engineer",
  "mlops-engineer",
  "deep-learning-engineer",
  "data-engineer",
  "data-analyst",
  "software-engineer",
  "ai-product-manager",
  "ml-manager",
  "ml-consultant",
  "ai-ethics-policy-analyst",
  "prompt-engineer",
  "ml-faculty",
  "freelance-ml",
] as const;

export const Money = z.strictObject({
  amount: z.number().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD"),
  period: z.enum(["year", "month", "hour"]),
});

/** A salary figure as published: a median (and optional percentiles) for a place, a level and a year. */
export const SalaryFact = z.strictObject({
  label: z.string().min(1),
  region: z.string().min(1),
  level: Seniority.optional(),
  statistic: z.enum(["median", "mean"]),
  amount: z.number().positive(),
  p25: z.number().positive().optional(),
  p75: z.number().positive().optional(),
  p10: z.number().positive().optional(),
  p90: z.number().positive().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  period: z.enum(["year", "month", "hour"]),
  n: z.number().int().positive().optional(),
  asOf: MonthText,
  source: Id,
});
export type SalaryFact = z.infer<typeof SalaryFact>;

export const OutlookFact = z.strictObject({
  label: z.string().min(1),
  region: z.string().min(1),
  /** Projected employment change over `period`, in percent. */
  growthPercent: z.number(),
  period: z.string().regex(/^\d{4}-\d{4}$/),
  employment: z.number().int().positive().optional(),
  annualOpenings: z.number().int().positive().optional(),
  source: Id,
});
export type OutlookFact = z.infer<typeof OutlookFact>;

export const Role = z.strictObject({
  id: Id,
  name: Label,
  summary: z.string().min(1),
  duties: z.array(z.string().min(1)).min(5),
  skills: z.strictObject({
    required: z.array(SkillRequirement).min(3),
    preferred: z.array(SkillRequirement).default([]),
  }),
  /** Ids from education.yaml routes. */
  education: z.array(Id).min(1),
  seniority: z.array(z.strictObject({ level: Seniority, title: Label, years: z.string().min(1) })).min(2),
  related: z.array(Id).default([]),
  /** Job titles that name this role, for title matching. */
  titles: z.array(z.string().min(1)).min(1),
  codes: z
    .strictObject({
      onet: z.array(z.strictObject({ code: z.string().regex(/^\d{2}-\d{4}\.\d{2}$/), title: z.string() })).default([]),
      esco: z.array(z.strictObject({ uri: z.url(), label: z.string() })).default([]),
    })
    .default({ onet: [], esco: [] }),
  salary: z.array(SalaryFact).default([]),
  outlook: z.array(OutlookFact).default([]),
  /** Ids from industries.yaml. */
  industries: z.array(Id).default([]),
});
export type Role = z.infer<typeof Role>;

export const CostRange = z.strictObject({
  min: z.number().nonnegative(),
  max: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

export const EducationRoute = z.strictObject({
  id: Id,
  name: Label,
  kind: z.enum(["degree", "certificate", "certification", "mooc", "bootcamp", "self-study"]),
  level: z.enum(["associate", "bachelor", "master", "phd"]).optional(),
  provider: z.string().optional(),
  description: z.string().min(1),
  /** Typical duration in months (full-time equivalent where the route is a degree). */
  months: z.strictObject({ min: z.number().positive(), max: z.number().positive() }),
  hours: z.number().int().positive().optional(),
  cost: CostRange.optional(),
  /** How long a certification stays valid, in years. */
  validityYears: z.number().positive().optional(),
  prerequisites: z.array(z.string()).default([]),
  skills: z.array(Id).default([]),
  url: z.url().optional(),
  source: Id,
});
export type EducationRoute = z.infer<typeof EducationRoute>;

export const Resource = z.strictObject({
  id: Id,
  title: Label,
  provider: z.string().min(1),
  kind: z.enum(["course", "book", "tutorial", "documentation", "video", "specialisation", "practice"]),
  hours: z.number().positive(),
  free: z.boolean(),
  url: z.url(),
  /** What it teaches first, then skills it only touches; a plan offers it first for its first skill. */
  skills: z.array(Id).min(1),
});
export type Resource = z.infer<typeof Resource>;

export const Community = z.strictObject({
  id: Id,
  name: Label,
  kind: z.enum(["forum", "open-source", "competition", "conference", "meetup", "newsletter", "organisation"]),
  url: z.url(),
  roles: z.array(Id).min(1),
  description: z.string().min(1),
});
export type Community = z.infer<typeof Community>;

export const Industry = z.strictObject({
  id: Id,
  name: Label,
  naics: z.string().optional(),
  description: z.string().min(1),
  /**
   * Lower-case phrases that name this industry in job-board industry and sector labels
   * ("it services and it consulting", "biotech & pharmaceuticals"); the longest match wins.
   */
  keywords: z.array(z.string().min(2)).default([]),
  /** Per-occupation figures from the cited source (e.g. BLS OEWS by industry). */
  figures: z
    .array(
      z.strictObject({
        occupation: z.string().min(1),
        roles: z.array(Id).min(1),
        employment: z.number().int().positive().optional(),
        meanWage: z.number().positive().optional(),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/)
          .default("USD"),
        asOf: MonthText,
        source: Id,
      }),
    )
    .default([]),
});
export type Industry = z.infer<typeof Industry>;

/** A portfolio project that proves a role's skills: the fourth milestone of a plan. */
export const ProjectIdea = z.strictObject({
  id: Id,
  role: Id,
  title: Label,
  description: z.string().min(1),
  skills: z.array(Id).min(1),
  hours: z.number().int().positive(),
  level: z.enum(["beginner", "intermediate", "advanced"]),
});
export type ProjectIdea = z.infer<typeof ProjectIdea>;

/**
 * Skills a hiring manager would take one for another after a short ramp-up (PyTorch and
 * TensorFlow, Airflow and Prefect): the only source of "a close alternative" credit in a fit.
 */
export const AlternativeGroup = z.strictObject({
  id: Id,
  /** Why the members are interchangeable: what they share that a ramp-up does not need to teach. */
  note: Label,
  skills: z.array(Id).min(2),
});
export type AlternativeGroup = z.infer<typeof AlternativeGroup>;

/** One file's worth of each kind; files hold lists so they can be split by topic. */
export const SkillsFile = z.strictObject({ skills: z.array(Skill) });
export const RoleFile = Role;
export const SourcesFile = z.strictObject({ sources: z.array(Source) });
export const EducationFile = z.strictObject({ routes: z.array(EducationRoute) });
export const ResourcesFile = z.strictObject({ resources: z.array(Resource) });
export const CommunitiesFile = z.strictObject({ communities: z.array(Community) });
export const IndustriesFile = z.strictObject({ industries: z.array(Industry) });
export const ProjectsFile = z.strictObject({ projects: z.array(ProjectIdea) });
export const AlternativesFile = z.strictObject({ groups: z.array(AlternativeGroup) });
/** Salary figures computed from a data set by a script; merged into the roles they name. */
export const RoleSalariesFile = z.strictObject({
  generatedBy: z.string().min(1),
  salaries: z.array(SalaryFact.extend({ role: Id })),
});

/** A yearly average exchange rate: how many US dollars one unit of `currency` bought in `year`. */
export const ExchangeRate = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/),
  year: z.number().int().min(1990).max(2100),
  usd: z.number().positive(),
  /** How many records the rate was read from. */
  n: z.number().int().positive(),
  source: Id,
});
export type ExchangeRate = z.infer<typeof ExchangeRate>;
/** Exchange rates read from a data set by a script. */
export const ExchangeRatesFile = z.strictObject({ generatedBy: z.string().min(1), rates: z.array(ExchangeRate) });

export interface KnowledgePack {
  sources: Source[];
  skills: Skill[];
  roles: Role[];
  education: EducationRoute[];
  resources: Resource[];
  communities: Community[];
  industries: Industry[];
  projects: ProjectIdea[];
  exchangeRates: ExchangeRate[];
  alternatives: AlternativeGroup[];
}
