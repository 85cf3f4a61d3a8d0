import { describe, expect, it } from 'vitest';
import { fitSpans, lineText, wrapLine, type PaneLine } from '../../src/ui/spans.js';
import { cellWidth } from '../../src/ui/terminalText.js';

const line: PaneLine = [
  { text: 'Ready ', bold: true },
  { text: 'False', color: 'red' },
  { text: ' ContainersNotReady' },
];

describe('fitSpans', () => {
  const cases: { width: number; expected: string; spans: number }[] = [
    { width: 40, expected: 'Ready False ContainersNotReady', spans: 3 },
    { width: 30, expected: 'Ready False ContainersNotReady', spans: 3 },
    { width: 12, expected: 'Ready False…', spans: 3 },
    { width: 9, expected: 'Ready Fa…', spans: 3 },
    { width: 6, expected: 'Ready…', spans: 2 },
    { width: 1, expected: '…', spans: 1 },
  ];
  it.each(cases)('width $width', ({ width, expected, spans }) => {
    const fitted = fitSpans(line, width, '…');
    expect(lineText(fitted)).toBe(expected);
    expect(fitted).toHaveLength(spans);
    expect(cellWidth(lineText(fitted))).toBeLessThanOrEqual(width);
  });

  it('never lets a span break its row or reach the terminal with a control character', () => {
    const fitted = fitSpans([{ text: 'exit\n\tpanic\u001b[2J\u0007', color: 'red' }, { text: ' ok' }], 40, '…');
    expect(fitted).toEqual([{ text: 'exit  panic[2J', color: 'red' }, { text: ' ok' }]);
  });

  it('keeps the style of each span it keeps', () => {
    expect(fitSpans(line, 9, '…').slice(0, 2)).toEqual([
      { text: 'Ready ', bold: true },
      { text: 'Fa', color: 'red' },
    ]);
  });
});

describe('wrapLine', () => {
  const message: PaneLine = [{ text: '    ' }, { text: 'containers with unready status: [app sidecar]', color: 'yellow' }];
  const cases: { width: number; maxRows?: number; expected: string[] }[] = [
    { width: 80, expected: ['    containers with unready status: [app sidecar]'] },
    { width: 30, expected: ['    containers with unready', '    status: [app sidecar]'] },
    { width: 20, expected: ['    containers with', '    unready status:', '    [app sidecar]'] },
    { width: 20, maxRows: 2, expected: ['    containers with', `    unready status:${' '.repeat(20)}`] },
    { width: 12, expected: ['    containe', '    rs with', '    unready', `    status:${' '.repeat(12)}`] },
  ];
  it.each(cases)('width $width, $maxRows rows at most', ({ width, maxRows, expected }) => {
    const rows = wrapLine(message, width, 4, maxRows);
    expect(rows.map(lineText)).toEqual(expected);
  });

  it('keeps styles across the break', () => {
    const rows = wrapLine(message, 30, 4);
    expect(rows[1]).toEqual([{ text: '    ' }, { text: 'status: [app sidecar]', color: 'yellow' }]);
  });
});
