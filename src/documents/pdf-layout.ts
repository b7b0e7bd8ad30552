/** A run of text placed on a page: what pdf.js reports, reduced to what layout needs. */
export interface TextRun {
  text: string;
  x: number;
  /** Baseline, measured upward from the bottom of the page as PDF does. */
  y: number;
  width: number;
  size: number;
}

interface Segment {
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
}

/**
 * Rebuilds the reading order of one page: runs on the same baseline join into segments, a wide
 * horizontal gap starts a new segment, and a vertical gutter that no segment crosses splits the
 * page into columns: `lines` is the page (or its left column), `right` its right column. Pure:
 * runs in, lines of text out.
 */
export function layoutPage(
  runs: TextRun[],
  pageWidth: number,
  previousGutter?: number,
): { lines: string[]; right: string[]; columns: 1 | 2; gutter?: number } {
  const segments = toSegments(runs);
  if (segments.length === 0) return { lines: [], right: [], columns: 1 };
  // A page that continues a two-column layout may hold little in one column: keep the gutter
  // of the page before when nothing crosses it.
  const kept =
    previousGutter !== undefined && segments.every((s) => !(s.x0 < previousGutter && s.x1 > previousGutter))
      ? previousGutter
      : undefined;
  const gutter = kept ?? findGutter(segments, pageWidth);
  if (gutter === undefined) return { lines: toLines(segments), right: [], columns: 1 };
  const left = segments.filter((s) => s.x1 <= gutter);
  const right = segments.filter((s) => s.x0 >= gutter);
  return { lines: toLines(left), right: toLines(right), columns: 2, gutter };
}

function toSegments(runs: TextRun[]): Segment[] {
  const sorted = runs.filter((r) => r.text.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const segments: Segment[] = [];
  let current: Segment | undefined;
  for (const r of sorted) {
    const sameLine = current && Math.abs(current.y - r.y) <= Math.max(1.5, 0.35 * Math.min(current.size, r.size));
    const gap = current ? r.x - current.x1 : 0;
    // Only a run that continues to the right joins; one further left is another column's text.
    if (current && sameLine && gap > -0.5 * r.size && gap < 2.5 * r.size) {
      // A visible gap between runs is a space the PDF did not write as a character.
      const space = gap > 0.15 * r.size && !current.text.endsWith(" ") && !r.text.startsWith(" ") ? " " : "";
      current.text += space + r.text;
      current.x1 = Math.max(current.x1, r.x + r.width);
    } else {
      current = { x0: r.x, x1: r.x + r.width, y: r.y, size: r.size, text: r.text };
      segments.push(current);
    }
  }
  return segments.filter((s) => s.text.trim().length > 0);
}

/**
 * The x of a vertical gutter between 25% and 75% of the page width that (almost) no segment
 * crosses, with enough text on each side to be a column; undefined for a one-column page.
 */
function findGutter(segments: Segment[], pageWidth: number): number | undefined {
  let best: { x: number; crossing: number } | undefined;
  for (let x = pageWidth * 0.25; x <= pageWidth * 0.75; x += pageWidth / 100) {
    let crossing = 0;
    let left = 0;
    let right = 0;
    for (const s of segments) {
      if (s.x0 < x && s.x1 > x) crossing++;
      else if (s.x1 <= x) left++;
      else right++;
    }
    const enough = left >= Math.max(3, segments.length * 0.15) && right >= Math.max(3, segments.length * 0.15);
    if (enough && (!best || crossing < best.crossing)) best = { x, crossing };
  }
  if (!best || best.crossing > segments.length * 0.04) return undefined;
  // Both columns must run down the page side by side, not be a table of a few rows.
  const ys = (pick: (s: Segment) => boolean) => segments.filter(pick).map((s) => s.y);
  const l = ys((s) => s.x1 <= (best as { x: number }).x);
  const r = ys((s) => s.x0 >= (best as { x: number }).x);
  const overlap = Math.min(Math.max(...l), Math.max(...r)) - Math.max(Math.min(...l), Math.min(...r));
  const height = Math.max(...l, ...r) - Math.min(...l, ...r);
  return overlap > height * 0.3 ? best.x : undefined;
}

/** Segments of one column into lines, top to bottom; segments on one baseline join with a wide space. */
function toLines(segments: Segment[]): string[] {
  const sorted = [...segments].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: string[] = [];
  let lastY: number | undefined;
  let lastSize = 0;
  for (const s of sorted) {
    const text = s.text.replace(/\s+/g, " ").trim();
    if (lastY !== undefined && Math.abs(lastY - s.y) <= Math.max(1.5, 0.35 * Math.min(lastSize, s.size))) {
      lines[lines.length - 1] += `   ${text}`;
    } else {
      // A gap of more than ~1.8 lines is a paragraph break; keep it so sections stay apart.
      if (lastY !== undefined && lastY - s.y > 1.8 * Math.max(lastSize, s.size) * 1.2) lines.push("");
      lines.push(text);
    }
    lastY = s.y;
    lastSize = s.size;
  }
  return lines;
}
