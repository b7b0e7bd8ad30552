import type { KnowledgePack, Role } from "../knowledge/schema.js";
import { PhraseMatcher } from "../text/phrase-matcher.js";
import type { Token } from "../text/tokens.js";

export interface RoleGuess {
  id: string;
  name: string;
  confidence: number;
}

/** A title that names both one of `what` and one of `field` (alternations of words), in either order. */
function naming(what: string, field: string): RegExp {
  return new RegExp(String.raw`\b(${what})\b.*\b(${field})\b|\b(${field})\b.*\b(${what})\b`, "i");
}

/**
 * Title cues, in the labelling rules' terms: a title names the role family; when it names
 * several ("Data Scientist / ML Engineer") or only a generic one ("AI Engineer"), the duties decide.
 */
const TITLE_CUES: [RegExp, string][] = [
  [/\b(product manager|product owner|product lead)\b/i, "ai-product-manager"],
  [
    /\b(head of|head|director|vp|vice president|chief|(?<!product )manager)\b.*\b(ai|ml|machine learning|data scien\w*|artificial intelligence)\b|\b(ml|ai|machine learning|data scien\w*)\b(?:(?!\bproduct\b).)*\b(manager|director)\b|\bhead of (ai|ml|data science)\b/i,
    "ml-manager",
  ],
  [/\b(nlp|nlu|llms?|language|conversational|chatbots?|gen ?ai|generative)\b/i, "nlp-engineer"],
  [/\b(computer vision|vision|image|imaging|perception|cv)\b/i, "computer-vision-engineer"],
  [
    /\b(ml ?ops|machine learning ops|machine learning operations|ml (?:infra|infrastructure|platform)|ai infrastructure)\b/i,
    "mlops-engineer",
  ],
  [/\b(research (?:scientist|engineer)|applied scientist|researcher|(?<!data )scientist)\b/i, "ai-research-scientist"],
  [/\bdata scien\w*\b/i, "data-scientist"],
  [
    /\b(data engineers?|data engineering|etl|big data|data warehouse|data platform|data pipeline|(?:bi|business intelligence) (?:developer|engineer)|data architect\w*|data model(?:l?er|ing|ling)|dataops|data (?:quality|integration|infrastructure) engineer)\b/i,
    "data-engineer",
  ],
  [
    /\b(analytics engineer|data analyst|(?:data|people|product|marketing|business|web) analytics|data (?:and|&) analy(?:sis|tics)|data visuali[sz]ation|business intelligence(?! developer| engineer)|bi analyst|reporting analyst|(?<!programmer |security |systems? |application |management |program |policy |budget )analyst)\b/i,
    "data-analyst",
  ],
  [/\b(machine learning|ml|ai|artificial intelligence|deep learning|mle)\b/i, "ml-engineer"],
  [/\b(prompt engineer)\b/i, "prompt-engineer"],
  // A lecturer in fine arts is not ML faculty: the title must name ML, AI, data or computing.
  [
    naming(
      "professor|lecturer|faculty",
      "ml|machine learning|ai|artificial intelligence|data|computer|computing|statistics",
    ),
    "ml-faculty",
  ],
  [
    /\b(ethic\w*|responsible ai|(ai|ml|algorithmic) (policy|governance|risk|safety)|ai regulation|policy analyst)\b/i,
    "ai-ethics-policy-analyst",
  ],
  // An SAP, management or data consultant is not an ML consultant: the title must name ML or AI (a
  // "Data Science Consultant" does data science, a "Data & Analytics Consultant" an analyst's work).
  [naming("consultant|consulting", "ml|machine learning|ai|artificial intelligence"), "ml-consultant"],
  // A freelance software developer is a software engineer; a freelance ML engineer is this role.
  [
    /\b(freelance|freelancer)\b.*\b(ml|machine learning|ai|artificial intelligence|data scien\w*|deep learning|nlp|computer vision)\b|\b(ml|machine learning|ai|data scien\w*|deep learning|nlp)\b.*\b(freelance|freelancer)\b/i,
    "freelance-ml",
  ],
  [/\b(deep learning engineer)\b/i, "deep-learning-engineer"],
  // Any developer, programmer or software title ("PHP Developer", "Senior Android Engineer"); it gives
  // way to any other family the title names ("BI Developer", "ML Developer"). A business developer sells.
  [
    /\b(software|backend|back-end|full[- ]?stack|frontend|front-end|cloud|devops|site reliability|python|java|android|ios|blockchain|(?<!business )developers?|programmers?|qa(?!\s*\/\s*qc)|sdet|test(?:ing)? (?:engineer|analyst|lead)|testing\b.*\bengineer|web\b.*\bdesigner|test automation|automation test\w*)\b/i,
    "software-engineer",
  ],
];

