// Successive versions of a pod differ in a few fields; the rest is the same
// JSON parsed again. Reusing the previous version's unchanged parts keeps every
// version podtui holds for time travel cheap (memory grows with the changes,
// not with the pod size), and lets the diff skip unchanged parts by reference.

/**
 * `next`, with every part deep-equal to the same part of `previous` replaced
 * by that part of `previous`. Returns `previous` itself when nothing differs.
 * Neither argument is modified: changed objects are fresh copies.
 */
export function shareUnchanged<T>(previous: T | undefined, next: T): T {
  return share(previous, next) as T;
}

function share(previous: unknown, next: unknown): unknown {
  if (previous === next) return previous;
  if (typeof next !== 'object' || next === null || typeof previous !== 'object' || previous === null) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(previous)) return next;
    let same = previous.length === next.length;
    const out: unknown[] = new Array(next.length);
    for (let i = 0; i < next.length; i++) {
      const value = share(previous[i], next[i]);
      out[i] = value;
      if (value !== previous[i]) same = false;
    }
    return same ? previous : out;
  }
  if (Array.isArray(previous)) return next;
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let same = true;
  let keys = 0;
  for (const key in after) {
    keys++;
    const value = share(before[key], after[key]);
    out[key] = value;
    if (value !== before[key] || (value === undefined && !(key in before))) same = false;
  }
  if (same) for (const _key in before) if (--keys < 0) { same = false; break; }
  return same ? previous : out;
}
