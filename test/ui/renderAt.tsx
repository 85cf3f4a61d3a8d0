// ink-testing-library draws on a 100-column stdout without rows; the screen
// is laid out from the terminal's size, so this renders with Ink onto a fake
// terminal of any size (and can resize it), keeping the library's shape:
// stdin.write(keys), lastFrame(), unmount().
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import type { ReactElement } from 'react';

class FakeTerminal extends EventEmitter {
  frames: string[] = [];
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
}

export class FakeKeyboard extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export interface Rendered {
  stdin: FakeKeyboard;
  lastFrame(): string;
  frames: string[];
  resize(columns: number, rows: number): void;
  rerender(tree: ReactElement): void;
  unmount(): void;
}

const mounted = new Set<Rendered>();

export function renderAt(tree: ReactElement, columns: number, rows: number): Rendered {
  const stdout = new FakeTerminal(columns, rows);
  const stdin = new FakeKeyboard();
  const instance = render(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: new FakeTerminal(columns, rows) as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    // debug: every frame is written whole, so the last write is the screen.
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
    // Ink coalesces renders to maxFps; a test reads the frame right after a key, so let every render through.
    maxFps: 1000,
  });
  const rendered: Rendered = {
    stdin,
    frames: stdout.frames,
    lastFrame: () => stdout.frames.at(-1) ?? '',
    resize(c, r) {
      stdout.columns = c;
      stdout.rows = r;
      stdout.emit('resize');
    },
    rerender: (next) => instance.rerender(next),
    unmount() {
      mounted.delete(rendered);
      instance.unmount();
      instance.cleanup();
    },
  };
  mounted.add(rendered);
  return rendered;
}

/** For afterEach: unmounts whatever a test left mounted (timers of tickers included). */
export function unmountAll(): void {
  for (const rendered of [...mounted]) rendered.unmount();
}

/** Lets Ink process input and React commit. */
export const settle = (ms = 15): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until no new frame has come for `quietMs` (React and Ink are done with the last input), at most `maxMs`. */
export async function quiet(rendered: Rendered, quietMs = 20, maxMs = 1000): Promise<void> {
  const start = Date.now();
  let count = -1;
  while (rendered.frames.length !== count && Date.now() - start < maxMs) {
    count = rendered.frames.length;
    await settle(quietMs);
  }
}

/** Writes keys one at a time, letting each be handled and drawn, as a user types them. */
export async function press(rendered: Rendered, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    rendered.stdin.write(key);
    await quiet(rendered);
  }
}

export const KEYS = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  end: '\x1b[F',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  tab: '\t',
  shiftTab: '\x1b[Z',
  enter: '\r',
  escape: '\x1b',
  backspace: '\x7f',
  ctrlC: '\x03',
} as const;
