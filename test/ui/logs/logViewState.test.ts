import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { findMatches, layoutRows } from '../../../src/ui/logs/logRows.js';
import { NO_KEY } from '../../../src/ui/keyModes.js';
import { initialLogViewState, logViewKey, topRow, type LogLayout, type LogViewState } from '../../../src/ui/logs/logViewState.js';

const noKey: Key = NO_KEY;
const named = (name: keyof Key): Key => ({ ...noKey, [name]: true });

// 40 lines numbered from 100 (60 fell off the buffer's front), 10 rows on screen.
const lines = Array.from({ length: 40 }, (_, i) => (i % 10 === 3 ? `line ${i} WARN slow` : `line ${i}`));
function layoutOf(wrap = false): LogLayout {
  return {
    rows: layoutRows(lines, 100, 20, wrap),
    bodyHeight: 10,
    width: 20,
    end: 140,
    containers: ['app', 'istio-proxy'],
    matchesOf: (query) => findMatches(lines, 100, query),
  };
}
const start = initialLogViewState('app', false);

function press(state: LogViewState, ...keys: (string | Key)[]): LogViewState | 'close' {
  let current: LogViewState | 'close' = state;
  for (const key of keys) {
    if (current === 'close') return current;
    current = typeof key === 'string' ? logViewKey(current, key, noKey, layoutOf(current.wrap)) : logViewKey(current, '', key, layoutOf(current.wrap));
  }
  return current;
}
function stateAfter(...keys: (string | Key)[]): LogViewState {
  const state = press(start, ...keys);
  if (state === 'close') throw new Error('closed');
  return state;
}

describe('logViewKey: scrolling', () => {
  const cases: { name: string; keys: (string | Key)[]; top: number; follow: boolean }[] = [
    { name: 'follows at first', keys: [], top: 30, follow: true },
    { name: 'up leaves the bottom', keys: [named('upArrow')], top: 29, follow: false },
    { name: 'k as up', keys: ['k', 'k'], top: 28, follow: false },
    { name: 'down back to the bottom follows again', keys: ['k', 'j'], top: 30, follow: true },
    { name: 'g to the top', keys: ['g'], top: 0, follow: false },
    { name: 'Home to the top', keys: [named('home')], top: 0, follow: false },
    { name: 'PgDn from the top', keys: ['g', named('pageDown')], top: 10, follow: false },
    { name: 'PgUp never goes above the top', keys: ['g', named('pageUp')], top: 0, follow: false },
    { name: 'G follows', keys: ['g', 'G'], top: 30, follow: true },
    { name: 'End follows', keys: ['g', named('end')], top: 30, follow: true },
  ];
  it.each(cases)('$name', ({ keys, top, follow }) => {
    const state = stateAfter(...keys);
    expect(topRow(state, layoutOf())).toBe(top);
    expect(state.follow).toBe(follow);
  });

  it('keeps its place by line number when rows are added or wrapped', () => {
    const state = stateAfter('g', named('pageDown'));
    expect(state.anchor).toEqual({ line: 110, part: 0 });
    const wrapped = stateAfter('g', named('pageDown'), 'w');
    expect(wrapped.wrap).toBe(true);
    expect(wrapped.anchor).toEqual({ line: 110, part: 0 });
  });
});

describe('logViewKey: search', () => {
  it('types a query, commits it on Enter and selects the first match from the top shown', () => {
    const state = stateAfter('g', '/', 'w', 'a', 'r', 'x', named('backspace'), 'n', named('backspace'), named('return'));
    expect(state.searchInput).toBeUndefined();
    expect(state.query).toBe('war');
    expect(state.matchIndex).toBe(0);
  });

  it('n and N step through matches and wrap around, scrolling each into view', () => {
    const first = stateAfter('g', '/', 'W', 'A', 'R', 'N', named('return'));
    expect(first.matchIndex).toBe(0);
    const second = stateAfter('g', '/', 'W', 'A', 'R', 'N', named('return'), 'n', 'n');
    expect(second.matchIndex).toBe(2);
    const row = topRow(second, layoutOf());
    expect(row).toBeLessThanOrEqual(23);
    expect(row + 10).toBeGreaterThan(23);
    expect(second.follow).toBe(false);
    const around = stateAfter('g', '/', 'W', 'A', 'R', 'N', named('return'), 'N');
    expect(around.matchIndex).toBe(3);
  });

  it('never types a control character into the search line', () => {
    expect(stateAfter('/', '\u0007', 'a', '\u001b[2J').searchInput).toBe('a');
  });

  it('Esc in the search line closes the line, not the view', () => {
    const state = stateAfter('/', 'x', named('escape'));
    expect(state.searchInput).toBeUndefined();
    expect(state.query).toBe('');
  });

  it('a search from further down starts at the first match below', () => {
    const state = stateAfter('g', named('pageDown'), named('pageDown'), '/', 'w', 'a', 'r', 'n', named('return'));
    expect(state.matchIndex).toBe(2);
  });
});

describe('logViewKey: instances, containers, closing', () => {
  const cases: { name: string; keys: (string | Key)[]; expected: Partial<LogViewState> | 'close' }[] = [
    { name: 'p shows the previous instance', keys: ['p'], expected: { previous: true, container: 'app' } },
    { name: 'p twice is the current one again', keys: ['p', 'p'], expected: { previous: false } },
    { name: 'c cycles containers', keys: ['c'], expected: { container: 'istio-proxy' } },
    { name: 'c wraps around', keys: ['c', 'c'], expected: { container: 'app' } },
    { name: 'w toggles wrap', keys: ['w'], expected: { wrap: true } },
    { name: 'right pans half a screen', keys: [named('rightArrow'), 'l'], expected: { column: 20 } },
    { name: 'left pans back, not past the start', keys: ['l', named('leftArrow'), 'h'], expected: { column: 0 } },
    { name: '0 back to the first column', keys: ['l', 'l', '0'], expected: { column: 0 } },
    { name: 'wrapping forgets the pan', keys: ['l', 'w'], expected: { column: 0, wrap: true } },
    { name: 'no pan while wrapped', keys: ['w', 'l'], expected: { column: 0 } },
    { name: 'r opens the stream again', keys: ['r', 'r'], expected: { opened: 2 } },
    { name: 'Esc closes', keys: [named('escape')], expected: 'close' },
    { name: 'q closes', keys: ['q'], expected: 'close' },
  ];
  it.each(cases)('$name', ({ keys, expected }) => {
    const state = press(start, ...keys);
    if (expected === 'close') expect(state).toBe('close');
    else expect(state).toMatchObject(expected);
  });

  it('ignores keys it has no use for', () => {
    expect(press(start, 'x')).toBe(start);
  });
});
