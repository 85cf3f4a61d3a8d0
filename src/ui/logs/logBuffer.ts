// The lines of one open log, bounded: a container that prints forever must
// not grow podtui without end. Lines are numbered from the first line ever
// received, so a position in the log survives old lines falling off.
import { sanitizeLine } from '../terminalText.js';

export const DEFAULT_LOG_CAPACITY = 10_000;

export class LogBuffer {
  private readonly kept: string[] = [];
  /** Lines that fell off the front; the absolute number of kept[0]. */
  private droppedCount = 0;
  private clears = 0;

  constructor(readonly capacity = DEFAULT_LOG_CAPACITY) {}

  /** Adds one line as read from the API, made safe to draw. */
  push(raw: string): void {
    this.kept.push(sanitizeLine(raw));
    const over = this.kept.length - this.capacity;
    if (over > 0) {
      this.kept.splice(0, over);
      this.droppedCount += over;
    }
  }

  get lines(): readonly string[] {
    return this.kept;
  }

  /** Absolute number of the first kept line. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Absolute number one past the last line. */
  get end(): number {
    return this.droppedCount + this.kept.length;
  }

  /** Grows on every clear: line numbers of different generations are different lines. */
  get generation(): number {
    return this.clears;
  }

  clear(): void {
    this.kept.length = 0;
    this.droppedCount = 0;
    this.clears += 1;
  }
}
