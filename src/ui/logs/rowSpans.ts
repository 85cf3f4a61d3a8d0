// One screen row of a log as styled spans: search matches inverted, the
// current match also bold (and yellow where colours are allowed). Without
// wrapping, a row whose current match lies past the right edge is shown from
// a little before the match, so `n` never lands on something invisible.
import type { Span } from '../spans.js';
import type { LogMatch, LogRow } from './logRows.js';
import { cellWidth } from '../terminalText.js';

export interface RowStyle {
  width: number;
  wrap: boolean;
  /** The cut marker, drawn at the left edge when the row was shifted. */
  marker: string;
  color: boolean;
  /** Without wrapping: characters scrolled off to the left. */
  column: number;
}

/** Where an unwrapped row starts so that `current` is fully visible. */
function shiftedStart(text: string, current: LogMatch, width: number, marker: string): number {
  if (cellWidth(text.slice(0, current.end)) <= width) return 0;
  const context = Math.max(0, Math.floor(width / 3));
  const from = Math.max(0, current.start - context);
  return cellWidth(marker + text.slice(from, current.end)) <= width ? from : current.start;
}

export function rowSpans(text: string, row: LogRow, lineMatches: readonly LogMatch[], current: LogMatch | undefined, style: RowStyle): Span[] {
  let from = row.start;
  const spans: Span[] = [];
  if (!style.wrap) {
    from = current && current.line === row.line ? shiftedStart(text, current, style.width, style.marker) : Math.min(style.column, text.length);
    // Never start in the middle of a surrogate pair.
    if (from > 0 && from < text.length && /[\udc00-\udfff]/.test(text[from] ?? '')) from += 1;
    if (from > 0) spans.push({ text: style.marker, dim: true });
  }
  const to = row.end;
  let at = from;
  for (const match of lineMatches) {
    const start = Math.max(match.start, from);
    const end = Math.min(match.end, to);
    if (end <= start) continue;
    if (start > at) spans.push({ text: text.slice(at, start) });
    const isCurrent = current !== undefined && match.line === current.line && match.start === current.start;
    spans.push({
      text: text.slice(start, end),
      inverse: true,
      ...(isCurrent ? { bold: true, ...(style.color ? { color: 'yellow' } : {}) } : {}),
    });
    at = end;
  }
  if (at < to) spans.push({ text: text.slice(at, to) });
  return spans;
}
