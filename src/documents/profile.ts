import { z } from "zod";
import type { PackIndex } from "../knowledge/query.js";
import { SkillCategory } from "../knowledge/schema.js";

/** Where in a resume a skill was seen; a skill used in a job is stronger evidence than a listed one. */
export const SKILL_SOURCES = [
  "experience",
  "project",
  "skills",
  "certification",
  "education",
  "summary",
  "other",
] as const;
export const SkillSource = z.enum(SKILL_SOURCES);
export type SkillSource = z.infer<typeof SkillSource>;

/**
 * A calendar month in a working life: "2030-99" had passed as one, and a job begun in "0000-01"
 * was counted as 60 years' experience; every date sum after them was wrong.
 */
const YearMonth = z
  .string()
  .regex(/^(?:19\d\d|20\d\d|2100)-(?:0[1-9]|1[0-2])$/, "must be a month as YYYY-MM, from 1900 to 2100");

/**
 * An entry that ends before it starts is refused: fit counted it as no time at all, without a
 * word. The resume readers never make one (they drop a backwards range, with a warning).
 */
const inOrder = (e: { start: string | null; end: string | null }, ctx: z.RefinementCtx) => {
  if (e.start && e.end && e.end !== "present" && e.end < e.start)
    ctx.addIssue({ code: "custom", path: ["end"], message: `ends (${e.end}) before it starts (${e.start})` });
};

export const ProfileSkill = z.strictObject({
  id: z.string(),
  name: z.string(),
  category: SkillCategory,
  /** The strongest place the skill was seen (experience first), and every place it was seen. */
  source: SkillSource,
  sources: z.array(SkillSource),
  mentions: z.array(
    z.strictObject({
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      /** The whole line that proves the skill, for showing as evidence. */
      line: z.string(),
      source: SkillSource,
    }),
  ),
});
export type ProfileSkill = z.infer<typeof ProfileSkill>;

export const Experience = z
  .strictObject({
    title: z.string(),
    organisation: z.string().nullable(),
    start: YearMonth.nullable(),
    end: z.union([YearMonth, z.literal("present")]).nullable(),
    description: z.string(),
    roleId: z.string().nullable(),
    skills: z.array(z.string()),
  })
  .superRefine(inOrder);
export type Experience = z.infer<typeof Experience>;

export const Education = z
  .strictObject({
    level: z.enum(["associate", "bachelor", "master", "phd"]).nullable(),
    field: z.string().nullable(),
    institution: z.string().nullable(),
    start: YearMonth.nullable(),
    end: z.union([YearMonth, z.literal("present")]).nullable(),
  })
  .superRefine(inOrder);
export type Education = z.infer<typeof Education>;

/** Longer than any working life: a profile claiming more (1e308 was taken) is not a person's. */
export const MAX_CAREER_YEARS = 80;

/**
 * What mlpath knows about one person, read from their resume: the input to fit, gap and plan.
 * Closed at every level, so a field it does not have is refused by name: inside a skill or a job
 * (a misspelt "skils" or "strat"), the API had dropped it without a word, and the person's data
 * with it. The resume readers write exactly these fields, so a profile `mlpath resume --json`
 * printed is taken back as it is (test/resume-api.test.ts).
 */
export const Profile = z.strictObject({
  contact: z.strictObject({
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    links: z.array(z.string()),
  }),
  headline: z.string().nullable(),
  skills: z.array(ProfileSkill),
  experience: z.array(Experience),
  education: z.array(Education),
  certifications: z.array(
    z.strictObject({ name: z.string(), issuer: z.string().nullable(), date: z.string().nullable() }),
  ),
  projects: z.array(z.strictObject({ name: z.string(), description: z.string(), skills: z.array(z.string()) })),
  /** Years of professional experience, overlapping jobs counted once, internships left out. */
  years: z.number().nonnegative().max(MAX_CAREER_YEARS),
  warnings: z.array(z.string()),
  /** How the resume was read: its format and, for PDFs, pages and columns. */
  document: z.strictObject({
    format: z.enum(["pdf", "docx", "text", "jsonresume", "linkedin"]),
    pages: z.number().int().optional(),
    columns: z.array(z.number().int()).optional(),
  }),
});
export type Profile = z.infer<typeof Profile>;

const LISTED_BY = { skill: "`mlpath skills NAME` or GET /api/skills?q=NAME", role: "`mlpath roles` or GET /api/roles" };

/**
 * A profile written by a client (the API, a hand-edited file) whose skill and role ids must be
 * the pack's: an unknown id ("pythn") was passed over by fit, plan and search, so the person
 * believed a skill was counted that never was. Profiles mlpath reads itself need no such check.
 */
export function profileOfPack(index: PackIndex) {
  return Profile.superRefine((p, ctx) => {
    const unknown = (path: (string | number)[], id: string, kind: keyof typeof LISTED_BY) =>
      ctx.addIssue({
        code: "custom",
        path,
        message: `"${id.slice(0, 80)}" is not a ${kind} id of the pack (${LISTED_BY[kind]} lists them)`,
      });
    for (const [i, s] of p.skills.entries()) if (!index.skills.has(s.id)) unknown(["skills", i, "id"], s.id, "skill");
    for (const [i, e] of p.experience.entries()) {
      if (e.roleId !== null && !index.roles.has(e.roleId)) unknown(["experience", i, "roleId"], e.roleId, "role");
      for (const [j, id] of e.skills.entries())
        if (!index.skills.has(id)) unknown(["experience", i, "skills", j], id, "skill");
    }
    for (const [i, x] of p.projects.entries())
      for (const [j, id] of x.skills.entries())
        if (!index.skills.has(id)) unknown(["projects", i, "skills", j], id, "skill");
  });
}
