import { describe, expect, it } from 'vitest';
import { humanAge, humanDuration } from '../../src/model/duration.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration matches kubectl', () => {
  it.each([
    [-3 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [95 * s, '95s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [3 * m + 20 * s, '3m20s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [45 * m, '45m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [5 * h + 10 * m, '5h10m'],
    [8 * h, '8h'],
    [30 * h, '30h'],
    [47 * h + 59 * m, '47h'],
    [2 * d, '2d'],
    [3 * d + 4 * h, '3d4h'],
    [8 * d, '8d'],
    [400 * d, '400d'],
    [3 * 365 * d + 20 * d, '3y20d'],
    [9 * 365 * d, '9y'],
  ])('%i ms → %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });

  it('reads ages from RFC 3339 timestamps', () => {
    const now = Date.parse('2026-11-25T10:05:00Z');
    expect(humanAge('2026-11-25T10:00:00Z', now)).toBe('5m');
    expect(humanAge(undefined, now)).toBe('<unknown>');
    expect(humanAge('not a time', now)).toBe('<unknown>');
  });
});
