import type { ExtractResult, RoleDetail } from "./api.js";

export interface Suggestion {
  kind: "missing-skills" | "unrealistic" | "salary" | "role";
  text: string;
}

/**
 * The role a posting reads as, and how sure the reading is; a posting outside the pack's roles
 * says so, with no share ("Other 0% sure" had stood there: the reading is always 0 for it).
 */
export function roleReading(role: ExtractResult["role"]): { name: string; sure: number | null } {
  if (!role) return { name: "not recognised", sure: null };
  if (role.id === "other") return { name: "none of the known roles", sure: null };
  return { name: role.name, sure: role.confidence };
}

/** Past this many distinct skills a posting reads as a wish list rather than a job. */
export const MAX_SKILLS = 25;
const JUNIOR = new Set(["intern", "entry"]);

/**
 * What a hiring manager could fix in a posting, from what mlpath read in it: core skills of the
 * role it reads as that it does not ask for, requirements that contradict each other, and a
 * missing salary. `role` is the role's description, when the posting reads as one.
 */
export function reviewPosting(result: ExtractResult, role: RoleDetail | null): Suggestion[] {
  const out: Suggestion[] = [];
  const asked = new Set(result.skills.map((s) => s.id));
  if (!result.role || result.role.id === "other") {
    out.push({
      kind: "role",
      text: "The posting does not read as one of the known ML roles; a standard title helps the right people find it.",
    });
  }
  if (role) {
    const missing = role.skills.required.filter((s) => s.weight >= 2 && !asked.has(s.skill)).map((s) => s.name);
    if (missing.length) {
      out.push({
        kind: "missing-skills",
        text: `${role.name} roles usually ask for ${missing.join(", ")}; this posting does not mention ${missing.length === 1 ? "it" : "them"}.`,
      });
    }
  }
  const junior = result.seniority !== null && JUNIOR.has(result.seniority);
  if (junior && result.minYears !== null && result.minYears >= 5) {
    out.push({
      kind: "unrealistic",
      text: `It reads as ${result.seniority} level but asks for ${result.minYears}+ years of experience.`,
    });
  }
  if (junior && result.degree === "phd") {
    out.push({
      kind: "unrealistic",
      text: `It asks for a PhD for an ${result.seniority === "intern" ? "internship" : "entry-level role"}.`,
    });
  }
  if (result.skills.length > MAX_SKILLS) {
    out.push({
      kind: "unrealistic",
      text: `It asks for ${result.skills.length} distinct skills; few people have more than ${MAX_SKILLS}, so name the ones that matter.`,
    });
  }
  if (!result.salary) {
    out.push({
      kind: "salary",
      text: "No salary is stated. A range lets people judge the fit, and pay-transparency rules in several places require one.",
    });
  }
  return out;
}
