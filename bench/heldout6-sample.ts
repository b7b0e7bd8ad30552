// The sixth hand-annotated held-out set (bench/heldout6-gold.md): 40 ML and data postings from the
// same three sets as heldout3 to heldout5, by the same rule with other rotations, leaving out every
// posting of dev-gold and the five earlier held-out sets. Only ids and labels live in the project;
// the texts are re-read from ../shared/data. Run it to write the texts for annotators:
//   npx tsx bench/heldout6-sample.ts OUT_DIR
import { type SampledPosting, writeAnnotatorBatches } from "./heldout2-sample.js";
import { sampleFresh, selectHeldout3 } from "./heldout3-sample.js";
import { selectHeldout4 } from "./heldout4-sample.js";
import { selectHeldout5 } from "./heldout5-sample.js";

export const selectHeldout6 = (): SampledPosting[] =>
  sampleFresh([71, 73, 79], [...selectHeldout3(), ...selectHeldout4(), ...selectHeldout5()]);

if (process.argv[1]?.endsWith("heldout6-sample.ts")) writeAnnotatorBatches("heldout6-sample.ts", selectHeldout6);
