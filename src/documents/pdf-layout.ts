/** A run of text placed on a page: what pdf.js reports, reduced to what layout needs. */
export interface TextRun {
  text: string;
  x: number;
  /** Baseline, measured upward from the bottom of the page as PDF does. */
  y: number;
  width: number;
  size: number;
  /** The PDF's name for the run's font: bold, italic and regular text each have their own. */
  font?: string;
}

interface Segment {
  x0: number;
  x1: number;
  y: number;
  size: number;
  text: string;
  /** Fonts of the first and the last run: where a line ends and the next begins. */
  fontStart?: string;
  fontEnd?: string;
}

/**
 * Rebuilds the reading order of one page: runs on the same baseline join into segments, a wide
 * horizontal gap starts a new segment, and a vertical gutter that no segment crosses splits the
 * page into columns: `lines` is the page (or its left column), `right` its right column, and
 * `header` what runs across both columns above them. Pure: runs in, lines of text out.
 */
export function layoutPage(
  runs: TextRun[],
  pageWidth: number,
  previousGutter?: number,
): { lines: string[]; right: string[]; columns: 1 | 2; gutter?: number; header: string[] } {
  const segments = toSegments(runs);
  if (segments.length === 0) return { lines: [], right: [], columns: 1, header: [] };
  // A page that continues a two-column layout may hold little in one column: keep the gutter
  // of the page before when nothing crosses it.
  const kept =
    previousGutter !== undefined && segments.every((s) => !(s.x0 < previousGutter && s.x1 > previousGutter))
      ? previousGutter
      : undefined;
  const gutter = kept ?? findGutter(segments, pageWidth);
  if (gutter === undefined) return { lines: toLines(segments), right: [], columns: 1, header: [] };
  // A line across both columns above where both begin (a headline under the name) is the page's
  // header: it is read first, with all that stands above it. It had been dropped as a line that
  // crosses the gutter. Lines that cross lower down (a footer) are still left out.
  const topOf = (side: (s: Segment) => boolean) =>
    segments.reduce((m, s) => (side(s) ? Math.max(m, s.y) : m), Number.NEGATIVE_INFINITY);
  const top = Math.min(
    topOf((s) => s.x1 <= gutter),
    topOf((s) => s.x0 >= gutter),
  );
  const cut = segments.reduce(
    (m, s) => (s.x0 < gutter && s.x1 > gutter && s.y > top ? Math.min(m, s.y - 0.35 * s.size) : m),
    Number.POSITIVE_INFINITY,
  );
  const body = segments.filter((s) => s.y < cut);
  const left = body.filter((s) => s.x1 <= gutter);
  const right = body.filter((s) => s.x0 >= gutter);
  const header = toLines(segments.filter((s) => s.y >= cut));
  return { lines: toLines(left), right: toLines(right), columns: 2, gutter, header };
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
      if (r.text.trim()) {
        if (!current.text.trim()) current.fontStart = r.font;
        current.fontEnd = r.font;
      }
      current.text += space + r.text;
      current.x1 = Math.max(current.x1, r.x + r.width);
    } else {
      current = { x0: r.x, x1: r.x + r.width, y: r.y, size: r.size, text: r.text, fontStart: r.font, fontEnd: r.font };
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

interface Edges {
  left: number;
  right: number;
  /** Lines that end within two and a half ems of `right`. */
  reached: number;
}

interface Line {
  text: string;
  x0: number;
  /** Right end and baseline of the line's last physical line, once wrapped lines are joined. */
  x1: number;
  y: number;
  size: number;
  fontStart?: string;
  fontEnd?: string;
  /** Segments on the baseline: a line of several (a title and its dates apart) is laid out, not wrapped. */
  parts: number;
  /** Text and width of the last physical line, to judge a word broken for want of room. */
  tail: string;
  width: number;
}

/**
 * Segments of one column into lines, top to bottom; segments on one baseline join with a wide
 * space, and a line the column wrapped joins the line it continues.
 */
function toLines(segments: Segment[]): string[] {
  const sorted = [...segments].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const rows: (Line | null)[] = [];
  let last: Line | undefined;
  for (const s of sorted) {
    const text = s.text.replace(/\s+/g, " ").trim();
    if (last && Math.abs(last.y - s.y) <= Math.max(1.5, 0.35 * Math.min(last.size, s.size))) {
      last.text += `   ${text}`;
      last.x1 = Math.max(last.x1, s.x1);
      last.fontEnd = s.fontEnd;
      last.parts++;
    } else {
      // A gap of more than ~1.8 lines is a paragraph break; keep it so sections stay apart.
      if (last && last.y - s.y > 1.8 * Math.max(last.size, s.size) * 1.2) rows.push(null);
      last = { ...s, text, parts: 1, tail: text, width: s.x1 - s.x0 };
      rows.push(last);
    }
  }
  // The column's edges as its text of each size reaches them: a name in large type above a
  // sidebar may reach past the sidebar's text. Wrapped text runs up to the right edge on more
  // than one line; where no other line reaches near the widest one, that one is no edge (an email
  // address over a list of short items) and nothing is taken for wrapped.
  const edges = new Map<number, Edges>();
  for (const s of sorted) {
    const e = edges.get(Math.round(s.size)) ?? { left: s.x0, right: s.x1, reached: 0 };
    edges.set(Math.round(s.size), { left: Math.min(e.left, s.x0), right: Math.max(e.right, s.x1), reached: 0 });
  }
  for (const row of rows) {
    const e = row && edges.get(Math.round(row.size));
    if (e && row.x1 >= e.right - 2.5 * row.size) e.reached++;
  }
  // The column's line pitch, in ems, from the lines that could continue one another (same x,
  // size and font where they meet): lines further apart than that were set apart by a paragraph's
  // or list item's spacing, and none of them was wrapped. A title and its dates, in another font,
  // may sit closer than a paragraph's lines, so they do not count.
  let pitch = Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    if (a && b && continues(a, b) && a.y - b.y >= 0.9 * a.size) pitch = Math.min(pitch, (a.y - b.y) / a.size);
  }
  const lines: string[] = [];
  let open: Line | undefined;
  for (const row of rows) {
    if (row === null) {
      lines.push("");
      open = undefined;
    } else if (open && wraps(open, row, { ...(edges.get(Math.round(open.size)) as Edges), pitch })) {
      open.text = joinWrapped(open, row, edges.get(Math.round(open.size)) as Edges);
      lines[lines.length - 1] = open.text;
      Object.assign(open, { x1: row.x1, y: row.y, fontEnd: row.fontEnd, tail: row.tail, width: row.width });
    } else {
      lines.push(row.text);
      open = row;
    }
  }
  return lines;
}

