import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { NO_KEY, filterIntent, helpIntent, pickerIntent, splitTyped } from '../../src/ui/keyModes.js';

const key = (flags: Partial<Key>): Key => ({ ...NO_KEY, ...flags });

describe('filterIntent: the filter line takes the keyboard', () => {
  it.each<[string, string, Partial<Key>, ReturnType<typeof filterIntent>]>([
    ['a letter is typed', 'c', {}, { type: 'filterType', text: 'c' }],
    ['q is typed, not quit', 'q', {}, { type: 'filterType', text: 'q' }],
    ['a pasted selector is typed whole', 'l:app=web', {}, { type: 'filterType', text: 'l:app=web' }],
    ['Enter keeps', '', { return: true }, { type: 'filterKeep' }],
    ['Esc clears', '', { escape: true, meta: true }, { type: 'filterClear' }],
    ['Backspace', '', { backspace: true }, { type: 'filterBackspace' }],
    ['Delete (what many terminals send for Backspace)', '', { delete: true }, { type: 'filterBackspace' }],
    ['Ctrl-C still quits', 'c', { ctrl: true }, { type: 'quit' }],
    ['down moves through what matches', '', { downArrow: true }, { type: 'move', move: 'down' }],
    ['Tab does nothing', '', { tab: true }, undefined],
    ['a control character is not typed', '\x07', {}, undefined],
    ['Alt-x is not typed', 'x', { meta: true }, undefined],
  ])('%s', (_name, input, flags, expected) => {
    expect(filterIntent(input, key(flags))).toEqual(expected);
  });
});

describe('helpIntent and pickerIntent', () => {
  it.each<[string, string, Partial<Key>, ReturnType<typeof helpIntent>]>([
    ['? closes', '?', {}, { type: 'help' }],
    ['Esc closes', '', { escape: true }, { type: 'help' }],
    ['q quits', 'q', {}, { type: 'quit' }],
    ['j does nothing', 'j', {}, undefined],
  ])('help: %s', (_name, input, flags, expected) => {
    expect(helpIntent(input, key(flags))).toEqual(expected);
  });

  it.each<[string, string, Partial<Key>, ReturnType<typeof pickerIntent>]>([
    ['Enter chooses', '', { return: true }, { type: 'pickerChoose' }],
    ['Esc cancels', '', { escape: true }, { type: 'pickerClose' }],
    ['j moves', 'j', {}, { type: 'move', move: 'down' }],
    ['up moves', '', { upArrow: true }, { type: 'move', move: 'up' }],
    ['G moves to the last', 'G', { shift: true }, { type: 'move', move: 'last' }],
    ['left does not step a pod behind the picker', '', { leftArrow: true }, undefined],
    ['q quits', 'q', {}, { type: 'quit' }],
  ])('picker: %s', (_name, input, flags, expected) => {
    expect(pickerIntent(input, key(flags))).toEqual(expected);
  });
});

describe('splitTyped: several characters in one read are several keys', () => {
  it('one character or a named key stays as it is', () => {
    expect(splitTyped('j', key({}))).toEqual([['j', key({})]]);
    expect(splitTyped('', key({ upArrow: true }))).toEqual([['', key({ upArrow: true })]]);
  });

  it('"/crash⏎" is a slash, five letters and Enter', () => {
    const keys = splitTyped('/crash\r', key({}));
    expect(keys.map(([input]) => input)).toEqual(['/', 'c', 'r', 'a', 's', 'h', '']);
    expect(keys.at(-1)![1].return).toBe(true);
  });

  it('marks capitals as shifted, Tab and Backspace as keys', () => {
    const keys = splitTyped('G\t\x7f', key({}));
    expect(keys[0]).toEqual(['G', key({ shift: true })]);
    expect(keys[1]).toEqual(['', key({ tab: true })]);
    expect(keys[2]).toEqual(['', key({ backspace: true })]);
  });

  it('leaves Alt and Ctrl chords alone', () => {
    expect(splitTyped('ab', key({ meta: true }))).toEqual([['ab', key({ meta: true })]]);
  });
});
