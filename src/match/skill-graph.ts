import type { KnowledgePack, Skill } from "../knowledge/schema.js";

/**
 * The prerequisite graph of the taxonomy, with transitive look-ups memoised per pack, and the
 * pack's groups of interchangeable skills.
 */
export interface SkillGraph {
  skill(id: string): Skill | undefined;
  /** Every skill that must come before `id`, however far back. */
  ancestors(id: string): Set<string>;
  /** The other members of the group of alternatives `id` is in (knowledge/alternatives.yaml). */
  alternatives(id: string): ReadonlySet<string>;
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
  const peers = new Map<string, Set<string>>();
  for (const group of pack.alternatives) {
    for (const id of group.skills) {
      const set = peers.get(id) ?? new Set<string>();
      for (const other of group.skills) if (other !== id) set.add(other);
      peers.set(id, set);
    }
  }
  const none: ReadonlySet<string> = new Set();
  return {
    skill: (id) => skills.get(id),
    ancestors: (id) => ancestors(id),
    alternatives: (id) => peers.get(id) ?? none,
  };
}
