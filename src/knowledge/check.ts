import { type KnowledgePack, SENIORITY_LEVELS } from "./schema.js";

/** A broken cross-reference or rule, located by the file and the item that breaks it. */
export interface Problem {
  file: string;
  where: string;
  message: string;
}

/** Where each item came from, so a problem can name its file. */
export type Origins = Map<object, string>;

/** Lower-cases and folds spacing/punctuation runs so "Scikit Learn" and "scikit-learn" collide. */
export const aliasKey = (s: string): string =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-_/]+/g, " ")
    .trim();

/**
 * Checks what a schema cannot: ids are unique, every reference points at something that exists,
 * no two skills claim the same name, the prerequisite graph has no cycle, and a skill is in at
 * most one group of alternatives.
 */
export function checkPack(pack: KnowledgePack, origins: Origins): Problem[] {
  const problems: Problem[] = [];
  const at = (item: object, where: string, message: string) =>
    problems.push({ file: origins.get(item) ?? "knowledge", where, message });

  const uniqueIds = <T extends { id: string }>(items: T[], kind: string) => {
    const seen = new Map<string, T>();
    for (const item of items) {
      const first = seen.get(item.id);
      if (first) at(item, `${kind} ${item.id}`, `duplicate id (first in ${origins.get(first) ?? "?"})`);
      else seen.set(item.id, item);
    }
    return seen;
  };
  const sources = uniqueIds(pack.sources, "source");
  const skills = uniqueIds(pack.skills, "skill");
  const roles = uniqueIds(pack.roles, "role");
  const routes = uniqueIds(pack.education, "route");
  const industries = uniqueIds(pack.industries, "industry");
  uniqueIds(pack.resources, "resource");
  uniqueIds(pack.communities, "community");
  uniqueIds(pack.projects, "project");

  const ref = (item: object, where: string, kind: string, ids: Map<string, unknown>, id: string) => {
    if (!ids.has(id)) at(item, where, `unknown ${kind} id "${id}"`);
  };

  const names = new Map<string, string>();
  for (const skill of pack.skills) {
    const where = `skill ${skill.id}`;
    for (const name of new Set([skill.name, ...skill.aliases].map(aliasKey))) {
      const owner = names.get(name);
      if (owner && owner !== skill.id) at(skill, where, `name or alias "${name}" is also claimed by skill ${owner}`);
      else names.set(name, skill.id);
    }
    if (!nameFitsId(skill.id, skill.name))
      at(skill, where, `name "${skill.name}" shares no word with its id: is it one product standing for a kind?`);
    // Names are matched in any case unless listed as case-sensitive, so a second spelling that
    // differs only in case adds nothing but a repeat in `mlpath skills` and in every ExtractResult.
    const spellings = new Map<string, string>();
    for (const name of [skill.name, ...skill.aliases]) {
      const key = skill.caseSensitive.includes(name) ? name : name.toLowerCase();
      const first = spellings.get(key);
      if (first !== undefined) at(skill, where, `"${name}" repeats "${first}"`);
      else spellings.set(key, name);
    }
    for (const alias of skill.caseSensitive) {
      if (!skill.aliases.includes(alias) && alias !== skill.name)
        at(skill, where, `caseSensitive entry "${alias}" is not one of its names`);
    }
    for (const p of skill.prerequisites) {
      ref(skill, `${where}.prerequisites`, "skill", skills, p);
      if (p === skill.id) at(skill, where, "lists itself as a prerequisite");
    }
  }
  for (const cycle of findCycles(pack.skills)) {
    const first = skills.get(cycle[0] as string);
    at(first ?? {}, `skill ${cycle[0]}`, `prerequisite cycle: ${cycle.join(" -> ")}`);
  }

  for (const role of pack.roles) {
    const where = `role ${role.id}`;
    const listed = new Set<string>();
    for (const [kind, reqs] of Object.entries(role.skills)) {
      for (const r of reqs) {
        ref(role, `${where}.skills.${kind}`, "skill", skills, r.skill);
        if (listed.has(r.skill)) at(role, `${where}.skills.${kind}`, `skill "${r.skill}" is listed twice`);
        listed.add(r.skill);
      }
    }
    checkLadder(role, (message) => at(role, `${where}.seniority`, message));
    for (const e of role.education) ref(role, `${where}.education`, "education route", routes, e);
    for (const r of role.related) ref(role, `${where}.related`, "role", roles, r);
    for (const i of role.industries) ref(role, `${where}.industries`, "industry", industries, i);
    for (const f of role.salary) ref(role, `${where}.salary`, "source", sources, f.source);
    for (const f of role.outlook) ref(role, `${where}.outlook`, "source", sources, f.source);
  }
  for (const route of pack.education) {
    ref(route, `route ${route.id}.source`, "source", sources, route.source);
    for (const s of route.skills) ref(route, `route ${route.id}.skills`, "skill", skills, s);
    if (route.months.min > route.months.max) at(route, `route ${route.id}.months`, "min is above max");
    if (route.cost && route.cost.min > route.cost.max) at(route, `route ${route.id}.cost`, "min is above max");
  }
  for (const res of pack.resources) {
    for (const s of res.skills) ref(res, `resource ${res.id}.skills`, "skill", skills, s);
  }
  for (const p of pack.projects) {
    ref(p, `project ${p.id}.role`, "role", roles, p.role);
    for (const s of p.skills) ref(p, `project ${p.id}.skills`, "skill", skills, s);
  }
  for (const c of pack.communities) {
    for (const r of c.roles) ref(c, `community ${c.id}.roles`, "role", roles, r);
  }
  for (const ind of pack.industries) {
    for (const f of ind.figures) {
      ref(ind, `industry ${ind.id}.figures`, "source", sources, f.source);
      for (const r of f.roles) ref(ind, `industry ${ind.id}.figures`, "role", roles, r);
    }
  }
  uniqueIds(pack.alternatives, "alternative group");
  const groupOf = new Map<string, string>();
  for (const group of pack.alternatives) {
    const where = `alternative group ${group.id}.skills`;
    const listed = new Set<string>();
    for (const id of group.skills) {
      ref(group, where, "skill", skills, id);
      if (listed.has(id)) at(group, where, `skill "${id}" is listed twice`);
      listed.add(id);
      const other = groupOf.get(id);
      // A skill in two groups would make each group's members alternatives of the other group's
      // through it, which no one wrote down: merge the groups or keep the skill in one.
      if (other && other !== group.id) at(group, where, `skill "${id}" is already in group ${other}`);
      else groupOf.set(id, group.id);
    }
  }
  const rateKeys = new Set<string>();
  for (const rate of pack.exchangeRates) {
    const where = `exchange rate ${rate.currency} ${rate.year}`;
    ref(rate, where, "source", sources, rate.source);
    const key = `${rate.currency}|${rate.year}`;
    if (rateKeys.has(key)) at(rate, where, "stated twice");
    rateKeys.add(key);
  }
  return problems;
}

