// Every key of the main screen, in one table: what it does (an intent for
// state.ts) and how `?` describes it. Overlays that take the keyboard (the
// filter line, the namespace picker, the log view) read their own keys.
import type { Key } from 'ink';
import type { Intent } from './state.js';

/** One way to press a binding: a typed character, or a named key from Ink with optional modifiers. */
export type KeyChord =
  | { input: string; ctrl?: boolean }
  | { key: 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'end' | 'escape' | 'return' | 'tab'; shift?: boolean };

export interface Binding {
  chords: readonly KeyChord[];
  /** What `?` shows in the key column, e.g. "↑/k". */
  label: string;
  help: string;
  intent: Intent;
}

export const KEYMAP: readonly Binding[] = [
  { chords: [{ key: 'upArrow' }, { input: 'k' }], label: '↑ k', help: 'pod above / scroll pane', intent: { type: 'move', move: 'up' } },
  { chords: [{ key: 'downArrow' }, { input: 'j' }], label: '↓ j', help: 'pod below / scroll pane', intent: { type: 'move', move: 'down' } },
  { chords: [{ key: 'pageUp' }], label: 'PgUp', help: 'one page up', intent: { type: 'move', move: 'pageUp' } },
  { chords: [{ key: 'pageDown' }], label: 'PgDn', help: 'one page down', intent: { type: 'move', move: 'pageDown' } },
  { chords: [{ input: 'g' }], label: 'g', help: 'first pod', intent: { type: 'move', move: 'first' } },
  { chords: [{ input: 'G' }], label: 'G', help: 'last pod', intent: { type: 'move', move: 'last' } },
  { chords: [{ key: 'leftArrow' }, { input: 'h' }], label: '← h', help: 'step back in history', intent: { type: 'step', direction: -1 } },
  { chords: [{ key: 'rightArrow' }, { input: 'l' }], label: '→ l', help: 'step forward (then LIVE)', intent: { type: 'step', direction: 1 } },
  { chords: [{ key: 'end' }], label: 'End', help: 'back to LIVE', intent: { type: 'live' } },
  { chords: [{ input: '[' }], label: '[', help: 'previous restart', intent: { type: 'restart', direction: -1 } },
  { chords: [{ input: ']' }], label: ']', help: 'next restart', intent: { type: 'restart', direction: 1 } },
  { chords: [{ key: 'tab', shift: false }], label: 'Tab', help: 'focus next pane', intent: { type: 'focus', direction: 1 } },
  { chords: [{ key: 'tab', shift: true }], label: 'S-Tab', help: 'focus previous pane', intent: { type: 'focus', direction: -1 } },
  { chords: [{ input: '/' }], label: '/', help: 'filter (l:app=web labels)', intent: { type: 'filterOpen' } },
  { chords: [{ input: 's' }], label: 's', help: 'cycle sort', intent: { type: 'sortCycle' } },
  { chords: [{ input: 'n' }], label: 'n', help: 'pick namespace (or all)', intent: { type: 'namespaceOpen' } },
  { chords: [{ input: 'w' }], label: 'w', help: 'log: Warning only', intent: { type: 'toggleWarnings' } },
  { chords: [{ input: 't' }], label: 't', help: 'relative/absolute times', intent: { type: 'toggleTimes' } },
  { chords: [{ input: 'a' }], label: 'a', help: "log: all pods' entries", intent: { type: 'toggleAllPods' } },
  { chords: [{ key: 'return' }, { input: 'L' }], label: 'Enter L', help: "container's log", intent: { type: 'openLogs' } },
  { chords: [{ input: '?' }], label: '?', help: 'this help', intent: { type: 'help' } },
  { chords: [{ key: 'escape' }], label: 'Esc', help: 'close, else back to LIVE', intent: { type: 'escape' } },
  { chords: [{ input: 'q' }, { input: 'c', ctrl: true }], label: 'q ^C', help: 'quit', intent: { type: 'quit' } },
];

function matches(chord: KeyChord, input: string, key: Key): boolean {
  if ('input' in chord) return input === chord.input && key.ctrl === (chord.ctrl ?? false) && !key.meta;
  if (!key[chord.key]) return false;
  return chord.shift === undefined || key.shift === chord.shift;
}

/** The intent of a keypress on the main screen, or undefined for keys that do nothing. */
export function intentForKey(input: string, key: Key): Intent | undefined {
  return KEYMAP.find((binding) => binding.chords.some((chord) => matches(chord, input, key)))?.intent;
}

const ARROWS: Record<string, string> = { '↑': 'Up', '↓': 'Down', '←': 'Left', '→': 'Right' };

/** Key labels for terminals without Unicode (--ascii, non-UTF-8 locale): arrows spelled out. */
export function keyText(text: string, ascii: boolean): string {
  return ascii ? text.replace(/[↑↓←→]/g, (arrow) => ARROWS[arrow] ?? arrow) : text;
}

/** The short hints the status bar shows, in the order a newcomer needs them; 80 columns at most. */
export function mainHints(ascii: boolean): string {
  // Spelled-out arrows would not fit: without Unicode the letter keys are shown instead.
  const [select, step] = ascii ? ['jk', 'hl'] : ['↑↓', '←→'];
  return `${select} select  ${step} step  [ ] restarts  Tab pane  / filter  Enter logs  ? help  q quit`;
}
