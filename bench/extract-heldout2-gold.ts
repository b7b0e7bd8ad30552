// Extraction on the second hand-annotated held-out set: 40 ML, data-science and analytics postings
// (bench/heldout2-gold.md) annotated for mlpath to the dev-gold guidelines by annotators who never saw
// the extractor; unseen on 2026-12-01, tuned on since 2026-12-02 (heldout3 is the unseen set now).
// Texts are re-read from ../shared/data by the selection rule in bench/heldout2-sample.ts; only ids
// and labels live in the project.
// usage: npx tsx bench/extract-heldout2-gold.ts
import { selectHeldout2 } from "./heldout2-sample.js";
import { readGold, scoreHeldOut } from "./scoring.js";

const texts = new Map(selectHeldout2().map((p) => [p.id, p.text]));
scoreHeldOut(readGold("heldout2-gold.jsonl"), (id) => texts.get(id));
