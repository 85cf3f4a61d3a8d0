// Ink's incremental frames played into a headless xterm: what the user's
// terminal shows must be the frame, row for row, after every update.
import './inkOutsideCi.js';
import { EventEmitter } from 'node:events';
import { Box, Text, render } from 'ink';
import { afterEach, describe, expect, it } from 'vitest';
import { fixFrameStart, installIncrementalCursorFix } from '../../src/ui/incrementalStdout.js';
import { XtermStdout } from './xtermStdout.js';

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

async function play(fix: boolean, rows: number, ticks: number): Promise<string[]> {
  const terminal = new XtermStdout(40, rows);
  const stdout = terminal as unknown as NodeJS.WriteStream;
  if (fix) unmounts.push(installIncrementalCursorFix(stdout));
  const instance = render(<Frame rows={rows} tick={0} />, {
    stdout,
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

describe('installIncrementalCursorFix', () => {
  it.each([6, 12, 24])('keeps every incremental frame where it belongs (%i rows)', async (rows) => {
    expect(await play(true, rows, 5)).toEqual(expected(rows, 5));
  });

  it('is needed: without it Ink 6.8 scrolls the screen on every frame (remove the fix when this fails)', async () => {
    const screen = await play(false, 12, 3);
    // Old ticks pile up and the header is gone.
    expect(screen.filter((line) => line.startsWith('tick')).length).toBeGreaterThan(1);
    expect(screen).not.toContain('NAME READY STATUS');
  });

  it.each([
    ['a frame start moves one more line up', '\x1b[38A\x1b[E\x1b[1Gtick', '\x1b[39A\x1b[E\x1b[1Gtick'],
    ['a first frame is left alone', 'NAME READY\nrow 1\n', 'NAME READY\nrow 1\n'],
    ['an erase-then-move frame is left alone', '\x1b[2K\x1b[1A\x1b[2K\x1b[G\x1b[3A', '\x1b[2K\x1b[1A\x1b[2K\x1b[G\x1b[3A'],
    ['synchronized output markers are left alone', '\x1b[?2026h', '\x1b[?2026h'],
    ['a cursor-up later in a chunk is left alone', 'x\x1b[3A', 'x\x1b[3A'],
  ])('fixFrameStart: %s', (_name, chunk, fixed) => {
    expect(fixFrameStart(chunk)).toBe(fixed);
  });

  it('installs once, and uninstalls', () => {
    const written: string[] = [];
    const stream = { write: (chunk: string) => written.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
    const undo = installIncrementalCursorFix(stream);
    const again = installIncrementalCursorFix(stream);
    stream.write('\x1b[4A');
    again();
    undo();
    stream.write('\x1b[4A');
    expect(written).toEqual(['\x1b[5A', '\x1b[4A']);
  });
});
