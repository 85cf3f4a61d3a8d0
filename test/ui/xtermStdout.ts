// A terminal for tests that need the bytes Ink writes played out: a TTY
// stdout whose output goes into a headless xterm, read back row by row.
import { EventEmitter } from 'node:events';
import xtermHeadless from '@xterm/headless';

const { Terminal } = xtermHeadless;

/** A TTY stdout whose bytes go into a headless xterm of the same size. */
export class XtermStdout extends EventEmitter {
  readonly isTTY = true;
  readonly terminal: InstanceType<typeof Terminal>;
  private pending = Promise.resolve();
  private lastWriteAt = Date.now();
  /** Everything written so far, as the terminal received it. */
  readonly written: string[] = [];
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
    // A tty turns \n into \r\n on the way out (ONLCR stays on in Node's raw mode).
    this.terminal = new Terminal({ cols: columns, rows, allowProposedApi: true, convertEol: true });
  }
  write(chunk: string): boolean {
    this.lastWriteAt = Date.now();
    this.written.push(chunk);
    this.pending = this.pending.then(() => new Promise<void>((resolve) => this.terminal.write(chunk, resolve)));
    return true;
  }
  /** Waits until nothing was written for `quietMs` (the app is done drawing), at most `maxMs`. */
  async quiet(quietMs = 150, maxMs = 3000): Promise<void> {
    const start = Date.now();
    while (Date.now() - this.lastWriteAt < quietMs && Date.now() - start < maxMs) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async screen(): Promise<string[]> {
    await this.pending;
    const buffer = this.terminal.buffer.active;
    return Array.from({ length: this.rows }, (_, y) => (buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '').trimEnd());
  }
}
