// The fourth hand-annotated held-out set (bench/heldout4-gold.md): 40 ML and data postings from the
// same three sets as heldout3, by the same rule with other rotations, leaving out every posting of
// dev-gold and the three earlier held-out sets. Only ids and labels live in the project; the texts
// are re-read from ../shared/data. Run it to write the texts for annotators:
//   npx tsx bench/heldout4-sample.ts OUT_DIR
import { type SampledPosting, writeAnnotatorBatches } from "./heldout2-sample.js";
import { sampleFresh, selectHeldout3 } from "./heldout3-sample.js";

export const selectHeldout4 = (): SampledPosting[] => sampleFresh([41, 47, 53], selectHeldout3());

if (process.argv[1]?.endsWith("heldout4-sample.ts")) writeAnnotatorBatches("heldout4-sample.ts", selectHeldout4);