/** Duty words that pull a posting toward a role, counted in the text (plurals fold to singulars). */
const DUTY_CUES: Record<string, string[]> = {
  "nlp-engineer": [
    "nlp",
    "natural language",
    "llm",
    "large language model",
    "language model",
    "chatbot",
    "conversational",
    "text classification",
    "text generation",
    "RAG",
    "prompt",
    "transformer",
    "speech",
    "tokenizer",
    "tokenization",
  ],
  "computer-vision-engineer": [
    "computer vision",
    "image",
    "imaging",
    "video",
    "vision",
    "object detection",
    "segmentation",
    "camera",
    "3d",
    "point cloud",
    "lidar",
    "diffusion",
    "image generation",
    "opencv",
  ],
  "ai-research-scientist": [
    "publish",
    "publishing",
    "published",
    "publication",
    "paper",
    "neurips",
    "icml",
    "iclr",
    "cvpr",
    "acl",
    "novel method",
    "novel algorithm",
    "novel architecture",
    "state of the art",
    "state-of-the-art",
    "research",
    "researcher",
  ],
  "mlops-engineer": [
    "mlops",
    "ml ops",
    "deploy",
    "deploying",
    "deployment",
    "serving",
    "inference",
    "kubernetes",
    "monitoring",
    "ci/cd",
    "infrastructure",
    "platform",
    "kubeflow",
    "mlflow",
    "scalability",
    "scalable",
    "reliability",
    "reliable",
  ],
  "data-engineer": [
    "etl",
    "elt",
    "data pipeline",
    "pipeline",
    "data warehouse",
    "data warehousing",
    "data lake",
    "ingestion",
    "airflow",
    "dbt",
    "spark",
    "snowflake",
    "redshift",
    "data model",
    "data modeling",
    "schema",
  ],
  "data-analyst": [
    "dashboard",
    "report",
    "reporting",
    "kpi",
    "tableau",
    "power bi",
    "looker",
    "excel",
    "business intelligence",
    "insight",
    "stakeholder",
  ],
  "data-scientist": [
    "statistic",
    "statistical",
    "statistics",
    "hypothesis",
    "hypotheses",
    "experiment",
    "a/b",
    "insight",
    "predictive",
    "forecast",
    "forecasting",
    "business problem",
    "business question",
    "business objective",
    "analysis",
    "analyze",
    "analyse",
    "analyzing",
    "analytical",
  ],
  "ml-engineer": [
    "machine learning",
    "ml model",
    "model",
    "training",
    "production",
    "deploy",
    "deploying",
    "feature",
    "pipeline",
  ],
  "software-engineer": [
    "backend",
    "back-end",
    "frontend",
    "front-end",
    "full stack",
    "full-stack",
    "api",
    "microservice",
    "web",
    "react",
    "node",
    "java",
    "service",
  ],
};

/** Generic ML titles whose duties may reveal a speciality. */
const SPECIALISES = new Set(["ml-engineer", "deep-learning-engineer", "ai-research-scientist", "mlops-engineer"]);
const SPECIALITIES = ["nlp-engineer", "computer-vision-engineer"];
const MIN_OPS_DUTY_WORDS = 150;

/**
 * Words only language work uses: LLMs, RAG, agents, chatbots, NLP ("prompt" or "transformer" alone
 * are not). An ML engineering title whose text keeps naming them builds language systems.
 */
const LANGUAGE_WORK = [
  "nlp",
  "natural language",
  "llm",
  "large language model",
  "rag",
  "retrieval augmented",
  "retrieval-augmented",
  "agentic",
  "langchain",
  "llamaindex",
  "chatbot",
  "conversational ai",
  "generative ai",
  "genai",
  "gen ai",
  "gpt",
  "prompt engineering",
  "prompting",
];
/** At least this many language-work words, and at least one in every LANGUAGE_WORK_SPACING words. */
const MIN_LANGUAGE_WORK = 6;
const LANGUAGE_WORK_SPACING = 150;

/** The ML side of a title that also names data science, and how far its duties must lead. */
const MIXED_ML_SIDE = ["ml-engineer", "mlops-engineer"];
const MIXED_MARGIN = 1;

