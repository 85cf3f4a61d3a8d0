// Successive versions of a pod differ in a few fields; the rest is the same
// JSON parsed again. Reusing the previous version's unchanged parts keeps every
// version podtui holds for time travel cheap (memory grows with the changes,
// not with the pod size), and lets the diff skip unchanged parts by reference.
//
// This runs on every pod update, so it allocates nothing: a changed object is
// the new version's own (just parsed) object, adopted, with its unchanged
// children swapped for the previous version's. Copying changed objects
// instead cost a third of the model's CPU at 10,000 pods, most of it in the
// garbage collector (every copy made the parsed object garbage, after the
// young generation had already promoted it).

/**
 * `next`, with every part deep-equal to the same part of `previous` replaced
 * by that part of `previous`. Returns `previous` itself when nothing differs.
 * `previous` is not modified. `next` is adopted: its changed objects are the
 * result's, and their unchanged children are swapped in place for
 * `previous`'s, which are deep-equal, so `next` reads exactly as before.
 * Both are treated as immutable from then on (as every pod version is).
 */
export function shareUnchanged<T>(previous: T | undefined, next: T): T {
  return share(previous, next) as T;
}

type Json = Record<string, unknown>;

function share(previous: unknown, next: unknown): unknown {
  if (previous === next) return previous;
  if (typeof next !== 'object' || next === null || typeof previous !== 'object' || previous === null) return next;
  const isArray = Array.isArray(next);
  if (isArray !== Array.isArray(previous)) return next;
  return isArray ? shareArray(previous as unknown[], next as unknown[]) : shareObject(previous as Json, next as Json);
}

function shareArray(before: unknown[], after: unknown[]): unknown[] {
  let same = before.length === after.length;
  for (let i = 0; i < after.length; i++) {
    const item = after[i];
    const old = before[i];
    if (item === old) continue;
    const value = share(old, item);
    if (value !== old) same = false;
    if (value !== item) after[i] = value;
  }
  if (same) return before;
  for (let i = 0; i < after.length; i++) takeEqualString(before, after, i);
  return after;
}

function shareObject(before: Json, after: Json): Json {
  let same = true;
  let keys = 0;
  for (const key in after) {
    keys++;
    const item = after[key];
    const old = before[key];
    if (item === old) {
      if (old === undefined && !(key in before)) same = false;
      continue;
    }
    const value = share(old, item);
    if (value !== old) same = false;
    if (value !== item) after[key] = value;
  }
  if (same) {
    // Every key of `after` holds the same value in `before`; `before` may have more.
    for (const _key in before) if (--keys < 0) return after;
    return before;
  }
  for (const key in after) takeEqualString(before, after, key);
  return after;
}

/**
 * An equal string is still a second copy: a changed object that is kept takes
 * the previous version's. (Only changed objects are kept, so only they pay.)
 */
function takeEqualString<K extends string | number>(before: Record<K, unknown>, after: Record<K, unknown>, key: K): void {
  const item = after[key];
  if (typeof item === 'string' && before[key] === item) after[key] = before[key];
}
