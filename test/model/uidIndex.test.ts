import { describe, expect, it } from 'vitest';
import { UidIndex } from '../../src/model/uidIndex.js';

interface Rec {
  uid: string | undefined;
  name: string;
}
const rec = (uid: string | undefined, name = uid ?? ''): Rec => ({ uid, name });

// Uids whose last eight characters are equal get the same number.
const A = '6f1c2a9e-4b3d-4c8e-9a10-0000deadbeef';
const B = '11111111-2222-4333-8444-5555deadbeef';
const C = '99999999-8888-4777-8666-5555deadbeef';

describe('UidIndex', () => {
  it('finds records by uid, replaces and forgets them', () => {
    const index = new UidIndex<Rec>();
    const uids = Array.from({ length: 2_000 }, (_, i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`);
    for (const uid of uids) index.set(rec(uid));
    expect(index.size).toBe(2_000);
    for (const uid of uids) expect(index.get(uid)?.uid).toBe(uid);
    // A uid built afresh (another string object, as every parse makes) finds the same record.
    expect(index.get(['00000000', '0000', '4000', '8000', '000000000007'].join('-'))?.name).toBe(uids[7]);
    index.set(rec(uids[7]!, 'replaced'));
    expect(index.get(uids[7]!)?.name).toBe('replaced');
    expect(index.size).toBe(2_000);
    index.delete(uids[7]!);
    expect(index.get(uids[7]!)).toBeUndefined();
    expect(index.size).toBe(1_999);
    expect(index.get('not-a-uid')).toBeUndefined();
  });

  it('keeps uids that share a number apart, whichever leaves first', () => {
    const index = new UidIndex<Rec>();
    index.set(rec(A, 'a'));
    index.set(rec(B, 'b'));
    index.set(rec(C, 'c'));
    expect([index.get(A)?.name, index.get(B)?.name, index.get(C)?.name]).toEqual(['a', 'b', 'c']);
    expect(index.get('00000000-0000-4000-8000-0000deadbeef')).toBeUndefined();

    // Forgetting a uid that is not there, though it shares the holder's number, forgets nothing.
    index.delete('00000000-0000-4000-8000-0000deadbeef');
    expect([index.get(A)?.name, index.size]).toEqual(['a', 3]);

    // The holder of the number leaves: one of the others takes it, both still found.
    index.delete(A);
    expect([index.get(A), index.get(B)?.name, index.get(C)?.name]).toEqual([undefined, 'b', 'c']);
    index.set(rec(B, 'b2'));
    expect(index.get(B)?.name).toBe('b2');
    index.delete(C);
    index.delete(B);
    expect([index.get(B), index.get(C), index.size]).toEqual([undefined, undefined, 0]);
  });

  it('takes any string as a uid, short ones too, and leaves records without one out', () => {
    const index = new UidIndex<Rec>();
    for (const uid of ['', 'x', 'pod-uid-1', 'pod-uid-2']) index.set(rec(uid));
    index.set(rec(undefined, 'no uid'));
    expect(['', 'x', 'pod-uid-1', 'pod-uid-2'].map((uid) => index.get(uid)?.uid)).toEqual(['', 'x', 'pod-uid-1', 'pod-uid-2']);
    expect(index.size).toBe(4);
  });

  it('answers as a Map keyed by uid would, through random sets and deletes where numbers collide often', () => {
    // 40 uids over 4 endings: each number is shared by ~10 uids, so the overflow and its promotions are exercised.
    const uids = Array.from({ length: 40 }, (_, i) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-0000${['deadbeef', 'cafebabe', 'feedface', '0badf00d'][i % 4]}`);
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const index = new UidIndex<Rec>();
    const expected = new Map<string, Rec>();
    for (let step = 0; step < 4_000; step++) {
      const uid = uids[random(uids.length)]!;
      if (random(3) === 0) {
        index.delete(uid);
        expected.delete(uid);
      } else {
        const record = rec(uid, `${uid}#${step}`);
        index.set(record);
        expected.set(uid, record);
      }
      if (step % 50 === 0) {
        for (const u of uids) expect(index.get(u)).toBe(expected.get(u));
        expect(index.size).toBe(expected.size);
      }
    }
  });
});