/** Skills that make a research or scientist title an ML one. */
const ML_EVIDENCE = new Set([
  "machine-learning",
  "deep-learning",
  "artificial-intelligence",
  "natural-language-processing",
  "computer-vision",
  "reinforcement-learning",
  "large-language-models",
  "generative-ai",
  "neural-networks",
  "pytorch",
  "tensorflow",
]);

const DATA_PRODUCT = /\b(?:ai|ml|machine learning|artificial intelligence|data|analytics|gen ?ai|llms?|platform)\b/i;
const TEST_TITLE = /\b(?:test|testing|qa|quality assurance|sdet)\b/i;
const SALES_TITLE =
  /\b(?:(?:pre-?)?sales (?:engineer|representative|executive|manager|director|lead)|account (?:executive|manager))\b/i;
/** "Director, Product Marketing, Data Warehousing and Analytics": marketing the data product is not the job family. */
const MARKETING_TITLE =
  /\b(?:(?:product |industry )?marketing (?:manager|director|leader|lead|specialist|coordinator)|product marketing)\b/i;
const BARE_LEADER = /^(?:senior |sr\.? |associate |assistant )?(?:manager|director|head|vp|vice president)$/i;
const ML_TEAM = /\b(ai|ml|machine learning|data scien\w*|artificial intelligence)\b/i;
const INFRA_QUALIFIER = /\b(infra|infrastructure|serving|inference|deployment)\b/i;

const ML_TITLE = /\b(machine learning|ml|ai|artificial intelligence|deep learning|mle)\b/i;
/** "Manager, Data Scientist": one practitioner's title after a grade, not a team led ("Manager, Data Scientists"). */
const PRACTITIONER = /\b(?:scientist|engineer|analyst|developer)\b/i;
/** Titles that run systems rather than build models: with ML in the title they operate ML ("System Engineer, ML"). */
const SYSTEMS_TITLE = /\b(?:systems? engineer|cloud engineer|devops|site reliability|reliability engineer)\b/i;
/** Research titles that are as often ML engineering: the duties say which ("Research Engineer", "ML Scientist"). */
const ENGINEERING_RESEARCH = /\bresearch engineer\b|\b(?:machine learning|ml) scientist\b/i;

