// Salaries written in 2,481 "Ask HN: Who is hiring?" posts (Jan-Jun 2023, global, many currencies),
// against the silver labels an OpenAI model wrote for the same posts (the set's model_output: one
// figure and a currency per post). Silver, not gold: the disagreements are listed for reading.
// usage: npx tsx bench/salary-text-hn.ts [--list MISS|DIFF|OURS]
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { extractSalary } from "../src/extract/salary.js";
import { requireShared } from "./shared-data.js";

type Post = {
  hn_id: number;
  hn_text: string;
  model_output?: { roles?: { salary: number | null; currency: string | null }[] };
};

const dir = requireShared("jobs-hn-whoishiring-2023h1");
const posts: Post[] = readdirSync(dir)
  .filter((f) => f.endsWith(".jsonl.tar.gz"))
  .flatMap((f) => execFileSync("tar", ["-xzOf", join(dir, f)], { encoding: "utf8", maxBuffer: 1 << 28 }).split("\n"))
  .filter(Boolean)
  .map((l) => JSON.parse(l) as Post);

// HN's comment HTML: paragraphs become line breaks, the rest of the markup goes, entities are decoded.
const ENTITIES: Record<string, string> = {
  "&#x2F;": "/",
  "&#x27;": "'",
  "&amp;": "&",
  "&quot;": '"',
  "&gt;": ">",
  "&lt;": "<",
};
const plain = (html: string) =>
  html
    .replace(/<p>/g, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x2F;|&#x27;|&amp;|&quot;|&gt;|&lt;/g, (e) => ENTITIES[e] ?? e);

const listed = process.argv[process.argv.indexOf("--list") + 1];
const tally = { posts: posts.length, silverStated: 0, agree: 0, differ: 0, missed: 0, onlyOurs: 0 };
for (const p of posts) {
  const text = plain(p.hn_text);
  const silver = p.model_output?.roles?.[0];
  const ours = extractSalary(text);
  let kind: "MISS" | "DIFF" | "OURS" | undefined;
  if (silver?.salary && silver.currency) {
    tally.silverStated++;
    const same =
      ours?.currency === silver.currency &&
      (Math.abs(ours.min - silver.salary) < 1 || Math.abs(ours.max - silver.salary) < 1);
    if (same) tally.agree++;
    else if (ours) [tally.differ, kind] = [tally.differ + 1, "DIFF"];
    else [tally.missed, kind] = [tally.missed + 1, "MISS"];
  } else if (ours) [tally.onlyOurs, kind] = [tally.onlyOurs + 1, "OURS"];
  if (kind && kind === listed)
    console.log(
      kind,
      silver?.salary,
      silver?.currency,
      JSON.stringify(ours),
      "::",
      text.slice(0, 200).replace(/\s+/g, " "),
    );
}
console.log(
  "| posts | silver states a salary | same figure and currency | a different one | none found | found where silver has none |",
);
console.log("|---|---|---|---|---|---|");
console.log(
  `| ${tally.posts} | ${tally.silverStated} | ${tally.agree} (${(tally.agree / tally.silverStated).toFixed(3)}) | ${tally.differ} | ${tally.missed} | ${tally.onlyOurs} |`,
);
