// Keys while something other than the main screen has the keyboard: the
// filter line takes text, the help closes, the namespace picker chooses. The
// main screen's keys are the table in keymap.ts.
import type { Key } from 'ink';
import { intentForKey } from './keymap.js';
import type { Intent } from './state.js';

/** Keys typed into the filter line: text, Backspace, Enter keeps, Esc clears. */
export function filterIntent(input: string, key: Key): Intent | undefined {
  if (key.return) return { type: 'filterKeep' };
  if (key.escape) return { type: 'filterClear' };
  if (key.backspace || key.delete) return { type: 'filterBackspace' };
  if (key.ctrl && input === 'c') return { type: 'quit' };
  // Arrows still move through the list while typing, to see what matches.
  if (key.upArrow) return { type: 'move', move: 'up' };
  if (key.downArrow) return { type: 'move', move: 'down' };
  if (key.ctrl || key.meta || input === '' || /[\x00-\x1f\x7f]/.test(input)) return undefined;
  return { type: 'filterType', text: input };
}

/** Keys while the help is open: it closes with ?, Esc (or q quits). */
export function helpIntent(input: string, key: Key): Intent | undefined {
  if (key.escape || input === '?') return { type: 'help' };
  if (input === 'q' || (key.ctrl && input === 'c')) return { type: 'quit' };
  return undefined;
}

/** Keys in the namespace picker: up/down choose, Enter switches, Esc cancels. */
export function pickerIntent(input: string, key: Key): Intent | { type: 'pickerChoose' } | undefined {
  if (key.return) return { type: 'pickerChoose' };
  if (key.escape) return { type: 'pickerClose' };
  if (key.ctrl && input === 'c') return { type: 'quit' };
  const intent = intentForKey(input, key);
  return intent?.type === 'move' || intent?.type === 'quit' ? intent : undefined;
}

/** A Key with nothing pressed: the base for keys made up from typed characters (and for tests). */
export const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** Characters that arrive inside typed text but are keys of their own. */
const CONTROL_KEYS: Record<string, Partial<Key>> = { '\r': { return: true }, '\n': { return: true }, '\t': { tab: true }, '\x7f': { backspace: true }, '\b': { backspace: true } };

/**
 * Ink hands over several characters at once when they arrive in one read:
 * a paste, fast typing over SSH, tmux send-keys. Each is a key of its own
 * (`/crash⏎` opens the filter, types, keeps it); named keys come alone.
 */
export function splitTyped(input: string, key: Key): [string, Key][] {
  const chars = [...input];
  if (chars.length <= 1 || key.ctrl || key.meta) return [[input, key]];
  return chars.map((ch) => {
    const control = CONTROL_KEYS[ch];
    if (control) return ['', { ...NO_KEY, ...control }];
    return [ch, { ...NO_KEY, shift: ch !== ch.toLowerCase() }];
  });
}
