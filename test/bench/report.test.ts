import { describe, expect, it } from 'vitest';
import { formatRatio, formatValue, verdict, type Figure } from '../../src/bench/report/figure.js';
import { markdownTable } from '../../src/bench/report/markdownTable.js';
import { percentile } from '../../src/bench/report/percentile.js';

describe('percentile (nearest rank)', () => {
  const samples = [12, 3, 7, 45, 9, 5, 8, 11, 6, 4, 10, 13, 14, 15, 16, 17, 18, 19, 20, 2];
  it.each([
    [50, 11],
    [95, 20],
    [100, 45],
    [5, 2],
  ])('p%i of 20 samples is a measured value: %i', (p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });
  it('is NaN without samples and refuses p outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile(samples, 0)).toThrow();
  });
});

describe('figure formatting', () => {
  it.each([
    [850, 'ms', '850 ms'],
    [4.26, 'ms', '4.3 ms'],
    [1840, 'ms', '1.84 s'],
    [212_400_000, 'bytes', '212 MB'],
    [2_870, 'bytes', '2,870 B'],
    [52_000, 'bytes', '52.0 KB'],
    [8_900, 'bytes/s', '8.9 KB/s'],
    [640, 'bytes/s', '640 B/s'],
    [37.4, '%', '37 %'],
    [4.44, '%', '4.4 %'],
    [100000, 'count', '100,000'],
    [undefined, 'ms', '—'],
  ] as const)('%s %s → %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it.each<[Partial<Figure>, string]>([
    [{ podtui: 1900, budget: 2000 }, 'PASS'],
    [{ podtui: 2000, budget: 2000 }, 'PASS'],
    [{ podtui: 2100, budget: 2000 }, 'MISS'],
    [{ podtui: undefined, budget: 2000 }, 'FAILED'],
    [{ podtui: 2100 }, 'n/a'],
  ])('verdict of %j is %s', (partial, expected) => {
    expect(verdict({ name: 'x', load: 'y', unit: 'ms', podtui: undefined, ...partial })).toBe(expected);
  });

  it('ratios podtui to kubectl, and leaves the cell empty when a side is missing', () => {
    const base = { name: 'RSS', load: '10,000 pods', unit: 'bytes' as const };
    expect(formatRatio({ ...base, podtui: 150e6, kubectl: 300e6 })).toBe('0.50×');
    expect(formatRatio({ ...base, podtui: 150e6, kubectl: undefined })).toBe('');
    expect(formatRatio({ ...base, podtui: 150e6 })).toBe('');
  });
});

describe('markdownTable', () => {
  it('prints one row per figure with budget and verdict, kubectl cells only where measured', () => {
    const table = markdownTable([
      { name: 'Full pod list on screen', load: '10,000 pods', unit: 'ms', podtui: 1500, kubectl: 3000, budget: 2000 },
      { name: 'Key latency p95', load: 'storm | 10,000 pods', unit: 'ms', podtui: 72, budget: 50 },
      { name: 'RSS settled', load: '1,000 pods', unit: 'bytes', podtui: 90e6, kubectl: undefined, note: 'kubectl died' },
    ]).split('\n');
    expect(table).toEqual([
      '| Figure | Load | podtui | kubectl -w | podtui/kubectl | Budget | Verdict |',
      '| --- | --- | --- | --- | --- | --- | --- |',
      '| Full pod list on screen | 10,000 pods | 1.50 s | 3.00 s | 0.50× | ≤ 2.00 s | PASS |',
      '| Key latency p95 | storm \\| 10,000 pods | 72 ms |  |  | ≤ 50 ms | MISS |',
      '| RSS settled (kubectl died) | 1,000 pods | 90 MB | — |  |  | n/a |',
    ]);
  });
});
