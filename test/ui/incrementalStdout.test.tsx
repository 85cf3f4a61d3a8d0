// Ink's incremental frames played into a headless xterm: what the user's
// terminal shows must be the frame, row for row, after every update.
import { EventEmitter } from 'node:events';
import xtermHeadless from '@xterm/headless';
import { Box, Text, render } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { fixIncrementalCursor } from '../../src/ui/incrementalStdout.js';

const { Terminal } = xtermHeadless;

/** A TTY stdout whose bytes go into a headless xterm of the same size. */
class XtermStdout extends EventEmitter {
  readonly isTTY = true;
  readonly terminal: InstanceType<typeof Terminal>;
  private pending = Promise.resolve();
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
    // A tty turns \n into \r\n on the way out (ONLCR stays on in Node's raw mode).
    this.terminal = new Terminal({ cols: columns, rows, allowProposedApi: true, convertEol: true });
  }
  write(chunk: string): boolean {
    this.pending = this.pending.then(() => new Promise<void>((resolve) => this.terminal.write(chunk, resolve)));
    return true;
  }
  async screen(): Promise<string[]> {
    await this.pending;
    const buffer = this.terminal.buffer.active;
    return Array.from({ length: this.rows }, (_, y) => (buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '').trimEnd());
  }
}

/** A screen-filling frame like podtui's: rows-1 lines, one of them changing. */
function Frame({ rows, tick }: { rows: number; tick: number }) {
  return (
    <Box flexDirection="column" height={rows - 1}>
      {Array.from({ length: rows - 1 }, (_, i) => (
        <Text key={i}>{i === 0 ? 'NAME READY STATUS' : i === 3 ? `tick ${tick}` : i === rows - 2 ? `hints ${tick % 2}` : `row ${i}`}</Text>
      ))}
    </Box>
  );
}

const expected = (rows: number, tick: number) => [
  ...Array.from({ length: rows - 1 }, (_, i) => (i === 0 ? 'NAME READY STATUS' : i === 3 ? `tick ${tick}` : i === rows - 2 ? `hints ${tick % 2}` : `row ${i}`)),
  '',
];

const unmounts: (() => void)[] = [];
afterEach(() => {
  for (const unmount of unmounts.splice(0)) unmount();
});

async function play(wrap: (stdout: XtermStdout) => NodeJS.WriteStream, rows: number, ticks: number): Promise<string[]> {
  const terminal = new XtermStdout(40, rows);
  const instance = render(<Frame rows={rows} tick={0} />, {
    stdout: wrap(terminal),
    stdin: new EventEmitter() as unknown as NodeJS.ReadStream,
    incrementalRendering: true,
    maxFps: 1000,
    patchConsole: false,
    exitOnCtrlC: false,
  });
  unmounts.push(() => instance.unmount());
  for (let tick = 1; tick <= ticks; tick++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    instance.rerender(<Frame rows={rows} tick={tick} />);
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
  return terminal.screen();
}

describe('fixIncrementalCursor', () => {
  it.each([6, 12, 24])('keeps every incremental frame where it belongs (%i rows)', async (rows) => {
    const screen = await play((terminal) => fixIncrementalCursor(terminal as unknown as NodeJS.WriteStream), rows, 5);
    expect(screen).toEqual(expected(rows, 5));
  });

  it('is needed: without it Ink 6.8 draws the next frames a row low (remove the fix when this fails)', async () => {
    const screen = await play((terminal) => terminal as unknown as NodeJS.WriteStream, 12, 3);
    expect(screen).not.toEqual(expected(12, 3));
    // Each frame scrolls the screen: old ticks pile up and the header is gone.
    expect(screen.filter((line) => line.startsWith('tick')).length).toBeGreaterThan(1);
    expect(screen).not.toContain('NAME READY STATUS');
  });

  it('passes everything but write through to the real stream', () => {
    const terminal = new XtermStdout(40, 12);
    const fixed = fixIncrementalCursor(terminal as unknown as NodeJS.WriteStream);
    expect(fixed.columns).toBe(40);
    expect(fixed.rows).toBe(12);
    expect(fixed.isTTY).toBe(true);
    let resized = 0;
    fixed.on('resize', () => (resized += 1));
    terminal.emit('resize');
    expect(resized).toBe(1);
  });
});
