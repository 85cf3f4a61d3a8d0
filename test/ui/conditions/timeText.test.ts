import { beforeAll, describe, expect, it } from 'vitest';
import { timeText } from '../../../src/ui/conditions/timeText.js';

beforeAll(() => {
  process.env.TZ = 'UTC';
});

const now = Date.parse('2026-11-25T14:10:00Z');

describe('timeText', () => {
  const cases: { at: string | number | null | undefined; absolute: boolean; expected: string }[] = [
    { at: '2026-11-25T14:05:12Z', absolute: false, expected: '4m48s ago' },
    { at: '2026-11-25T11:10:00Z', absolute: false, expected: '3h ago' },
    { at: Date.parse('2026-11-25T14:09:59Z'), absolute: false, expected: '1s ago' },
    { at: '2026-11-25T14:05:12Z', absolute: true, expected: '2026-11-25 14:05:12' },
    { at: null, absolute: false, expected: '<none>' },
    { at: undefined, absolute: true, expected: '<none>' },
    { at: '', absolute: false, expected: '<none>' },
    { at: 'yesterday', absolute: false, expected: '<invalid>' },
    { at: '2026-11-25T14:10:05Z', absolute: false, expected: '0s ago' },
    { at: '2026-11-25T14:10:05Z', absolute: true, expected: '2026-11-25 14:10:05' },
  ];
  it.each(cases)('$at (absolute: $absolute)', ({ at, absolute, expected }) => {
    expect(timeText(at, now, absolute)).toBe(expected);
  });
});
