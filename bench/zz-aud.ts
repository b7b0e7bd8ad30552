import { loadKnowledge } from "../src/knowledge/load.js";
const pack = loadKnowledge();
const ai = pack.skills.find((s) => s.id === "ai-fundamentals")!;
console.log("ai-fundamentals", ai.prerequisites, ai.hours, ai.category);
for (const s of pack.skills.filter((s) => s.prerequisites.some((p) => ["machine-learning", "deep-learning", "neural-networks"].includes(p)) && !["ml-concept", "algorithm", "math", "domain", "genai"].includes(s.category)))
  console.log(s.category.padEnd(14), s.id.padEnd(28), s.prerequisites.join(", "));
