import { describe, expect, it } from 'vitest';
import { LogBuffer } from '../../../src/ui/logs/logBuffer.js';
import { RowCache, findMatches, firstMatchFrom, layoutRows, rowIndexOf, rowOfMatch, stepMatch } from '../../../src/ui/logs/logRows.js';
import { rowSpans } from '../../../src/ui/logs/rowSpans.js';

const lines = ['level=info msg="listening on :8080"', 'level=error msg="db: connection refused" retry=1', 'panic: ERROR not handled'];

describe('LogBuffer', () => {
  it('keeps the newest lines up to its capacity and numbers lines from the first ever seen', () => {
    const buffer = new LogBuffer(5);
    for (let i = 1; i <= 12; i += 1) buffer.push(`line ${i}`);
    expect(buffer.lines).toEqual(['line 8', 'line 9', 'line 10', 'line 11', 'line 12']);
    expect(buffer.dropped).toBe(7);
    expect(buffer.end).toBe(12);
  });

  it('sanitizes what it stores', () => {
    const buffer = new LogBuffer();
    buffer.push('\u001b[31mred\u001b[0m\u0007');
    expect(buffer.lines).toEqual(['red?']);
  });
});

describe('layoutRows', () => {
  const cases: { name: string; width: number; wrap: boolean; expected: [number, number, number, number][] }[] = [
    { name: 'one row a line without wrap', width: 10, wrap: false, expected: [[5, 0, 0, 3], [6, 0, 0, 12]] },
    { name: 'wrapped at the width', width: 5, wrap: true, expected: [[5, 0, 0, 3], [6, 0, 0, 5], [6, 1, 5, 10], [6, 2, 10, 12]] },
  ];
  it.each(cases)('$name', ({ width, wrap, expected }) => {
    const rows = layoutRows(['abc', 'abcdefghijkl'], 5, width, wrap);
    expect(rows.map((r) => [r.line, r.part, r.start, r.end])).toEqual(expected);
  });

  it('wraps wide characters by cells', () => {
    const rows = layoutRows(['日本語のログ'], 0, 5, true);
    expect(rows.map((r) => [r.start, r.end])).toEqual([[0, 2], [2, 4], [4, 6]]);
  });
});

describe('rowIndexOf', () => {
  const rows = layoutRows(['abc', 'abcdefghijkl', 'x'], 10, 5, true);
  const cases: { line: number; part: number; expected: number }[] = [
    { line: 10, part: 0, expected: 0 },
    { line: 11, part: 2, expected: 3 },
    { line: 12, part: 0, expected: 4 },
    { line: 3, part: 0, expected: 0 },
    { line: 99, part: 0, expected: 5 },
  ];
  it.each(cases)('line $line part $part', ({ line, part, expected }) => {
    expect(rowIndexOf(rows, { line, part })).toBe(expected);
  });
});

describe('findMatches', () => {
  const cases: { query: string; expected: [number, number, number][] }[] = [
    { query: '', expected: [] },
    { query: 'error', expected: [[101, 6, 11], [102, 7, 12]] },
    { query: 'ERROR', expected: [[102, 7, 12]] },
    { query: 'msg', expected: [[100, 11, 14], [101, 12, 15]] },
    { query: 'ERROR not', expected: [[102, 7, 16]] },
    { query: 'nothing here', expected: [] },
  ];
  it.each(cases)('"$query"', ({ query, expected }) => {
    expect(findMatches(lines, 100, query).map((m) => [m.line, m.start, m.end])).toEqual(expected);
  });

  it('finds the row a match is on when wrapped', () => {
    const rows = layoutRows(lines, 100, 10, true);
    const [first] = findMatches(lines, 100, 'refused');
    expect(first).toBeDefined();
    const row = rows[rowOfMatch(rows, first!)];
    expect(row?.line).toBe(101);
    expect(row!.start).toBeLessThanOrEqual(first!.start);
    expect(row!.end).toBeGreaterThan(first!.start);
  });
});

