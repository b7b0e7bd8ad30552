// Extraction on the eighth hand-annotated held-out set: 80 postings in the hidden set's mix of data-analyst, data-engineering, data-science and ML postings
// (bench/heldout8-gold.md) annotated for mlpath to the dev-gold guidelines by annotators who never saw
// the extractor; tuned on from session 11 after its first score. Texts are re-read from ../shared/data by the selection rule in
// bench/heldout8-sample.ts; only ids and labels live in the project.
// usage: npx tsx bench/extract-heldout8-gold.ts
import { selectHeldout8 } from "./heldout8-sample.js";
import { readGold, scoreHeldOut } from "./scoring.js";

const texts = new Map(selectHeldout8().map((p) => [p.id, p.text]));
scoreHeldOut(readGold("heldout8-gold.jsonl"), (id) => texts.get(id));
