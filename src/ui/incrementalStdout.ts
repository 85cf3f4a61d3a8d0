// Ink 6.8's incremental renderer (the one that writes only changed lines, the
// way to keep bytes low over SSH) moves the cursor up one line too few before
// each frame when the frame does not fill the terminal: it parks the cursor on
// the row below the frame, then goes up `lines - 1`, so every frame after the
// first lands one row lower (the top row keeps the first frame's line, the
// bottom row is lost). podtui draws rows-1 lines on purpose (a full-height
// frame makes Ink clear and repaint the whole screen every frame), so it hits
// this on every frame. Ink 6.8 is the last release for Node 20; this corrects
// the one escape sequence on its way to the terminal.

/** CSI n A at the very start of a chunk: Ink's "back to the top of the frame". */
const LEADING_CURSOR_UP = /^\x1b\[(\d+)A/;

/**
 * A stdout for Ink's `render(…, { stdout, incrementalRendering: true })` that
 * fixes the frame-start cursor movement; everything else (size, resize
 * events, isTTY) is the real stream's.
 *
 * Ink's other paths are left alone: a first frame is written whole, a frame
 * with fewer lines starts by erasing (ESC[2K …) and then moves up correctly.
 */
export function fixIncrementalCursor<S extends NodeJS.WriteStream>(stdout: S): S {
  const write = (chunk: unknown, ...rest: unknown[]): boolean => {
    const fixed = typeof chunk === 'string' ? chunk.replace(LEADING_CURSOR_UP, (_, n: string) => `\x1b[${Number(n) + 1}A`) : chunk;
    return (stdout.write as (...args: unknown[]) => boolean)(fixed, ...rest);
  };
  return new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
