// What the log view remembers between keys, and what each key does to it.
// Pure, and applied to the newest state on every key: over SSH several keys
// often arrive in one read (fast typing in the search line, a held arrow),
// and each must see what the one before it did.
import type { Key } from 'ink';
import { firstMatchFrom, rowIndexOf, rowOfMatch, stepMatch, type LogMatch, type LogRow, type RowAnchor } from './logRows.js';

export interface LogViewState {
  container: string;
  /** Showing the previous instance (`previous=true`). */
  previous: boolean;
  wrap: boolean;
  /** Pinned to the bottom: new lines scroll the view. */
  follow: boolean;
  /** The first row shown when not following. */
  anchor: RowAnchor;
  /** The committed search; '' for none. */
  query: string;
  /** The search line being typed, when open. */
  searchInput?: string;
  /** Index into the matches of `query`; -1 for none. */
  matchIndex: number;
  /** Without wrapping: how many characters of each line are scrolled off to the left. */
  column: number;
  /** Grows on `r`: the stream is opened again (a followed log ends when its container exits). */
  opened: number;
}

/** The screen as it was last drawn, which keys move through. */
export interface LogLayout {
  rows: readonly LogRow[];
  bodyHeight: number;
  /** Cells per row. */
  width: number;
  /** Absolute number one past the last line (the anchor of an empty log). */
  end: number;
  containers: readonly string[];
  /** Matches of a query against the lines held now. */
  matchesOf: (query: string) => readonly LogMatch[];
}

export function initialLogViewState(container: string, previous: boolean): LogViewState {
  return { container, previous, wrap: false, follow: true, anchor: { line: 0, part: 0 }, query: '', matchIndex: -1, column: 0, opened: 0 };
}

export function maxTop(layout: LogLayout): number {
  return Math.max(0, layout.rows.length - layout.bodyHeight);
}

/** The index of the first row shown. */
export function topRow(state: LogViewState, layout: LogLayout): number {
  const bottom = maxTop(layout);
  return state.follow ? bottom : Math.min(rowIndexOf(layout.rows, state.anchor), bottom);
}

function anchorAt(layout: LogLayout, index: number): RowAnchor {
  const row = layout.rows[Math.max(0, Math.min(index, layout.rows.length - 1))];
  return row ? { line: row.line, part: row.part } : { line: layout.end, part: 0 };
}

function scrollTo(state: LogViewState, layout: LogLayout, index: number): LogViewState {
  const bottom = maxTop(layout);
  const clamped = Math.max(0, Math.min(index, bottom));
  // Reaching the bottom means following again, as `less +F` does.
  return { ...state, anchor: anchorAt(layout, clamped), follow: clamped >= bottom };
}

/** Selects match `index` and scrolls it into view (a third down the page) unless it is already visible. */
function showMatch(state: LogViewState, layout: LogLayout, matches: readonly LogMatch[], index: number): LogViewState {
  const match = matches[index];
  if (!match) return { ...state, matchIndex: index };
  const row = rowOfMatch(layout.rows, match);
  const top = topRow(state, layout);
  if (row >= top && row < top + layout.bodyHeight) return { ...state, matchIndex: index };
  const target = Math.max(0, Math.min(row - Math.floor(layout.bodyHeight / 3), maxTop(layout)));
  return { ...state, matchIndex: index, anchor: anchorAt(layout, target), follow: false };
}

// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/;

/** Text typed into the search line: no named key, no control character (they would reach the terminal when drawn). */
function isPrintable(input: string, key: Key): boolean {
  if (input === '' || controlCharacter.test(input)) return false;
  return !key.ctrl && !key.meta && !key.return && !key.escape && !key.tab && !key.backspace && !key.delete;
}

function searchLineKey(state: LogViewState, searchInput: string, input: string, key: Key, layout: LogLayout): LogViewState {
  const { searchInput: _typed, ...closed } = state;
  if (key.escape) return closed;
  if (key.return) {
    const matches = layout.matchesOf(searchInput);
    const first = firstMatchFrom(matches, anchorAt(layout, topRow(state, layout)));
    return showMatch({ ...closed, query: searchInput }, layout, matches, first);
  }
  if (key.backspace || key.delete) return { ...state, searchInput: searchInput.slice(0, -1) };
  if (isPrintable(input, key)) return { ...state, searchInput: searchInput + input };
  return state;
}

/** The state after one key, or 'close' when the user leaves the view. */
export function logViewKey(state: LogViewState, input: string, key: Key, layout: LogLayout): LogViewState | 'close' {
  if (state.searchInput !== undefined) return searchLineKey(state, state.searchInput, input, key, layout);
  const top = topRow(state, layout);
  const page = layout.bodyHeight;
  if (key.escape || input === 'q') return 'close';
  if (key.upArrow || input === 'k') return scrollTo(state, layout, top - 1);
  if (key.downArrow || input === 'j') return scrollTo(state, layout, top + 1);
  if (key.pageUp || (key.ctrl && input === 'b')) return scrollTo(state, layout, top - page);
  if (key.pageDown || (key.ctrl && input === 'f') || input === ' ') return scrollTo(state, layout, top + page);
  if (key.home || input === 'g') return scrollTo(state, layout, 0);
  if (key.end || input === 'G') return { ...state, follow: true };
  if (input === '/') return { ...state, searchInput: '' };
  if (input === 'n' || input === 'N') {
    const matches = layout.matchesOf(state.query);
    return showMatch(state, layout, matches, stepMatch(matches.length, state.matchIndex, input === 'n' ? 1 : -1));
  }
  // Toggling wrap keeps the line at the top where it is; wrapped lines need no sideways scrolling.
  if (input === 'w') return { ...state, wrap: !state.wrap, anchor: anchorAt(layout, top), column: 0 };
  if (!state.wrap && (key.leftArrow || key.rightArrow || input === 'h' || input === 'l' || input === '0')) {
    const step = Math.max(8, Math.floor(layout.width / 2));
    const column = input === '0' ? 0 : key.leftArrow || input === 'h' ? Math.max(0, state.column - step) : state.column + step;
    return column === state.column ? state : { ...state, column };
  }
  if (input === 'r') return { ...state, opened: state.opened + 1 };
  if (input === 'p') return { ...state, previous: !state.previous };
  if (input === 'c' && layout.containers.length > 1) {
    const next = layout.containers[(layout.containers.indexOf(state.container) + 1) % layout.containers.length];
    return next === undefined ? state : { ...state, container: next };
  }
  return state;
}
