// Ink 6.8's incremental renderer (the one that writes only changed lines, the
// way to keep bytes low over SSH) moves the cursor up one line too few before
// each frame when the frame does not fill the terminal: it parks the cursor on
// the row below the frame, then goes up `lines - 1`, so every frame after the
// first lands one row lower and scrolls the screen. podtui draws rows-1 lines
// on purpose (a full-height frame makes Ink clear and repaint the whole screen
// every frame), so it would hit this on every frame. Ink 6.8 is the last
// release for Node 20; this corrects the one escape sequence on its way out.
//
// Ink's other paths are not touched: a first frame is written whole, a frame
// with fewer lines starts by erasing (ESC[2K …) and then moves up correctly,
// the standard renderer erases before it moves, and debug output (tests) has
// no cursor movement at all.

/** CSI n A at the very start of a chunk: Ink's "back to the top of the frame". */
const LEADING_CURSOR_UP = /^\x1b\[(\d+)A/;
const FIXED = Symbol.for('podtui.incrementalCursorFix');

export function fixFrameStart(chunk: string): string {
  return chunk.replace(LEADING_CURSOR_UP, (_, n: string) => `\x1b[${Number(n) + 1}A`);
}

type Patched = NodeJS.WriteStream & { [FIXED]?: true };

/**
 * Corrects the frame-start cursor movement of every write to `stdout` (the
 * stream Ink renders to; the App installs this for its life). Installing twice
 * is harmless; the returned function undoes it.
 */
export function installIncrementalCursorFix(stdout: NodeJS.WriteStream): () => void {
  const stream = stdout as Patched;
  if (stream[FIXED]) return () => {};
  const original = Object.prototype.hasOwnProperty.call(stream, 'write') ? stream.write : undefined;
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => write(typeof chunk === 'string' ? fixFrameStart(chunk) : chunk, ...rest)) as typeof stream.write;
  stream[FIXED] = true;
  return () => {
    if (original) stream.write = original;
    else delete (stream as { write?: unknown }).write;
    delete stream[FIXED];
  };
}
