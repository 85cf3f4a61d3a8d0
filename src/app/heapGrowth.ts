// What podtui keeps for long is bounded and small (its history: ~50 MB at
// 10,000 pods), but a storm turns out old-generation garbage all the time:
// every pod version lives until the next one replaces it, long enough to be
// promoted. V8 lets the heap grow to up to 4× what survived its last full
// collection before it collects again, so after a few minutes of storm a
// process with 53 MB of live data had 180 MB of heap and 450–500 MB of RSS.
// Capping the growing factor keeps RSS near the live data, for a concurrent
// mark every few seconds. Measured at 10,000 pods (60 s of storm, then 200
// key presses): V8's default reached 450–505 MB of RSS in a few minutes; 50 %
// kept the storm's peak at 236–250 MB with key latency p95 ~34 ms; 25 % at
// 230 MB, but its more frequent final pauses pushed p95 to 45–70 ms. 40 % is
// between the two.
//
// V8 reads the flag each time it sets the next limit, so setting it at run
// time works (Node keeps V8's flags writable for v8.setFlagsFromString).
import { setFlagsFromString } from 'node:v8';

/** The old generation may grow this much (%) past its live data before the next full collection. */
export const HEAP_GROWING_PERCENT = 40;

export function limitHeapGrowth(): void {
  try {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  } catch {
    // A Node that refuses the flag collects as it always does: only memory is at stake.
  }
}
