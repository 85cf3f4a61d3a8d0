// Successive versions of a pod differ in a few fields; the rest is the same
// JSON parsed again. Reusing the previous version's unchanged parts keeps every
// version podtui holds for time travel cheap (memory grows with the changes,
// not with the pod size), and lets the diff skip unchanged parts by reference.
//
// This runs on every pod update, so it allocates only along the paths that
// changed: an unchanged subtree is recognised without building anything.

/**
 * `next`, with every part deep-equal to the same part of `previous` replaced
 * by that part of `previous`. Returns `previous` itself when nothing differs.
 * Neither argument is modified: changed objects are fresh copies.
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
  const length = after.length;
  let out: unknown[] | undefined = before.length === length ? undefined : new Array<unknown>(length);
  for (let i = 0; i < length; i++) {
    const value = share(before[i], after[i]);
    if (out) out[i] = value;
    else if (value !== before[i]) {
      out = before.slice(0, length);
      out[i] = value;
    }
  }
  return out ?? before;
}

function shareObject(before: Json, after: Json): Json {
  let out: Json | undefined;
  let keys = 0;
  for (const key in after) {
    keys++;
    const old = before[key];
    const value = share(old, after[key]);
    if (out) out[key] = value;
    else if (value !== old || (old === undefined && !(key in before))) {
      // The first difference: copy the (identical) keys seen so far, then go on building.
      out = {};
      for (const seen in after) {
        if (seen === key) break;
        out[seen] = before[seen];
      }
      out[key] = value;
    }
  }
  if (out) return out;
  // Every key of `after` holds the same value in `before`; `before` may have more.
  for (const _key in before) if (--keys < 0) return copyKeys(before, after);
  return before;
}

function copyKeys(before: Json, after: Json): Json {
  const out: Json = {};
  for (const key in after) out[key] = before[key];
  return out;
}
