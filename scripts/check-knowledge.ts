// Validates knowledge/ and prints every problem found, one per line: `npx tsx scripts/check-knowledge.ts`.
import { isAppError } from "../src/errors.js";
import { loadKnowledge } from "../src/knowledge/load.js";

try {
  const pack = loadKnowledge(process.argv[2]);
  const counts = Object.entries(pack).map(([k, v]) => `${k}: ${v.length}`);
  console.log(`knowledge ok - ${counts.join(", ")}`);
} catch (e) {
  if (!isAppError(e)) throw e;
  const problems = (e as { problems?: { file: string; where: string; message: string }[] }).problems;
  if (problems) for (const p of problems) console.error(`${p.file}: ${p.where}: ${p.message}`);
  else console.error(e.message);
  process.exit(1);
}
