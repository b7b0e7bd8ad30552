// Extraction on 30 postings annotated by hand for mlpath to the dev-gold guidelines (bench/heldout-gold.md
// says how they were chosen); unseen until 2026-11-25, tuned on since 2026-12-01. Texts are re-read from
// ../shared/data at run time; only ids and labels live in the project.
// usage: npx tsx bench/extract-heldout-gold.ts
import { readGold, scoreHeldOut } from "./scoring.js";
import { heldoutGoldTexts } from "./shared-data.js";

const textOf = heldoutGoldTexts();

// linkedin23-313 repeats a dev-gold posting (whitespace aside), so it is not held out.
const NOT_HELD_OUT = new Set(["linkedin23-313"]);
scoreHeldOut(
  readGold("heldout-gold.jsonl").filter((g) => !NOT_HELD_OUT.has(g.id)),
  textOf,
);
