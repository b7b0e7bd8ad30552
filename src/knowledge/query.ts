import { AppError } from "../errors.js";
import { aliasKey } from "./check.js";
import type { KnowledgePack, Role, Skill, SkillCategory, Source } from "./schema.js";

/** Indexes built once per pack so look-ups by id are O(1). */
export interface PackIndex {
  pack: KnowledgePack;
  skills: Map<string, Skill>;
  roles: Map<string, Role>;
  sources: Map<string, Source>;
}

export const indexPack = (pack: KnowledgePack): PackIndex => ({
  pack,
  skills: new Map(pack.skills.map((s) => [s.id, s])),
  roles: new Map(pack.roles.map((r) => [r.id, r])),
  sources: new Map(pack.sources.map((s) => [s.id, s])),
});

/** The pack's names for skill and role ids, for results that carry ids (ranked postings). */
export const packNames = (index: PackIndex) => ({
  skill: (id: string) => index.skills.get(id)?.name,
  role: (id: string) => index.roles.get(id)?.name,
});

/** Said by the CLI and the API alike, so each names both ways to the list. */
const ROLES_LISTED = "`mlpath roles` or GET /api/roles lists them";

export function getRole(index: PackIndex, id: string): Role {
  if (!id.trim()) throw new AppError("INVALID_INPUT", "the role id is empty", { hint: ROLES_LISTED });
  const role = index.roles.get(id.trim().toLowerCase());
  if (role) return role;
  const near = closest(id, [...index.roles.keys()]);
  throw new AppError("NOT_FOUND", `unknown role id "${id}"`, {
    hint: near ? `did you mean "${near}"? ${ROLES_LISTED}` : ROLES_LISTED,
  });
}

export interface SkillHit {
  skill: Skill;
  /** 3 exact name or alias, 2 prefix of one, 1 inside one or a word of the description. */
  match: 1 | 2 | 3;
}

/** Whether `q` starts one of the words of `text` (both alias keys: words are single-spaced). */
const startsAWord = (text: string, q: string) => ` ${text}`.includes(` ${q}`);

/**
 * Whether `q` is found inside a name: anywhere for a query of four letters or more ("torch" finds
 * PyTorch), at a word's start for a shorter one, as "rag" had found 17 skills through "storage".
 */
const inName = (name: string, q: string) => (q.length >= 4 ? name.includes(q) : startsAWord(name, q));

/**
 * Finds skills by id, name or alias, best match first: exact, then prefix, then inside a name or
 * at a word's start in the description (see `inName`).
 * An empty query returns every skill (optionally of one category) in name order.
 */
export function searchSkills(pack: KnowledgePack, query = "", category?: SkillCategory): SkillHit[] {
  const q = aliasKey(query);
  const hits: SkillHit[] = [];
  for (const skill of pack.skills) {
    if (category && skill.category !== category) continue;
    if (!q) {
      hits.push({ skill, match: 1 });
      continue;
    }
    const names = [skill.id.replace(/-/g, " "), skill.name, ...skill.aliases].map(aliasKey);
    const match = names.some((n) => n === q)
      ? 3
      : names.some((n) => n.startsWith(q))
        ? 2
        : names.some((n) => inName(n, q)) || startsAWord(aliasKey(skill.description ?? ""), q)
          ? 1
          : 0;
    if (match) hits.push({ skill, match });
  }
  return hits.sort((a, b) => b.match - a.match || a.skill.name.localeCompare(b.skill.name));
}

/** The candidate within a small edit distance of `input`, for "did you mean" hints. */
export function closest(input: string, candidates: string[]): string | undefined {
  const a = input.trim().toLowerCase();
  // Every candidate contains the empty string: it would be "near" the first of them.
  if (!a) return undefined;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(a.length / 3)) + 1;
  for (const c of candidates) {
    const d = c.includes(a) || a.includes(c) ? 1 : editDistance(a, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/** A role with its skill ids resolved and its facts' sources attached, as the CLI and API show it. */
export function describeRole(index: PackIndex, role: Role) {
  const skill = (id: string) => index.skills.get(id);
  const withSkill = (r: { skill: string; weight: 1 | 2 | 3 }) => ({
    ...r,
    name: skill(r.skill)?.name ?? r.skill,
    category: skill(r.skill)?.category,
  });
  const byWeight = (a: { weight: number }, b: { weight: number }) => b.weight - a.weight;
  const routes = new Map(index.pack.education.map((e) => [e.id, e]));
  const industries = new Map(index.pack.industries.map((i) => [i.id, i]));
  return {
    ...role,
    skills: {
      required: role.skills.required.map(withSkill).sort(byWeight),
      preferred: role.skills.preferred.map(withSkill).sort(byWeight),
    },
    educationRoutes: role.education.flatMap((id) => {
      const r = routes.get(id);
      return r ? [{ id, name: r.name, kind: r.kind, months: r.months, cost: r.cost }] : [];
    }),
    salary: role.salary.map((f) => ({ ...f, sourceDetail: index.sources.get(f.source) })),
    outlook: role.outlook.map((f) => ({ ...f, sourceDetail: index.sources.get(f.source) })),
    industryNames: role.industries.map((id) => industries.get(id)?.name ?? id),
    communities: index.pack.communities
      .filter((c) => c.roles.includes(role.id))
      .map((c) => ({ id: c.id, name: c.name, kind: c.kind, url: c.url })),
  };
}
export type RoleDescription = ReturnType<typeof describeRole>;

/** The skill a name or alias names exactly, or NOT_FOUND with where to look. */
export function getSkill(pack: KnowledgePack, name: string): Skill {
  const hit = searchSkills(pack, name)[0];
  if (!hit || hit.match < 3)
    throw new AppError("NOT_FOUND", `unknown skill "${name}"`, { hint: "see `mlpath skills QUERY`" });
  return hit.skill;
}