/**
 * Whether a skill's name says what its id does. An id of two or more words names a kind of thing
 * ("optimization-solvers"), and a name that is one product of that kind ("Gurobi") showed users,
 * plans and every ExtractResult that product for all the others (CPLEX, OR-Tools...). The name
 * shares a word with the id, or its initials are one of the id's words ("lda-topic-modeling").
 */
export function nameFitsId(id: string, name: string): boolean {
  const idWords = id.split("-");
  if (idWords.length < 2) return true;
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const stem = (w: string) => w.replace(/(?:s|es|ing|ation)$/, "");
  const initials = words.map((w) => w[0]).join("");
  return idWords.some((w) => initials === w || words.some((n) => n === w || stem(n) === stem(w)));
}

/** "0", "2-5", "8+", "0-3 after PhD" as a range of years; undefined when it reads no number. */
export function parseYears(text: string): { min: number; max: number } | undefined {
  const m = /^(\d+)(?:\s*-\s*(\d+)|(\+))?/.exec(text.trim());
  if (!m) return undefined;
  const min = Number(m[1]);
  return { min, max: m[3] ? Number.POSITIVE_INFINITY : m[2] === undefined ? min : Number(m[2]) };
}

/**
 * A career ladder climbs: levels in order, each rung starting no earlier than the one below and no
 * later than it ends, so no span of years belongs to no rung (freelance-ml went from 0-2 to 3-6).
 */
function checkLadder(role: KnowledgePack["roles"][number], report: (message: string) => void): void {
  const order: readonly string[] = SENIORITY_LEVELS;
  let prev: { title: string; level: string; min: number; max: number } | undefined;
  for (const rung of role.seniority) {
    const years = parseYears(rung.years);
    if (!years || years.min > years.max) {
      report(`"${rung.title}": years "${rung.years}" is no range such as 0-2 or 8+`);
      continue;
    }
    if (prev) {
      if (order.indexOf(rung.level) < order.indexOf(prev.level))
        report(`"${rung.title}" (${rung.level}) comes after "${prev.title}" (${prev.level})`);
      if (years.min < prev.min) report(`"${rung.title}" starts at ${years.min} years, before "${prev.title}"`);
      if (years.min > prev.max)
        report(`"${rung.title}" starts at ${years.min} years, but "${prev.title}" ends at ${prev.max}`);
    }
    prev = { title: rung.title, level: rung.level, ...years };
  }
}

/** Depth-first search for back edges; returns each cycle found as a list of ids. */
export function findCycles(skills: { id: string; prerequisites: string[] }[]): string[][] {
  const edges = new Map(skills.map((s) => [s.id, s.prerequisites]));
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (id: string) => {
    state.set(id, "open");
    stack.push(id);
    for (const next of edges.get(id) ?? []) {
      const s = state.get(next);
      if (s === "open") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (s === undefined && edges.has(next)) visit(next);
    }
    stack.pop();
    state.set(id, "done");
  };
  for (const id of edges.keys()) if (!state.has(id)) visit(id);
  return cycles;
}
