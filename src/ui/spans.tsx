// A pane line as a list of styled spans, cut to the pane's width before Ink
// sees it: panes never wrap (the app is sized to the terminal), and a cut
// line ends in a marker so it is not mistaken for a whole one.
import { Text } from 'ink';
import { cellWidth, codePointWidth } from './terminalText.js';

export interface Span {
  text: string;
  color?: string | undefined;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export type PaneLine = readonly Span[];

/** The cut marker: an ellipsis, or "~" where only ASCII may be drawn. */
export function cutMarker(ascii: boolean): string {
  return ascii ? '~' : '…';
}

export function lineText(line: PaneLine): string {
  return line.map((span) => span.text).join('');
}

// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * A span that cannot break its line: a newline or tab becomes a space and
 * any other control character goes. Text from the cluster was cleaned in
 * src/kube already; this keeps a pane exactly one row per line whatever a
 * caller hands it.
 */
function oneRow(span: Span): Span {
  if (!controlCharacter.test(span.text)) return span;
  return { ...span, text: span.text.replace(controlCharacters, '').replace(/[\t\n\r]/g, ' ') };
}

/** The spans of `line` that fit in `width` cells, the last one ending in the marker when something was cut. */
export function fitSpans(unsafe: PaneLine, width: number, marker: string): Span[] {
  const line = unsafe.map(oneRow);
  if (cellWidth(lineText(line)) <= width) return line;
  const room = Math.max(0, width - cellWidth(marker));
  const out: Span[] = [];
  let used = 0;
  for (const span of line) {
    let text = '';
    for (const ch of span.text) {
      const w = codePointWidth(ch.codePointAt(0) ?? 0);
      if (used + w > room) break;
      text += ch;
      used += w;
    }
    if (text !== '') out.push({ ...span, text });
    if (text.length < span.text.length) break;
  }
  if (width > 0) out.push({ text: marker.slice(0, width), dim: true });
  return out;
}

/** One line of a pane, exactly as wide as it may be at most. */
export function SpanLine({ line, width, ascii }: { line: PaneLine; width: number; ascii: boolean }) {
  const spans = fitSpans(line, width, cutMarker(ascii));
  return (
    <Text wrap="truncate-end">
      {spans.length === 0
        ? ' '
        : spans.map((span, i) => (
            <Text
              key={i}
              {...(span.color ? { color: span.color } : {})}
              bold={span.bold ?? false}
              dimColor={span.dim ?? false}
              inverse={span.inverse ?? false}
            >
              {span.text}
            </Text>
          ))}
    </Text>
  );
}

/** Where each row of a word-wrapped text starts (code unit offsets), continuation rows having `indent` cells less. */
function rowStarts(text: string, width: number, indent: number): number[] {
  const starts = [0];
  let used = 0;
  let lastSpace = -1;
  let i = 0;
  for (const ch of text) {
    const w = codePointWidth(ch.codePointAt(0) ?? 0);
    const rowStart = starts[starts.length - 1] ?? 0;
    if (used + w > width && i > rowStart) {
      // Break after the last space of the row when there is one, else mid-word (URLs, UIDs).
      const wordBreak = lastSpace > rowStart && text.slice(rowStart, lastSpace).trim() !== '';
      const breakAt = wordBreak ? lastSpace + 1 : i;
      starts.push(breakAt);
      used = indent + cellWidth(text.slice(breakAt, i));
      lastSpace = -1;
    }
    if (ch === ' ') lastSpace = i;
    used += w;
    i += ch.length;
  }
  return starts;
}

/** The spans covering text offsets [from, to). */
function sliceSpans(line: PaneLine, from: number, to: number): Span[] {
  const out: Span[] = [];
  let offset = 0;
  for (const span of line) {
    const start = Math.max(from, offset);
    const end = Math.min(to, offset + span.text.length);
    if (start < end) out.push({ ...span, text: span.text.slice(start - offset, end - offset) });
    offset += span.text.length;
  }
  return out;
}

/**
 * Word-wraps a long line into rows of `width` cells, each continuation row
 * indented by `indent` spaces; at most `maxRows` rows, the last one cut.
 * Used for messages (a probe's error, a termination message) whose end
 * matters as much as their start.
 */
export function wrapLine(line: PaneLine, width: number, indent: number, maxRows = 4): PaneLine[] {
  const text = lineText(line);
  if (width <= indent + 1 || cellWidth(text) <= width) return [line];
  const starts = rowStarts(text, width, indent);
  const rows: PaneLine[] = starts.map((start, row) => {
    let end = starts[row + 1] ?? text.length;
    // The space a row was broken at is not drawn.
    while (end > start && text[end - 1] === ' ' && row < starts.length - 1) end -= 1;
    const spans = sliceSpans(line, start, end);
    return row === 0 ? spans : [{ text: ' '.repeat(indent) }, ...spans];
  });
  if (rows.length <= maxRows) return rows;
  // The last row shown is made over-long so that fitSpans ends it in the cut marker.
  const kept = rows.slice(0, maxRows);
  kept[maxRows - 1] = [...(kept[maxRows - 1] ?? []), { text: ' '.repeat(width) }];
  return kept;
}
