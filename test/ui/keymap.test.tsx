import { Text, useInput } from 'ink';
import { render } from 'ink-testing-library';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { KEYMAP, intentForKey, keyText, mainHints } from '../../src/ui/keymap.js';
import type { Intent } from '../../src/ui/state.js';

/** Shows the intent of the last key, parsed by Ink exactly as in the app. */
function Probe() {
  const [last, setLast] = useState<Intent | undefined>();
  useInput((input, key) => setLast(intentForKey(input, key)));
  return <Text>{last === undefined ? 'none' : JSON.stringify(last)}</Text>;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

afterEach(() => cleanup());

describe('intentForKey through Ink', () => {
  it.each<[string, string, Intent | undefined]>([
    ['up arrow', '\x1b[A', { type: 'move', move: 'up' }],
    ['k', 'k', { type: 'move', move: 'up' }],
    ['down arrow', '\x1b[B', { type: 'move', move: 'down' }],
    ['j', 'j', { type: 'move', move: 'down' }],
    ['PgUp', '\x1b[5~', { type: 'move', move: 'pageUp' }],
    ['PgDn', '\x1b[6~', { type: 'move', move: 'pageDown' }],
    ['g', 'g', { type: 'move', move: 'first' }],
    ['G', 'G', { type: 'move', move: 'last' }],
    ['left arrow', '\x1b[D', { type: 'step', direction: -1 }],
    ['h', 'h', { type: 'step', direction: -1 }],
    ['right arrow', '\x1b[C', { type: 'step', direction: 1 }],
    ['l', 'l', { type: 'step', direction: 1 }],
    ['End (xterm)', '\x1b[F', { type: 'live' }],
    ['End (vt220, tmux)', '\x1b[4~', { type: 'live' }],
    ['[', '[', { type: 'restart', direction: -1 }],
    [']', ']', { type: 'restart', direction: 1 }],
    ['Tab', '\t', { type: 'focus', direction: 1 }],
    ['Shift-Tab', '\x1b[Z', { type: 'focus', direction: -1 }],
    ['/', '/', { type: 'filterOpen' }],
    ['s', 's', { type: 'sortCycle' }],
    ['n', 'n', { type: 'namespaceOpen' }],
    ['w', 'w', { type: 'toggleWarnings' }],
    ['t', 't', { type: 'toggleTimes' }],
    ['a', 'a', { type: 'toggleAllPods' }],
    ['Enter', '\r', { type: 'openLogs' }],
    ['L', 'L', { type: 'openLogs' }],
    ['?', '?', { type: 'help' }],
    ['Esc', '\x1b', { type: 'escape' }],
    ['q', 'q', { type: 'quit' }],
    ['Ctrl-C', '\x03', { type: 'quit' }],
    ['an unbound key', 'x', undefined],
    ['Ctrl-K is not k', '\x0b', undefined],
  ])('%s', async (_name, sequence, intent) => {
    const { stdin, lastFrame } = render(<Probe />);
    await tick();
    stdin.write(sequence);
    await tick();
    expect(lastFrame()).toBe(intent === undefined ? 'none' : JSON.stringify(intent));
  });
});

describe('KEYMAP', () => {
  it('binds every intent a key can cause once, each with help text', () => {
    const labels = KEYMAP.map((b) => b.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const binding of KEYMAP) expect(binding.help.length).toBeGreaterThan(3);
  });

  it('no chord is bound twice', () => {
    const chords = KEYMAP.flatMap((b) => b.chords.map((c) => JSON.stringify(c)));
    expect(new Set(chords).size).toBe(chords.length);
  });
});

describe('key words', () => {
  it.each([false, true])('the hints fit 80 columns (ascii: %s)', (ascii) => {
    expect(mainHints(ascii).length).toBeLessThanOrEqual(80);
    if (ascii) expect(mainHints(ascii)).toMatch(/^[\x20-\x7e]*$/);
  });

  it('spells arrows out without Unicode', () => {
    expect(keyText('← h', true)).toBe('Left h');
    expect(keyText('↑ k', false)).toBe('↑ k');
  });
});
