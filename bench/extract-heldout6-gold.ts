// Extraction on the sixth hand-annotated held-out set: 40 AI/ML, software and data-science postings
// (bench/heldout6-gold.md) annotated for mlpath to the dev-gold guidelines by annotators who never saw
// the extractor, and never tuned on. Texts are re-read from ../shared/data by the selection rule in
// bench/heldout6-sample.ts; only ids and labels live in the project.
// usage: npx tsx bench/extract-heldout6-gold.ts
import { selectHeldout6 } from "./heldout6-sample.js";
import { readGold, scoreHeldOut } from "./scoring.js";

const texts = new Map(selectHeldout6().map((p) => [p.id, p.text]));
scoreHeldOut(readGold("heldout6-gold.jsonl"), (id) => texts.get(id));