describe('stepMatch and firstMatchFrom', () => {
  const cases: { count: number; current: number; direction: 1 | -1; expected: number }[] = [
    { count: 0, current: -1, direction: 1, expected: -1 },
    { count: 3, current: -1, direction: 1, expected: 0 },
    { count: 3, current: -1, direction: -1, expected: 2 },
    { count: 3, current: 2, direction: 1, expected: 0 },
    { count: 3, current: 0, direction: -1, expected: 2 },
    { count: 3, current: 1, direction: 1, expected: 2 },
  ];
  it.each(cases)('$current of $count, $direction', ({ count, current, direction, expected }) => {
    expect(stepMatch(count, current, direction)).toBe(expected);
  });

  it('starts a search where the user is looking', () => {
    const matches = findMatches(lines, 100, 'level');
    expect(firstMatchFrom(matches, { line: 101, part: 0 })).toBe(1);
    expect(firstMatchFrom(matches, { line: 200, part: 0 })).toBe(0);
    expect(firstMatchFrom([], { line: 0, part: 0 })).toBe(-1);
  });
});

describe('rowSpans', () => {
  const text = lines[1]!;
  const row = { line: 101, part: 0, start: 0, end: text.length };
  const style = { width: 80, wrap: false, marker: '…', color: true, column: 0 };

  it('inverts every match and marks the current one', () => {
    const matches = findMatches(lines, 100, 'e').filter((m) => m.line === 101).slice(0, 2);
    expect(matches.map((m) => m.start)).toEqual([1, 3]);
    const spans = rowSpans(text, row, matches, matches[1], style);
    expect(spans.slice(0, 5)).toEqual([
      { text: 'l' },
      { text: 'e', inverse: true },
      { text: 'v' },
      { text: 'e', inverse: true, bold: true, color: 'yellow' },
      { text: 'l=error msg="db: connection refused" retry=1' },
    ]);
  });

  it('shifts an unwrapped row so the current match past the edge is visible', () => {
    const [match] = findMatches(lines, 100, 'retry');
    const spans = rowSpans(text, row, [match!], match, { ...style, width: 20 });
    expect(spans[0]).toEqual({ text: '…', dim: true });
    expect(spans.map((s) => s.text).join('')).toBe('…used" retry=1');
  });

  it('without wrapping, starts each row at the column scrolled to, marking the cut', () => {
    const spans = rowSpans(text, row, [], undefined, { ...style, column: 12 });
    expect(spans.map((s) => s.text).join('')).toBe('…msg="db: connection refused" retry=1');
    expect(rowSpans('short', { line: 1, part: 0, start: 0, end: 5 }, [], undefined, { ...style, column: 12 })).toEqual([{ text: '…', dim: true }]);
  });

  it('never starts inside a surrogate pair', () => {
    const emoji = 'ok 🔥 done';
    const spans = rowSpans(emoji, { line: 1, part: 0, start: 0, end: emoji.length }, [], undefined, { ...style, column: 4 });
    expect(spans.map((s) => s.text).join('')).toBe('… done');
  });

  it('draws only the part of a wrapped row', () => {
    const spans = rowSpans(text, { line: 101, part: 1, start: 10, end: 20 }, [], undefined, { ...style, wrap: true });
    expect(spans).toEqual([{ text: 'r msg="db:' }]);
  });
});

describe('RowCache', () => {
  it('lays out only what changed and always equals a full layout', () => {
    const buffer = new LogBuffer(6);
    const cache = new RowCache();
    const check = (width: number, wrap: boolean) => {
      const rows = cache.layout(buffer.lines, buffer.dropped, buffer.generation, width, wrap);
      expect(rows).toEqual(layoutRows(buffer.lines, buffer.dropped, width, wrap));
      return rows;
    };
    for (const line of ['a', 'bbbbbbbbbbbb', 'cc']) buffer.push(line);
    const first = check(5, true);
    expect(check(5, true)).toBe(first);
    buffer.push('ddddddd');
    check(5, true);
    for (const line of ['e', 'f', 'g', 'hhhhhhhhhhhhhhh']) buffer.push(line);
    expect(buffer.dropped).toBe(2);
    check(5, true);
    check(8, true);
    check(8, false);
    buffer.clear();
    for (const line of ['new stream', 'x', 'y', 'z', 'w', 'v', 'u', 't']) buffer.push(line);
    check(8, false);
  });
});
