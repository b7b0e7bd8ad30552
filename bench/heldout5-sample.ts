// The fifth hand-annotated held-out set (bench/heldout5-gold.md): 40 ML and data postings from the
// same three sets as heldout3 and heldout4, by the same rule with other rotations, leaving out every
// posting of dev-gold and the four earlier held-out sets. Only ids and labels live in the project;
// the texts are re-read from ../shared/data. Run it to write the texts for annotators:
//   npx tsx bench/heldout5-sample.ts OUT_DIR
import { type SampledPosting, writeAnnotatorBatches } from "./heldout2-sample.js";
import { sampleFresh, selectHeldout3 } from "./heldout3-sample.js";
import { selectHeldout4 } from "./heldout4-sample.js";

export const selectHeldout5 = (): SampledPosting[] =>
  sampleFresh([59, 61, 67], [...selectHeldout3(), ...selectHeldout4()]);

if (process.argv[1]?.endsWith("heldout5-sample.ts")) writeAnnotatorBatches("heldout5-sample.ts", selectHeldout5);
