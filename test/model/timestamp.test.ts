import { describe, expect, test } from 'vitest';
import { timestampMs } from '../../src/model/timestamp.js';

describe('timestampMs', () => {
  test.each<[string, string | null | undefined, number | undefined]>([
    ['the API server form', '2026-11-25T10:00:00Z', Date.parse('2026-11-25T10:00:00Z')],
    ['the epoch', '1970-01-01T00:00:00Z', 0],
    ['a leap day', '2028-02-29T23:59:59Z', Date.parse('2028-02-29T23:59:59Z')],
    ['a leap day of a century divisible by 400', '2000-02-29T12:00:00Z', Date.parse('2000-02-29T12:00:00Z')],
    ['end of a 30-day month', '2026-04-30T00:00:00Z', Date.parse('2026-04-30T00:00:00Z')],
    ['MicroTime (fraction of a second)', '2026-11-25T10:00:00.123456Z', Date.parse('2026-11-25T10:00:00.123456Z')],
    ['an offset instead of Z', '2026-11-25T11:00:00+01:00', Date.parse('2026-11-25T10:00:00Z')],
    ['lower-case t and z (RFC 3339 allows them)', '2026-11-25t10:00:00z', Date.parse('2026-11-25t10:00:00z')],
    ['absent', undefined, undefined],
    ['null (lastProbeTime)', null, undefined],
    ['empty', '', undefined],
    ['garbage', 'yesterday', undefined],
  ])('%s', (_, input, expected) => {
    expect(timestampMs(input)).toBe(expected);
  });

  test.each([
    '2026-02-29T10:00:00Z',
    '2100-02-29T10:00:00Z',
    '2026-04-31T10:00:00Z',
    '2026-13-01T10:00:00Z',
    '2026-00-10T10:00:00Z',
    '2026-11-25T24:00:01Z',
    '2026-11-25T10:60:00Z',
    '2026-1a-25T10:00:00Z',
    '0099-11-25T10:00:00Z',
  ])('whatever the fast path does not take reads as Date.parse reads it: %s', (input) => {
    const parsed = Date.parse(input);
    expect(timestampMs(input)).toBe(Number.isNaN(parsed) ? undefined : parsed);
  });

  test('times that share a minute and second (one cache slot) never read as each other', () => {
    const times = ['2026-11-25T10:07:09Z', '2026-11-25T11:07:09Z', '1999-01-01T00:07:09Z', '2026-11-25T10:07:09Z'];
    for (let round = 0; round < 3; round++) {
      for (const time of times) expect(timestampMs(JSON.parse(JSON.stringify(time)) as string)).toBe(Date.parse(time));
    }
  });
});
