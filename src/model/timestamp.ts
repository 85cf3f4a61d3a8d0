// Kubernetes timestamps are RFC 3339 strings with whole seconds, and the same
// few strings recur across thousands of pods (everything that happened in the
// same second). Parsing them sits on the path of every pod update, so the
// parsed values are remembered (a bounded memo, cleared when full).

const MEMO_LIMIT = 8_192;
const memo = new Map<string, number | undefined>();

/** Milliseconds since the epoch, or undefined when absent or unparsable. */
export function timestampMs(time: string | null | undefined): number | undefined {
  if (!time) return undefined;
  const known = memo.get(time);
  if (known !== undefined || memo.has(time)) return known;
  const parsed = Date.parse(time);
  const value = Number.isNaN(parsed) ? undefined : parsed;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(time, value);
  return value;
}