/** The title before any " - ", "(", "," or "|", and the rest. */
function splitTitle(title: string): [string, string] {
  const m = title.match(/\s[-–—|]\s|\(|,|\s@\s|\sat\s/);
  return m?.index ? [title.slice(0, m.index), title.slice(m.index)] : [title, ""];
}

/** Builds the classifier once per knowledge pack. */
export function createRoleClassifier(pack: KnowledgePack) {
  const roles = new Map(pack.roles.map((r) => [r.id, r]));
  const titles = new PhraseMatcher<string>();
  for (const role of pack.roles) for (const t of role.titles) titles.add({ text: t, value: role.id });
  // Each role's total profile weight, and per skill the roles that weigh it: a posting's asked
  // skills are few, so the shares are summed from them rather than over every role's profile.
  const totals = new Map<string, number>();
  const weighedBy = new Map<string, [string, number][]>();
  for (const r of pack.roles) {
    let total = 0;
    for (const [skill, w] of weights(r)) {
      total += w;
      const list = weighedBy.get(skill) ?? [];
      list.push([r.id, w]);
      weighedBy.set(skill, list);
    }
    totals.set(r.id, total);
  }
  const cues = new PhraseMatcher<string>();
  for (const [id, phrases] of Object.entries(DUTY_CUES)) for (const text of phrases) cues.add({ text, value: id });
  const language = new PhraseMatcher<string>();
  for (const text of LANGUAGE_WORK) language.add({ text, value: "nlp-engineer" });

  /** "Machine Learning Engineer" building RAG, agents and chatbots on LLMs: the text keeps saying so. */
  function languageWork(tokens: Token[]): boolean {
    const hits = language.matchTokens(tokens).length;
    return hits >= MIN_LANGUAGE_WORK && hits * LANGUAGE_WORK_SPACING >= tokens.length;
  }

  function titleCandidates(title: string): Map<string, number> {
    const found = new Map<string, number>();
    if (!title.trim()) return found;
    for (const m of titles.match(title))
      found.set(m.value, (found.get(m.value) ?? 0) + 2 + (m.lastToken - m.firstToken));
    for (const [re, id] of TITLE_CUES) if (re.test(title)) found.set(id, (found.get(id) ?? 0) + 2);
    return found;
  }

  /** Duty evidence per role: cue words (saturating) and the share of the role's skill profile asked. */
  function dutyScores(tokens: Token[], skillIds: string[]): Map<string, number> {
    const words = Math.max(50, tokens.length);
    const hitsOf = new Map<string, number>();
    for (const m of cues.matchTokens(tokens)) hitsOf.set(m.value, (hitsOf.get(m.value) ?? 0) + 1);
    // Weights are whole and half numbers, so the sums are exact in any order.
    const got = new Map<string, number>();
    for (const skill of new Set(skillIds))
      for (const [id, w] of weighedBy.get(skill) ?? []) got.set(id, (got.get(id) ?? 0) + w);
    const scores = new Map<string, number>();
    for (const [id, total] of totals) {
      const hits = hitsOf.get(id) ?? 0;
      scores.set(id, (total ? (got.get(id) ?? 0) / total : 0) + Math.min(1.5, (hits * 100) / words / 2));
    }
    return scores;
  }

  /**
   * Reads the title first: the role titles of the pack and the cue words name the candidates.
   * One candidate wins unless it is a generic ML title whose duties are clearly NLP or vision;
   * several candidates are settled by the duties; no candidate leaves the duties to decide alone.
   */
  return function classifyRole(
    title: string,
    tokens: Token[],
    skillIds: string[],
    options: { requireTitle?: boolean } = {},
  ): RoleGuess | null {
    // "Machine Learning Engineer - NLP (Remote)": the head names the role, the rest qualifies it.
    const [head, qualifier] = splitTitle(title);
    // "AI/ML Sales Engineer", "Account Executive - Data Platform": selling the product is not the job family.
    if (SALES_TITLE.test(head) || (MARKETING_TITLE.test(title) && !PRACTITIONER.test(head))) return null;
    const candidates = titleCandidates(head);
    const qualified = titleCandidates(qualifier);
    // "Manager, Data Science", "Director - Machine Learning": a bare leadership head leads what follows.
    if (BARE_LEADER.test(head.trim()) && !PRACTITIONER.test(qualifier)) {
      if (ML_TEAM.test(qualifier)) candidates.set("ml-manager", 2);
      // "Manager, Data and Analysis": managers of analytics teams are analysts, of data engineering engineers.
      else for (const [id] of qualified) if (id === "data-analyst" || id === "data-engineer") candidates.set(id, 2);
    }
    // A qualifier's software title only counts when the head names no role ("Veterans - Software Developer").
    if (candidates.size > 0) qualified.delete("software-engineer");
    // "Software Engineer - ML", "Software Engineer (Big Data)": the qualifier names the family.
    // ...but a test or QA title tests whatever the qualifier names ("Test Engineer - Computer Vision").
    const generic =
      candidates.size === 0 || (candidates.size === 1 && candidates.has("software-engineer") && !TEST_TITLE.test(head));
    // "Remote work - Need AI/ML Software Developer": a head naming no role leaves the qualifier to name it.
    const named = generic && qualified.size > 0 && candidates.size === 0 ? qualifier : head;
    if (generic && qualified.size > 0) {
      candidates.clear();
      for (const [id, x] of qualified) candidates.set(id, x);
    } else if (candidates.has("ml-engineer") && candidates.size === 1) {
      // "Machine Learning Engineer (Infra)", "ML Engineer - Platform": the qualifier names MLOps.
      if (INFRA_QUALIFIER.test(qualifier)) qualified.set("mlops-engineer", 2);
      const special = [...qualified.keys()].find((id) => SPECIALITIES.includes(id) || id === "mlops-engineer");
      if (special) {
        candidates.clear();
        candidates.set(special, 2);
      }
    }
    if (SYSTEMS_TITLE.test(head) && (ML_TITLE.test(head) || ML_TITLE.test(qualifier))) {
      candidates.clear();
      candidates.set("mlops-engineer", 2);
    }
    // Leadership of an ML team, or freelancing in ML, is its own role, whatever else the title says.
    for (const own of ["ml-manager", "freelance-ml"])
      if (candidates.has(own)) for (const id of [...candidates.keys()]) if (id !== own) candidates.delete(id);
    // A specific family in the title outranks the generic ML words that come with it, and ML
    // words make a software title an ML one.
    if (candidates.size > 1) candidates.delete("ml-engineer");
    if (candidates.size > 1 || ML_TITLE.test(named)) candidates.delete("software-engineer");
    if (candidates.size === 0 && ML_TITLE.test(named)) candidates.set("ml-engineer", 2);
    // A resume's job title must name a role itself: a maths teacher's duties are not a data job.
    if (options.requireTitle && candidates.size === 0) return null;
    const duties = dutyScores(tokens, skillIds);

    let pick: string | undefined;
    let confidence: number;
    if (candidates.size === 1) {
      pick = [...candidates.keys()][0] as string;
      confidence = 0.9;
      if (SPECIALISES.has(pick)) {
        const own = duties.get(pick) ?? 0;
        // Serving and operating ML is a speciality of an ML title only, not of a software one, and
        // only a posting with real duties to read says so (one "deploy" in a sentence does not).
        const specialities =
          pick === "ml-engineer" && tokens.length >= MIN_OPS_DUTY_WORDS
            ? [...SPECIALITIES, "mlops-engineer"]
            : SPECIALITIES;
        const special = specialities.map((id) => [id, duties.get(id) ?? 0] as const).sort((a, b) => b[1] - a[1])[0];
        const winner = special !== undefined && special[1] > 0.9 && special[1] > own ? special[0] : undefined;
        // Generic "prompt" and "transformer" cues leave the duty scores close; language-work words
        // do not. Serving and operating models, LLMs included, stays MLOps ("ML platform jobs are MLOps").
        const language = pick === "ml-engineer" && winner !== "mlops-engineer" && languageWork(tokens);
        const speciality = language ? "nlp-engineer" : winner;
        if (speciality) {
          pick = speciality;
          confidence = 0.6;
        } else if (
          pick === "ai-research-scientist" &&
          ENGINEERING_RESEARCH.test(head) &&
          (duties.get("ml-engineer") ?? 0) > own &&
          skillIds.some((id) => ML_EVIDENCE.has(id))
        ) {
          // Research is the output only when research duties outweigh building and shipping models.
          pick = "ml-engineer";
          confidence = 0.6;
        }
      }
    } else {
      const pool = candidates.size > 1 ? [...candidates.keys()] : [...duties.keys()];
      const ranked = pool
        .map((id) => [id, (duties.get(id) ?? 0) + (candidates.get(id) ?? 0) * 0.1] as const)
        .sort((a, b) => b[1] - a[1]);
      const [best, second] = ranked;
      if (!best || (candidates.size === 0 && best[1] < 0.8)) return null;
      pick = best[0];
      const margin = second ? (best[1] - second[1]) / Math.max(best[1], 1e-9) : 1;
      confidence = (candidates.size > 1 ? 0.5 : 0.3) + 0.4 * margin;
    }
    // "ML / Data Scientist / AI Engineer": a title naming data science and ML is decided by the duties,
    // and building or operating models wins only when those duties clearly outweigh analysis (in a
    // posting with real duties to read: a short one repeating its keywords says nothing).
    if (pick === "data-scientist" && ML_TITLE.test(head) && tokens.length >= MIN_OPS_DUTY_WORDS) {
      const ds = duties.get("data-scientist") ?? 0;
      const ml = MIXED_ML_SIDE.map((id) => [id, duties.get(id) ?? 0] as const).sort((a, b) => b[1] - a[1])[0];
      if (ml && ml[1] >= ds + MIXED_MARGIN) {
        pick = ml[0];
        confidence = 0.5;
      }
    }
    // A product manager for web or mobile features is not one for AI or data products: the title or the
    // skills asked must say so.
    if (pick === "ai-product-manager" && !DATA_PRODUCT.test(title) && !skillIds.some((id) => ML_EVIDENCE.has(id)))
      return null;
    // A lab, field or environmental scientist is not an AI researcher: research titles need ML in the text.
    if (pick === "ai-research-scientist" && !skillIds.some((id) => ML_EVIDENCE.has(id))) return null;
    const role = roles.get(pick) as Role | undefined;
    if (!role) return null;
    return { id: role.id, name: role.name, confidence: Math.round(Math.min(1, confidence) * 100) / 100 };
  };
}

function weights(role: Role): Map<string, number> {
  const w = new Map<string, number>();
  for (const r of role.skills.required) w.set(r.skill, r.weight);
  for (const r of role.skills.preferred) w.set(r.skill, r.weight * 0.5);
  return w;
}
