// Extraction on the fourth hand-annotated held-out set: 40 AI/ML, software and data-science postings
// (bench/heldout4-gold.md) annotated for mlpath to the dev-gold guidelines by annotators who never saw
// the extractor; unseen until 2026-12-02, tuned on since (session 7). Texts are re-read from
// ../shared/data by the selection rule in bench/heldout4-sample.ts; only ids and labels live in the project.
// usage: npx tsx bench/extract-heldout4-gold.ts
import { selectHeldout4 } from "./heldout4-sample.js";
import { readGold, scoreHeldOut } from "./scoring.js";

const texts = new Map(selectHeldout4().map((p) => [p.id, p.text]));
scoreHeldOut(readGold("heldout4-gold.jsonl"), (id) => texts.get(id));
