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
export function matchProximity<V>(text: string, tokens: Token[], patterns: ProximityPattern<V>[]): ProximityMatch<V>[] {
  const out: ProximityMatch<V>[] = [];
  const fits = (t: Token | undefined, step: { stem: string; prefix: boolean }) =>
    t !== undefined && (step.prefix ? t.key.startsWith(step.stem) : t.key === step.stem);
  // Patterns indexed by the first three letters of their first word, so each token looks at the
  // few patterns that could start on it rather than at all of them.
  const byHead = new Map<string, ProximityPattern<V>[]>();
  for (const p of patterns) {
    const head = p.steps[0]?.stem.slice(0, 3) ?? "";
    byHead.set(head, [...(byHead.get(head) ?? []), p]);
  }
  for (let i = 0; i < tokens.length; i++) {
    const candidates = byHead.get((tokens[i] as Token).key.slice(0, 3));
    if (!candidates) continue;
    for (const pattern of candidates) {
      const [first, ...rest] = pattern.steps;
      if (!first || !fits(tokens[i], first)) continue;
      let at = i;
      let ok = true;
      for (const step of rest) {
        let found = -1;
        for (let j = at + 1; j <= at + 1 + MAX_GAP && j < tokens.length; j++) {
          const between = text.slice((tokens[j - 1] as Token).end, (tokens[j] as Token).start);
          // A wrapped line is not a sentence break; a blank line or a new bullet is.
          if (/[.;!?]|\n\s*\n|\n\s*[-•*▪●]/.test(between)) break;
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
