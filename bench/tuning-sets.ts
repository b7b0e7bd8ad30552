// The hand-annotated sets the extractor is tuned on: dev-gold, heldout1-6 and heldout8, with their texts
// re-read from ../shared/data. heldout7, the blind set, is never among them.
import { readFileSync } from "node:fs";
import { selectHeldout2 } from "./heldout2-sample.js";
import { selectHeldout3 } from "./heldout3-sample.js";
import { selectHeldout4 } from "./heldout4-sample.js";
import { selectHeldout5 } from "./heldout5-sample.js";
import { selectHeldout6 } from "./heldout6-sample.js";
import { selectHeldout8 } from "./heldout8-sample.js";
import { heldoutGoldTexts, requireShared } from "./shared-data.js";

/** One gold record with its text and the set it came from. */
export interface TuningPosting {
  set: string;
  id: string;
  title: string;
  text: string;
  skills: string[];
  soft_skills: string[];
  role: string;
  seniority: string | null;
  min_years: number | null;
  degree: string;
}

const goldOf = (file: string): Omit<TuningPosting, "set" | "text">[] =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const here = (f: string) => `${import.meta.dirname}/${f}`;
const fromSample = (sample: { id: string; text: string }[]) => {
  const texts = new Map(sample.map((p) => [p.id, p.text]));
  return (id: string) => texts.get(id);
};

export function tuningSets(): TuningPosting[] {
  const dev = goldOf(requireShared("dev-gold", "postings.jsonl")) as (Omit<TuningPosting, "set"> & { text: string })[];
  const devText = new Map(dev.map((g) => [g.id, g.text]));
  const sets: [string, string, (id: string) => string | undefined][] = [
    ["dev", requireShared("dev-gold", "postings.jsonl"), (id) => devText.get(id)],
    ["heldout", here("heldout-gold.jsonl"), heldoutGoldTexts()],
    ["heldout2", here("heldout2-gold.jsonl"), fromSample(selectHeldout2())],
    ["heldout3", here("heldout3-gold.jsonl"), fromSample(selectHeldout3())],
    ["heldout4", here("heldout4-gold.jsonl"), fromSample(selectHeldout4())],
    ["heldout5", here("heldout5-gold.jsonl"), fromSample(selectHeldout5())],
    ["heldout6", here("heldout6-gold.jsonl"), fromSample(selectHeldout6())],
    ["heldout8", here("heldout8-gold.jsonl"), fromSample(selectHeldout8())],
  ];
  // linkedin23-313 is also a dev-gold posting.
  return sets.flatMap(([set, file, textOf]) =>
    goldOf(file)
      .filter((g) => set !== "heldout" || g.id !== "linkedin23-313")
      .map((g) => {
        const text = textOf(g.id);
        if (text === undefined) throw new Error(`${set} ${g.id}: text not found in ../shared/data`);
        return { ...g, set, text };
      }),
  );
}
