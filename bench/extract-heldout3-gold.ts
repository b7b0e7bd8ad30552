// Extraction on the third hand-annotated held-out set: 40 AI/ML, software and data-science postings
// (bench/heldout3-gold.md) annotated for mlpath to the dev-gold guidelines by annotators who never saw
// the extractor; unseen until 2026-12-02, tuned on since. Texts are re-read from ../shared/data by the selection rule in
// bench/heldout3-sample.ts; only ids and labels live in the project.
// usage: npx tsx bench/extract-heldout3-gold.ts
import { selectHeldout3 } from "./heldout3-sample.js";
import { readGold, scoreHeldOut } from "./scoring.js";

const texts = new Map(selectHeldout3().map((p) => [p.id, p.text]));
scoreHeldOut(readGold("heldout3-gold.jsonl"), (id) => texts.get(id));
