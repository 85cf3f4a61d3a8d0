// How an open log is laid out on the screen: which screen rows its lines
// become (cut to the width, or wrapped), where a search matches, and which
// row a position or a match sits on. Pure, so scrolling and searching are
// checked without a terminal.
import { codePointWidth, isPlainAscii } from '../terminalText.js';

/** One screen row: a part of one log line. */
export interface LogRow {
  /** Absolute line number (see LogBuffer). */
  line: number;
  /** 0 for the first row of a line, 1 for its first continuation, ... */
  part: number;
  /** Code unit offsets of the row's text in its line. */
  start: number;
  end: number;
}

/** Where a row starts each `width` cells (hard wrap: logs are not prose). */
function wrapOffsets(text: string, width: number): number[] {
  // Plain ASCII (most log lines): one cell per character, so rows start every `width` characters.
  if (isPlainAscii(text)) {
    const offsets = [0];
    for (let at = width; at < text.length; at += width) offsets.push(at);
    return offsets;
  }
  const offsets = [0];
  let used = 0;
  let i = 0;
  for (const ch of text) {
    const w = codePointWidth(ch.codePointAt(0) ?? 0);
    if (used + w > width && used > 0) {
      offsets.push(i);
      used = 0;
    }
    used += w;
    i += ch.length;
  }
  return offsets;
}

/** The rows of `lines` (the first of which is absolute line `firstLine`): one per line, or as many as wrapping needs. */
export function layoutRows(lines: readonly string[], firstLine: number, width: number, wrap: boolean): LogRow[] {
  const rows: LogRow[] = [];
  lines.forEach((text, i) => {
    const line = firstLine + i;
    if (!wrap || width <= 0) {
      rows.push({ line, part: 0, start: 0, end: text.length });
      return;
    }
    const offsets = wrapOffsets(text, width);
    offsets.forEach((start, part) => rows.push({ line, part, start, end: offsets[part + 1] ?? text.length }));
  });
  return rows;
}

/**
 * The rows of a growing log, laid out incrementally: a chatty container adds
 * lines every frame, and wrapping 10,000 lines again each time costs tens of
 * milliseconds. Only new lines are laid out; rows of dropped lines are cut
 * from the front; a new width, a wrap toggle or a new stream start over.
 */
export class RowCache {
  private rows: LogRow[] = [];
  private key = '';
  /** Absolute number one past the last line laid out. */
  private end = 0;

  layout(lines: readonly string[], firstLine: number, generation: number, width: number, wrap: boolean): readonly LogRow[] {
    const key = `${generation}/${width}/${wrap}`;
    const end = firstLine + lines.length;
    if (key !== this.key || end < this.end) {
      this.key = key;
      this.rows = layoutRows(lines, firstLine, width, wrap);
      this.end = end;
      return this.rows;
    }
    const added = end > this.end ? layoutRows(lines.slice(this.end - firstLine), this.end, width, wrap) : [];
    const firstKept = this.rows.findIndex((row) => row.line >= firstLine);
    const kept = firstKept < 0 ? [] : firstKept === 0 ? this.rows : this.rows.slice(firstKept);
    // A new array whenever something changed, so that memoized readers see the change.
    this.rows = added.length > 0 || kept !== this.rows ? kept.concat(added) : this.rows;
    this.end = end;
    return this.rows;
  }
}

/** A position in the log that survives new lines, dropped lines and a wrap toggle. */
export interface RowAnchor {
  line: number;
  part: number;
}

/** Index of the row at `anchor` (or the first row after it; rows.length when past the end). */
export function rowIndexOf(rows: readonly LogRow[], anchor: RowAnchor): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const row = rows[mid];
    if (row && (row.line < anchor.line || (row.line === anchor.line && row.part < anchor.part))) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface LogMatch {
  line: number;
  start: number;
  end: number;
}

/** Every match of `query` (smart case: case-sensitive only when the query has an upper-case letter). */
export function findMatches(lines: readonly string[], firstLine: number, query: string): LogMatch[] {
  if (query === '') return [];
  const caseSensitive = query !== query.toLowerCase();
  const needle = caseSensitive ? query : query.toLowerCase();
  const matches: LogMatch[] = [];
  lines.forEach((text, i) => {
    const hay = caseSensitive ? text : text.toLowerCase();
    // toLowerCase can change lengths for a few scripts; offsets are then approximate, never out of range.
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + Math.max(1, needle.length))) {
      matches.push({ line: firstLine + i, start: Math.min(at, text.length), end: Math.min(at + needle.length, text.length) });
    }
  });
  return matches;
}

/** The row a match starts on. */
export function rowOfMatch(rows: readonly LogRow[], match: LogMatch): number {
  let index = rowIndexOf(rows, { line: match.line, part: 0 });
  while (index + 1 < rows.length && rows[index + 1]?.line === match.line && (rows[index + 1]?.start ?? 0) <= match.start) index += 1;
  return index;
}

/** The next match index from `current` in `direction`, wrapping around; -1 when there are none. */
export function stepMatch(count: number, current: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : count - 1;
  return (current + direction + count) % count;
}

/** The first match at or after the row `top` shows, so a new search starts where the user is looking. */
export function firstMatchFrom(matches: readonly LogMatch[], anchor: RowAnchor): number {
  if (matches.length === 0) return -1;
  const index = matches.findIndex((m) => m.line >= anchor.line);
  return index < 0 ? 0 : index;
}
