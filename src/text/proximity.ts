import type { Token } from "./tokens.js";

/** Word patterns such as "deploy* ... model*": each step a key or a key prefix, in order, close together. */
export interface ProximityPattern<V> {
  steps: { stem: string; prefix: boolean }[];
  value: V;
}

export function parsePattern<V>(pattern: string, value: V): ProximityPattern<V> {
  const steps = pattern.split(" ... ").map((w) => ({ stem: w.replace(/\*$/, ""), prefix: w.endsWith("*") }));
  return { steps, value };
}

const MAX_GAP = 4;

/**
 * Patterns indexed by the first three letters of their first word, so each token looks at the few
 * patterns that could start on it rather than at all of them. Built once, by whoever owns the
 * patterns, and passed to every matchProximity call.
 */
export type ProximityIndex<V> = Map<string, ProximityPattern<V>[]>;

export function indexPatterns<V>(patterns: ProximityPattern<V>[]): ProximityIndex<V> {
  const byHead: ProximityIndex<V> = new Map();
  for (const p of patterns) {
    const head = p.steps[0]?.stem.slice(0, 3) ?? "";
    byHead.set(head, [...(byHead.get(head) ?? []), p]);
  }
  return byHead;
}

export interface ProximityMatch<V> {
  value: V;
  firstToken: number;
  lastToken: number;
}

/**
 * Finds patterns whose words appear in order with at most MAX_GAP other words between steps and
 * no sentence break (a full stop, semicolon, blank line or new bullet) between them. Cost is the number of
 * tokens times the number of patterns times MAX_GAP: linear in the text.
 */
export function matchProximity<V>(text: string, tokens: Token[], byHead: ProximityIndex<V>): ProximityMatch<V>[] {
  const out: ProximityMatch<V>[] = [];
  const fits = (t: Token | undefined, step: { stem: string; prefix: boolean }) =>
    t !== undefined && (step.prefix ? t.key.startsWith(step.stem) : t.key === step.stem);
  // Whether the gap before token j breaks the sentence, worked out once per gap: 1 no, 2 yes.
  const breaks = new Uint8Array(tokens.length);
  const breakBefore = (j: number) => {
    if (breaks[j] === 0) {
      const between = text.slice((tokens[j - 1] as Token).end, (tokens[j] as Token).start);
      // A wrapped line is not a sentence break; a blank line or a new bullet is.
      breaks[j] = /[.;!?]|\n\s*\n|\n\s*[-•*▪●]/.test(between) ? 2 : 1;
    }
    return breaks[j] === 2;
  };
  for (let i = 0; i < tokens.length; i++) {
    const candidates = byHead.get((tokens[i] as Token).key.slice(0, 3));
    if (!candidates) continue;
    for (const pattern of candidates) {
      const steps = pattern.steps;
      const first = steps[0];
      if (!first || !fits(tokens[i], first)) continue;
      let at = i;
      let ok = true;
      for (let k = 1; k < steps.length; k++) {
        const step = steps[k] as (typeof steps)[number];
        let found = -1;
        for (let j = at + 1; j <= at + 1 + MAX_GAP && j < tokens.length; j++) {
          if (breakBefore(j)) break;
          if (fits(tokens[j], step)) {
            found = j;
            break;
          }
        }
        if (found < 0) {
          ok = false;
          break;
        }
        at = found;
      }
      if (ok) out.push({ value: pattern.value, firstToken: i, lastToken: at + 1 });
    }
  }
  return out;
}
