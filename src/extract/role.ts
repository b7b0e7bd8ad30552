import type { KnowledgePack, Role } from "../knowledge/schema.js";
import { PhraseMatcher } from "../text/phrase-matcher.js";

export interface RoleGuess {
  id: string;
  name: string;
  confidence: number;
}

/**
 * Title cues that decide between neighbouring roles, checked on the title and, more weakly, on
 * the duties. They encode the labelling rules: NLP/LLM work is nlp-engineer, imaging is
 * computer-vision-engineer, research output is ai-research-scientist, serving and platforms are
 * mlops-engineer, pipelines and warehouses are data-engineer, reporting is data-analyst.
 */
const CUES: [RegExp, string][] = [
  [/\b(nlp|nlu|llms?|language models?|conversational|chatbots?|generative ai|gen ?ai|speech)\b/i, "nlp-engineer"],
  [/\b(computer vision|vision|image|imaging|perception|video|cv engineer)\b/i, "computer-vision-engineer"],
  [/\b(research (?:scientist|engineer)|applied scientist|ai researcher|research)\b/i, "ai-research-scientist"],
  [
    /\b(ml ?ops|mlops|machine learning ops|machine learning operations|ml (?:infra|infrastructure|platform))\b/i,
    "mlops-engineer",
  ],
  [/\b(data engineer|etl|big data|data warehouse|data platform|analytics engineer)\b/i, "data-engineer"],
  [/\b(data analyst|business intelligence|bi analyst|bi developer|reporting analyst|analyst)\b/i, "data-analyst"],
  [/\b(product manager|product owner|product lead)\b/i, "ai-product-manager"],
  [
    /\b(head of (?:ai|ml|machine learning|data science)|director of (?:ai|ml|machine learning|data science)|ml manager|machine learning manager|data science manager)\b/i,
    "ml-manager",
  ],
  [/\b(prompt engineer)\b/i, "prompt-engineer"],
  [/\b(professor|lecturer|faculty)\b/i, "ml-faculty"],
  [/\b(policy|ethics|governance|responsible ai)\b/i, "ai-ethics-policy-analyst"],
  [/\b(consultant|consulting)\b/i, "ml-consultant"],
  [/\b(freelance|freelancer)\b/i, "freelance-ml"],
  [/\b(deep learning engineer)\b/i, "deep-learning-engineer"],
];
const ML_WORDS = /\b(machine learning|ml|ai|artificial intelligence|deep learning|data scien\w*|mle)\b/i;

/** Builds the classifier once per knowledge pack. */
export function createRoleClassifier(pack: KnowledgePack) {
  const roles = new Map(pack.roles.map((r) => [r.id, r]));
  const titles = new PhraseMatcher<string>();
  for (const role of pack.roles) for (const t of role.titles) titles.add({ text: t, value: role.id });
  const profile = new Map(pack.roles.map((r) => [r.id, weights(r)]));

  /**
   * Scores each role from three kinds of evidence: the role's own titles found in the posting
   * title (longest wins), cue words in the title and in the text, and how much of the role's
   * skill profile the posting asks for. Confidence is the winner's share of the total score.
   */
  return function classifyRole(title: string, text: string, skillIds: string[]): RoleGuess | null {
    const score = new Map<string, number>();
    const add = (id: string, x: number) => {
      if (roles.has(id)) score.set(id, (score.get(id) ?? 0) + x);
    };
    for (const m of titles.match(title)) add(m.value, 2 + (m.lastToken - m.firstToken) * 0.5);
    for (const [re, id] of CUES) {
      if (re.test(title)) add(id, 2.5);
      const hits = text.match(new RegExp(re.source, "gi"))?.length ?? 0;
      if (hits) add(id, Math.min(1.5, 0.3 * hits));
    }
    const asked = new Set(skillIds);
    for (const [id, w] of profile) {
      let got = 0;
      let total = 0;
      for (const [skill, weight] of w) {
        total += weight;
        if (asked.has(skill)) got += weight;
      }
      if (total > 0) add(id, 3 * (got / total));
    }
    // Engineering titles with no ML in them are software roles, whatever the text mentions.
    if (/\b(engineer|developer|programmer)\b/i.test(title) && !ML_WORDS.test(title) && !score.has("data-engineer"))
      add("software-engineer", 1.5);
    const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
    const [best, second] = ranked;
    if (!best || best[1] < 1.5) return null;
    const total = ranked.reduce((s, [, x]) => s + x, 0);
    const margin = second ? (best[1] - second[1]) / best[1] : 1;
    const confidence = Math.round(Math.min(1, 0.5 * margin + 0.5 * (best[1] / total) * 2) * 100) / 100;
    const role = roles.get(best[0]) as Role;
    return { id: role.id, name: role.name, confidence };
  };
}

function weights(role: Role): Map<string, number> {
  const w = new Map<string, number>();
  for (const r of role.skills.required) w.set(r.skill, r.weight);
  for (const r of role.skills.preferred) w.set(r.skill, r.weight * 0.5);
  return w;
}
