import { describe, expect, it } from 'vitest';
import { UidIndex } from '../../src/model/uidIndex.js';

interface Rec {
  uid: string | undefined;
  name: string;
}
const rec = (uid: string, name = uid): Rec => ({ uid, name });

// Two uids whose last eight characters are equal get the same number.
const A = '6f1c2a9e-4b3d-4c8e-9a10-0000deadbeef';
const B = '11111111-2222-4333-8444-5555deadbeef';
const C = '99999999-8888-4777-8666-5555deadbeef';

describe('UidIndex', () => {
  it('finds records by uid, replaces and forgets them', () => {
    const index = new UidIndex<Rec>();
    const uids = Array.from({ length: 2_000 }, (_, i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`);
    for (const uid of uids) index.set(uid, rec(uid));
    expect(index.size).toBe(2_000);
    for (const uid of uids) expect(index.get(uid)?.uid).toBe(uid);
    // A uid built afresh (another string object, as every parse makes) finds the same record.
    expect(index.get(['00000000', '0000', '4000', '8000', '000000000007'].join('-'))?.name).toBe(uids[7]);
    index.set(uids[7]!, rec(uids[7]!, 'replaced'));
    expect(index.get(uids[7]!)?.name).toBe('replaced');
    expect(index.size).toBe(2_000);
    index.delete(uids[7]!);
    expect(index.get(uids[7]!)).toBeUndefined();
    expect(index.size).toBe(1_999);
    expect(index.get('not-a-uid')).toBeUndefined();
  });

  it('keeps uids that share a number apart, whichever leaves first', () => {
    const index = new UidIndex<Rec>();
    index.set(A, rec(A, 'a'));
    index.set(B, rec(B, 'b'));
    index.set(C, rec(C, 'c'));
    expect([index.get(A)?.name, index.get(B)?.name, index.get(C)?.name]).toEqual(['a', 'b', 'c']);
    expect(index.get('00000000-0000-4000-8000-0000deadbeef')).toBeUndefined();

    // The holder of the number leaves: one of the others takes it, both still found.
    index.delete(A);
    expect([index.get(A), index.get(B)?.name, index.get(C)?.name]).toEqual([undefined, 'b', 'c']);
    index.set(B, rec(B, 'b2'));
    expect(index.get(B)?.name).toBe('b2');
    index.delete(C);
    index.delete(B);
    expect([index.get(B), index.get(C), index.size]).toEqual([undefined, undefined, 0]);
  });

  it('takes any string as a uid, short ones too', () => {
    const index = new UidIndex<Rec>();
    for (const uid of ['', 'x', 'pod-uid-1', 'pod-uid-2']) index.set(uid, rec(uid));
    expect(['', 'x', 'pod-uid-1', 'pod-uid-2'].map((uid) => index.get(uid)?.uid)).toEqual(['', 'x', 'pod-uid-1', 'pod-uid-2']);
  });
});
