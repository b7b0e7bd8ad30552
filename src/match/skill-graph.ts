import type { KnowledgePack, Skill } from "../knowledge/schema.js";

/** The prerequisite graph of the taxonomy, with transitive look-ups memoised per pack. */
export interface SkillGraph {
  skill(id: string): Skill | undefined;
  /** Every skill that must come before `id`, however far back. */
  ancestors(id: string): Set<string>;
  /** How many skills list `id` as a direct prerequisite: hubs like Python have many. */
  dependents(id: string): number;
}

export function createSkillGraph(pack: KnowledgePack): SkillGraph {
  const skills = new Map(pack.skills.map((s) => [s.id, s]));
  const memo = new Map<string, Set<string>>();
  const ancestors = (id: string, seen = new Set<string>()): Set<string> => {
    const cached = memo.get(id);
    if (cached) return cached;
    const out = new Set<string>();
    // The pack is checked acyclic at load; `seen` only guards against a hand-built graph.
    if (seen.has(id)) return out;
    seen.add(id);
    for (const p of skills.get(id)?.prerequisites ?? []) {
      out.add(p);
      for (const a of ancestors(p, seen)) out.add(a);
    }
    memo.set(id, out);
    return out;
  };
  const dependents = new Map<string, number>();
  for (const s of pack.skills) for (const p of s.prerequisites) dependents.set(p, (dependents.get(p) ?? 0) + 1);
  return {
    skill: (id) => skills.get(id),
    ancestors: (id) => ancestors(id),
    dependents: (id) => dependents.get(id) ?? 0,
  };
}
