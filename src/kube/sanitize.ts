// Every string that came from a cluster is untrusted: a pod name, an event
// message or a log line can carry escape sequences that would move the cursor,
// rewrite the title, set hyperlinks or switch the terminal's modes. We strip
// them here, once, at the boundary, so nothing downstream has to care.

const ESC = 0x1b;
const BEL = 0x07;
const TAB_STOP = 8;
/** Anything sanitizeText would change: most names and messages are plain. */
const NEEDS_SANITIZING = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

// C1 introducers (8-bit forms of ESC P, ESC X, ESC [, ESC ], ESC ^, ESC _).
const C1_DCS = 0x90;
const C1_SOS = 0x98;
const C1_CSI = 0x9b;
const C1_ST = 0x9c;
const C1_OSC = 0x9d;
const C1_PM = 0x9e;
const C1_APC = 0x9f;

/** Bidirectional overrides and isolates: they reorder what is drawn, so a name could pose as another. */
function isBidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Index just after a string terminator (BEL, ESC \ or 8-bit ST) at or after `from`, or the end. */
function skipToStringTerminator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BEL || code === C1_ST) return i + 1;
    if (code === ESC && text.charCodeAt(i + 1) === 0x5c) return i + 2;
  }
  return text.length;
}

/** Index just after a CSI sequence's final byte (0x40–0x7e), parameters and intermediates skipped. */
function skipCsi(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x40 && code <= 0x7e) return i + 1;
    if (code < 0x20 || code > 0x3f) return i; // malformed: stop before the stray byte
  }
  return text.length;
}

/** After an ESC at `at`: where the sequence it starts ends. */
function skipEscape(text: string, at: number): number {
  const next = text.charCodeAt(at + 1);
  if (Number.isNaN(next)) return at + 1;
  switch (next) {
    case 0x5b: // [  CSI
      return skipCsi(text, at + 2);
    case 0x5d: // ]  OSC
    case 0x50: // P  DCS
    case 0x58: // X  SOS
    case 0x5e: // ^  PM
    case 0x5f: // _  APC
      return skipToStringTerminator(text, at + 2);
    default: {
      // nF sequences: intermediates 0x20–0x2f then one final byte; Fp/Fe/Fs: one byte.
      let i = at + 1;
      while (i < text.length && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) i++;
      const final = text.charCodeAt(i);
      return final >= 0x30 && final <= 0x7e ? i + 1 : i;
    }
  }
}

/**
 * Makes untrusted text safe to draw on one line: escape sequences (CSI, OSC,
 * DCS, SOS/PM/APC, 7- and 8-bit) removed whole, other C0/C1 controls and bidi
 * overrides dropped, tabs expanded to spaces, line breaks turned into a space.
 * Printable Unicode (CJK, emoji, accents) is kept as is.
 */
export function sanitizeText(text: string): string {
  if (!NEEDS_SANITIZING.test(text)) return text;
  let out = '';
  let lineBreak = false;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === ESC) {
      i = skipEscape(text, i);
    } else if (code === C1_CSI) {
      i = skipCsi(text, i + 1);
    } else if (code === C1_OSC || code === C1_DCS || code === C1_SOS || code === C1_PM || code === C1_APC) {
      i = skipToStringTerminator(text, i + 1);
    } else if (code === 0x09) {
      out += ' '.repeat(TAB_STOP - (out.length % TAB_STOP));
      i++;
    } else if (code === 0x0a) {
      // A message that spans lines still reads as one: keep the words apart,
      // but add no space at either end.
      lineBreak = out.length > 0;
      i++;
    } else if (isControl(code) || isBidiControl(code)) {
      i++;
    } else {
      if (lineBreak && !out.endsWith(' ')) out += ' ';
      lineBreak = false;
      out += text[i];
      i++;
    }
  }
  return out;
}

/**
 * Applies sanitizeText to every string (and object key) inside a JSON value,
 * in place: the value must be the caller's own (just parsed). Copying every
 * object of every pod again cost a tenth of podtui's start-up at 10,000 pods.
 * Returns the value (a string comes back cleaned).
 */
export function sanitizeInPlace<T>(value: T): T {
  if (typeof value === 'string') return sanitizeText(value) as T;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') {
        const clean = sanitizeText(item);
        if (clean !== item) value[i] = clean;
      } else if (item !== null && typeof item === 'object') sanitizeInPlace(item);
    }
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const key in object) {
      const item = object[key];
      if (typeof item === 'string') {
        const clean = sanitizeText(item);
        if (clean !== item) object[key] = clean;
      } else if (item !== null && typeof item === 'object') sanitizeInPlace(item);
      if (NEEDS_SANITIZING.test(key)) {
        // Rare (the API server validates label and annotation keys): renamed, value already clean.
        const clean = object[key];
        delete object[key];
        object[sanitizeText(key)] = clean;
      }
    }
  }
  return value;
}