/**
 * Whether `next` continues `line`, wrapped by the column: it starts at the same x in the same
 * size, one line pitch below, with no change of font at the break (a bold title, its regular
 * organisation and italic dates are set apart by font), and its first word would not have fitted
 * at the end of `line` (else `line` ended there by choice: a bullet, a date, a heading). The
 * column's right edge is taken where its widest line ends, which in a narrow sidebar falls up to
 * an em short of the real margin, and a word's width is guessed from its share of the letters:
 * a word counts as not fitting unless it had an em to spare. So a line ending near the edge with
 * a short word next can pass for wrapped; the font and pitch checks keep title, organisation and
 * date lines apart then.
 */
function wraps(line: Line, next: Line, column: Edges & { pitch: number }): boolean {
  const { left, right } = column;
  if (column.reached < 2 || !continues(line, next) || line.y - next.y > column.pitch * line.size + 0.5) return false;
  const word = /^\S+/.exec(next.text)?.[0] ?? "";
  const wordWidth = (next.width * word.length) / Math.max(1, next.text.length);
  return line.x1 + 0.25 * line.size + wordWidth > right - line.size && right - left > 4 * line.size;
}

/** Two lines one of which might be the other's wrapped end: laid out alike where they meet. */
function continues(line: Line, next: Line): boolean {
  return (
    line.parts === 1 &&
    next.parts === 1 &&
    Math.abs(line.x0 - next.x0) <= 1 &&
    Math.abs(line.size - next.size) <= 0.5 &&
    line.fontEnd === next.fontStart
  );
}

/**
 * The two lines as one: a break after a hyphen ("A-" / "level", "harriet-" / "okafor") or before
 * punctuation joins without a space, as does an address that filled the line alone and was broken
 * for want of room ("harriet.okafor@example.co" / "m"). Only an address: the widest line of a
 * column passes for wrapped whatever follows it, and a name there must not run into the next.
 */
function joinWrapped(line: Line, next: Line, column: Edges): string {
  // The last physical line only: tested against the whole joined text, a paragraph of many
  // wrapped lines would be scanned once per line.
  const glued =
    /[\p{L}\p{N}]-$/u.test(line.tail) ||
    /^[,.;:!?)\]]/.test(next.text) ||
    (/^[^\s@/]+[@/.][^\s]*$/.test(line.tail) &&
      /^[\p{Ll}\p{N}]/u.test(next.text) &&
      line.width >= 0.85 * (column.right - column.left));
  return `${line.text}${glued ? "" : " "}${next.text}`;
}
