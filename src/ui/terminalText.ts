// Text as a terminal draws it: how many cells a string takes (spans.tsx cuts
// and logRows.ts wraps by it), and how to make a container's line safe to draw.
// src/kube already strips escape sequences from what it reads; this is the
// second guard at the last moment before the terminal, because one stray ESC
// or carriage return from a log is enough to wreck the screen over SSH.

/** Zero-width code points: combining marks, joiners, variation selectors. */
function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x0483 && cp <= 0x0489) ||
    (cp >= 0x0591 && cp <= 0x05bd) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x200b && cp <= 0x200d) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** East Asian wide and fullwidth code points, and emoji: two cells. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x231a && cp <= 0x231b) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x1fa70 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function codePointWidth(cp: number): number {
  if (isZeroWidth(cp)) return 0;
  return isWide(cp) ? 2 : 1;
}

/** Cells a (sanitized) string takes on a terminal. */
export function cellWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += codePointWidth(ch.codePointAt(0) ?? 0);
  return width;
}

/** The longest line kept; the rest of a runaway line (a minified JSON blob, a binary dump) is counted, not stored. */
export const MAX_LINE_LENGTH = 8_192;

// ESC-introduced sequences: CSI (colours, cursor moves), OSC (titles,
// hyperlinks; ended by BEL or ST), and the two-byte escapes; plus the 8-bit CSI.
// eslint-disable-next-line no-control-regex
const escapeSequence = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[PX^_][^\u001b]*(?:\u001b\\)?|\u001b[ -~]?|\u009b[0-?]*[ -/]*[@-~]/g;
// Control characters left after that (C0, DEL, C1) and the bidi overrides that reorder what follows them.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const bidiControl = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// eslint-disable-next-line no-control-regex
const notPlainAscii = /[^\u0020-\u007e]/;

/** True when every character takes one cell: then offsets are cells. */
export function isPlainAscii(text: string): boolean {
  return !notPlainAscii.test(text);
}

/** Spaces up to the next multiple of 8, as a terminal expands a tab. */
function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let column = 0;
  for (const ch of text) {
    if (ch === '\t') {
      const spaces = 8 - (column % 8);
      out += ' '.repeat(spaces);
      column += spaces;
    } else {
      out += ch;
      column += codePointWidth(ch.codePointAt(0) ?? 0);
    }
  }
  return out;
}

/**
 * One log line made safe to draw: escape sequences removed, a carriage
 * return keeps what a terminal would have left visible (the text after it),
 * tabs expanded, every other control character shown as "?" (binary output
 * stays visible as such instead of reaching the terminal), and the length
 * capped.
 */
export function sanitizeLine(raw: string): string {
  // Most log lines are plain printable ASCII: nothing to do.
  if (raw.length <= MAX_LINE_LENGTH && !notPlainAscii.test(raw)) return raw;
  let text = raw.length > MAX_LINE_LENGTH * 2 ? raw.slice(0, MAX_LINE_LENGTH * 2) : raw;
  text = text.replace(escapeSequence, '');
  text = text.replace(/\r+$/, '');
  const cr = text.lastIndexOf('\r');
  if (cr >= 0) text = text.slice(cr + 1);
  text = expandTabs(text.replace(/\n/g, ' '));
  text = text.replace(controlCharacter, '?').replace(bidiControl, '');
  if (raw.length > MAX_LINE_LENGTH && text.length > MAX_LINE_LENGTH) {
    text = `${text.slice(0, MAX_LINE_LENGTH)} [cut: ${raw.length - MAX_LINE_LENGTH} more characters]`;
  }
  return text;
}
