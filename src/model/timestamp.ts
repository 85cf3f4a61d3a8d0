// Kubernetes timestamps are RFC 3339 strings, and the API server writes them
// in one form: `2026-11-25T10:00:00Z` (metav1.Time, whole seconds, UTC).
// Parsing them sits on the path of every pod update, about ten times per
// version, so that form is read digit by digit, and the last value seen for
// each minute-and-second of the clock is kept: the same few seconds recur in
// every version of a pod and across pods (a Map memo must hash each freshly
// parsed string first, which cost more than parsing it). Any other form
// (fractions, offsets: MicroTime, other clients) goes to Date.parse.

const ZERO = 48;

/** Two-digit, four-digit… decimal at `at`, or NaN when a character is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** `YYYY-MM-DDTHH:MM:SSZ` in milliseconds, or NaN when `time` is not exactly that form. */
function parseServerTime(time: string): number {
  if (
    time.length !== 20 ||
    time.charCodeAt(4) !== 45 /* - */ ||
    time.charCodeAt(7) !== 45 ||
    time.charCodeAt(10) !== 84 /* T */ ||
    time.charCodeAt(13) !== 58 /* : */ ||
    time.charCodeAt(16) !== 58 ||
    time.charCodeAt(19) !== 90 /* Z */
  ) {
    return Number.NaN;
  }
  const year = digits(time, 0, 4);
  const month = digits(time, 5, 2);
  const day = digits(time, 8, 2);
  const hour = digits(time, 11, 2);
  const minute = digits(time, 14, 2);
  const second = digits(time, 17, 2);
  // Anything odd (Feb 30, hour 24, years Date.UTC would read as 19xx) is Date.parse's to judge.
  const valid = year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59;
  return valid ? Date.UTC(year, month - 1, day, hour, minute, second) : Number.NaN;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// One slot per second of an hour: a direct-mapped cache, no hashing.
const SLOTS = 3600;
const cachedText: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
const cachedValue = new Float64Array(SLOTS);

/** Milliseconds since the epoch, or undefined when absent or unparsable. */
export function timestampMs(time: string | null | undefined): number | undefined {
  if (!time) return undefined;
  if (time.length === 20) {
    const slot = digits(time, 14, 2) * 60 + digits(time, 17, 2);
    if (slot >= 0 && slot < SLOTS && cachedText[slot] === time) return cachedValue[slot];
    const fast = parseServerTime(time);
    if (!Number.isNaN(fast)) {
      // Only valid times get here, so the slot's minute and second are in range.
      cachedText[slot] = time;
      cachedValue[slot] = fast;
      return fast;
    }
  }
  const parsed = Date.parse(time);
  return Number.isNaN(parsed) ? undefined : parsed;
}
