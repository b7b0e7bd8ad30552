// Extraction on the seventh hand-annotated held-out set: 40 postings in the hidden set's mix of data-analyst, data-engineering, data-science and ML postings
// (bench/heldout7-gold.md) annotated for mlpath to the dev-gold guidelines by annotators who never saw
// the extractor, and never tuned on. Texts are re-read from ../shared/data by the selection rule in
// bench/heldout7-sample.ts; only ids and labels live in the project.
// usage: npx tsx bench/extract-heldout7-gold.ts [--errors]
// The set is the blind test: its error lists stay hidden unless --errors is given.
import { selectHeldout7 } from "./heldout7-sample.js";
import { readGold, scoreHeldOut } from "./scoring.js";

const texts = new Map(selectHeldout7().map((p) => [p.id, p.text]));
scoreHeldOut(readGold("heldout7-gold.jsonl"), (id) => texts.get(id), { errors: process.argv.includes("--errors") });
