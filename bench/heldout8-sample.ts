// The eighth hand-annotated set (bench/heldout8-gold.md): 80 postings in the same mix of roles as
// heldout7 (the hidden set's aijobs.net mix), drawn by the same rule in another order and leaving out
// heldout7, so that the extractor can be tuned on data-analyst and data-engineering postings while
// heldout7 stays unseen. Only ids and labels live in the project; the texts are re-read from
// ../shared/data. Run it to write the texts for annotators:
//   npx tsx bench/heldout8-sample.ts OUT_DIR
import { type SampledPosting, writeAnnotatorBatches } from "./heldout2-sample.js";
import { sampleMix, selectHeldout7 } from "./heldout7-sample.js";

export const selectHeldout8 = (): SampledPosting[] => sampleMix(2, "heldout8:", selectHeldout7());

if (process.argv[1]?.endsWith("heldout8-sample.ts")) writeAnnotatorBatches("heldout8-sample.ts", selectHeldout8);
