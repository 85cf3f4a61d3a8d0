// A program running in a real pseudo-terminal, with the bytes it writes parsed
// by a headless xterm into the screen a user would see. This is how the
// benchmark reads podtui exactly like a person at a 120x40 terminal would,
// and counts what would cross an SSH link.
import xtermHeadless from '@xterm/headless';
import type { Terminal as XtermTerminal } from '@xterm/headless';
import { spawn, type IPty } from 'node-pty';

const { Terminal } = xtermHeadless;

export interface PtyScreenOptions {
  cols?: number;
  rows?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface PtyExit {
  exitCode: number;
  signal?: number;
}

/** Called after each chunk of output has been parsed, with the time (performance.now) it arrived. */
type ParsedListener = (receivedAt: number) => void;

/** How long output may still arrive after node-pty reports the exit. */
const EXIT_GRACE_MS = 250;

export class PtyScreen {
  readonly cols: number;
  readonly rows: number;
  readonly exited: Promise<PtyExit>;
  private readonly pty: IPty;
  private readonly terminal: XtermTerminal;
  private readonly listeners = new Set<ParsedListener>();
  private written = 0;
  private newlines = 0;
  private hasExited = false;

  constructor(file: string, args: string[], options: PtyScreenOptions = {}) {
    this.cols = options.cols ?? 120;
    this.rows = options.rows ?? 40;
    this.terminal = new Terminal({ cols: this.cols, rows: this.rows, scrollback: 0, allowProposedApi: true });
    this.pty = spawn(file, args, {
      name: 'xterm-256color',
      cols: this.cols,
      rows: this.rows,
      cwd: options.cwd ?? process.cwd(),
      env: options.env ?? process.env,
    });
    // A real terminal answers queries (cursor position, device attributes); so does this one.
    this.terminal.onData((answer) => this.pty.write(answer));
    this.pty.onData((chunk) => {
      const receivedAt = performance.now();
      this.written += Buffer.byteLength(chunk, 'utf8');
      for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) this.newlines++;
      this.terminal.write(chunk, () => {
        for (const listener of this.listeners) listener(receivedAt);
      });
    });
    this.exited = new Promise((resolve) =>
      this.pty.onExit(({ exitCode, signal }) => {
        this.hasExited = true;
        resolve({ exitCode, ...(signal ? { signal } : {}) });
      }),
    );
  }

  /** The process the pty started (the program itself: no shell in between). */
  get pid(): number {
    return this.pty.pid;
  }

  /** Every byte the program wrote to the terminal so far. */
  get bytesWritten(): number {
    return this.written;
  }

  /** Line feeds written so far: a line-printing tool's output length, whatever scrolled away. */
  get linesWritten(): number {
    return this.newlines;
  }

  /** The visible rows as plain text, right-trimmed. */
  lines(): string[] {
    const buffer = this.terminal.buffer.active;
    const rows: string[] = [];
    for (let y = 0; y < this.rows; y++) rows.push((buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '').trimEnd());
    return rows;
  }

  text(): string {
    return this.lines().join('\n');
  }

  /**
   * Rows drawn highlighted: a run of at least `minRun` cells in inverse video or
   * on a non-default background, the way a TUI marks its selected row.
   */
  highlightedRows(minRun = 10): number[] {
    const buffer = this.terminal.buffer.active;
    const cell = buffer.getNullCell();
    const highlighted: number[] = [];
    for (let y = 0; y < this.rows; y++) {
      const line = buffer.getLine(buffer.viewportY + y);
      if (!line) continue;
      let run = 0;
      for (let x = 0; x < this.cols; x++) {
        line.getCell(x, cell);
        run = cell.isInverse() || !cell.isBgDefault() ? run + 1 : 0;
        if (run >= minRun) {
          highlighted.push(y);
          break;
        }
      }
    }
    return highlighted;
  }

  /** Calls `listener` after each parsed chunk; returns a function that stops it. */
  onParsed(listener: ParsedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves with the arrival time (performance.now) of the chunk after which
   * `condition` first held; rejects after `timeoutMs` or when the program exits.
   */
  waitFor(condition: (screen: PtyScreen) => boolean, timeoutMs: number, what = 'screen condition'): Promise<number> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        stop();
        fn();
      };
      const check = (receivedAt: number) => {
        if (condition(this)) finish(() => resolve(receivedAt));
      };
      const stop = this.onParsed(check);
      const timer = setTimeout(
        () => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${this.text()}`))),
        timeoutMs,
      );
      // node-pty may report the exit before the last output reached the
      // terminal: let that output be parsed before giving up.
      void this.exited.then(({ exitCode }) =>
        setTimeout(() => finish(() => reject(new Error(`program exited (${exitCode}) while waiting for ${what}; screen:\n${this.text()}`))), EXIT_GRACE_MS),
      );
      // The condition may hold already (output parsed before the wait began).
      if (condition(this)) finish(() => resolve(performance.now()));
    });
  }

  /** Types into the terminal, as keypresses. */
  write(keys: string): void {
    this.pty.write(keys);
  }

  /** Ends the program (SIGTERM, then SIGKILL after `graceMs`) and frees the terminal. */
  async close(graceMs = 2000): Promise<PtyExit> {
    if (!this.hasExited) {
      this.pty.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!this.hasExited) this.pty.kill('SIGKILL');
      }, graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    this.terminal.dispose();
    return this.exited;
  }
}
