/** A stretch of a text, marked with the skill it names or plain. */
export interface Segment {
  text: string;
  skill?: { id: string; name: string };
}

/**
 * Cuts a text into plain and marked stretches from the extractor's mentions (UTF-16 offsets, as
 * JavaScript strings use). Where mentions overlap, the one that starts first (then the longer) wins.
 */
export function segments(
  text: string,
  skills: { id: string; name: string; mentions: { start: number; end: number }[] }[],
): Segment[] {
  const marks = skills
    .flatMap((s) => s.mentions.map((m) => ({ start: m.start, end: m.end, skill: { id: s.id, name: s.name } })))
    .filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const m of marks) {
    if (m.start < at) continue;
    if (m.start > at) out.push({ text: text.slice(at, m.start) });
    out.push({ text: text.slice(m.start, m.end), skill: m.skill });
    at = m.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
