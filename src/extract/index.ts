import { z } from "zod";
import { type KnowledgePack, Seniority } from "../knowledge/schema.js";
import { maskMarkup } from "../text/markup-mask.js";
import { KeyCache, tokenize } from "../text/tokens.js";
import { extractDegree } from "./degree.js";
import { extractMinYears } from "./experience.js";
import { createRoleClassifier } from "./role.js";
import { extractSalary, Salary } from "./salary.js";
import { extractSeniority } from "./seniority.js";
import { createSkillExtractor, SkillFound } from "./skills.js";

/** The contract of DESIGN.md: what `mlpath extract` prints and what the store keeps per posting. */
export const ExtractResult = z.object({
  id: z.string().optional(),
  skills: z.array(SkillFound),
  role: z.object({ id: z.string(), name: z.string(), confidence: z.number().min(0).max(1) }).nullable(),
  seniority: Seniority.nullable(),
  minYears: z.number().nonnegative().nullable(),
  degree: z.enum(["bachelor", "master", "phd"]).nullable(),
  salary: Salary.nullable(),
});
export type ExtractResult = z.infer<typeof ExtractResult>;

export const PostingInput = z.object({
  id: z.string().optional(),
  title: z.string().optional(),
  text: z.string(),
});
export type PostingInput = z.infer<typeof PostingInput>;

/** "other" when no role of the pack fits: the posting is outside machine learning and data. */
const OTHER = { id: "other", name: "Other", confidence: 0 };

/**
 * Builds the extractor once per knowledge pack (the matchers are the costly part); the returned
 * function is pure and reads one posting.
 */
export function createExtractor(pack: KnowledgePack) {
  const extractSkills = createSkillExtractor(pack);
  const classifyRole = createRoleClassifier(pack);
  // Folding words to keys is the costly part of tokenising; postings share their vocabulary.
  const keys = new KeyCache();
  return function extractPosting(input: PostingInput): ExtractResult {
    // Markup blanked in place: offsets still point into the text as given.
    const text = maskMarkup(input.text);
    const title = input.title ?? firstLine(text);
    const tokens = tokenize(text, keys);
    const found = extractSkills(text, tokens);
    // A mention quotes the text as given ("Python&nbsp;3"), not its blanked form.
    const skills =
      text === input.text
        ? found
        : found.map((s) => ({
            ...s,
            mentions: s.mentions.map((m) => ({ ...m, text: input.text.slice(m.start, m.end) })),
          }));
    const minYears = extractMinYears(text, input.title);
    const skillIds = skills.map((s) => s.id);
    const role = classifyRole(title, tokens, skillIds) ?? { ...OTHER };
    return {
      ...(input.id !== undefined ? { id: input.id } : {}),
      skills,
      role,
      seniority: extractSeniority(title, text, minYears),
      minYears,
      degree: extractDegree(text),
      salary: extractSalary(text),
    };
  };
}

/** A posting without a title usually opens with it. */
const firstLine = (text: string) => text.trimStart().split("\n", 1)[0]?.slice(0, 120) ?? "";
