import { describe, expect, it } from 'vitest';
import { MAX_LINE_LENGTH, cellWidth, sanitizeLine } from '../../src/ui/terminalText.js';

describe('cellWidth', () => {
  const cases: [string, number][] = [
    ['', 0],
    ['GET /healthz 200', 16],
    ['日本語', 6],
    ['café', 4],
    ['cafe\u0301', 4],
    ['🔥 hot', 6],
    ['ｆｕｌｌ', 8],
  ];
  it.each(cases)('%j is %i cells', (text, width) => {
    expect(cellWidth(text)).toBe(width);
  });
});

describe('sanitizeLine', () => {
  const cases: { name: string; raw: string; expected: string }[] = [
    { name: 'plain text stays', raw: '2026-11-25T14:05:11Z INFO listening on :8080', expected: '2026-11-25T14:05:11Z INFO listening on :8080' },
    { name: 'SGR colours removed', raw: '\u001b[31mERROR\u001b[0m db down', expected: 'ERROR db down' },
    { name: 'cursor moves and clears removed', raw: 'a\u001b[2J\u001b[H\u001b[?1049hb', expected: 'ab' },
    { name: 'OSC title and hyperlink removed', raw: '\u001b]0;pwned\u0007x \u001b]8;;http://e.x\u001b\\link\u001b]8;;\u001b\\', expected: 'x link' },
    { name: '8-bit CSI removed', raw: 'a\u009b31mb', expected: 'ab' },
    { name: 'trailing CR of CRLF dropped', raw: 'windows line\r', expected: 'windows line' },
    { name: 'progress bar: what a terminal leaves visible', raw: ' 10%\r 50%\r100% done', expected: '100% done' },
    { name: 'tabs expanded to 8-cell stops', raw: 'a\tb\tc', expected: 'a       b       c' },
    { name: 'binary bytes shown as ?', raw: 'PK\u0003\u0004\u0000\u0000\u007f', expected: 'PK?????' },
    { name: 'bidi overrides removed', raw: 'user \u202eexe.txt', expected: 'user exe.txt' },
    { name: 'embedded newline folded', raw: 'one\ntwo', expected: 'one two' },
  ];
  it.each(cases)('$name', ({ raw, expected }) => {
    expect(sanitizeLine(raw)).toBe(expected);
  });

  it('never lets a control character through', () => {
    let raw = '';
    for (let code = 0; code < 0xa0; code += 1) raw += String.fromCharCode(code);
    // eslint-disable-next-line no-control-regex
    expect(sanitizeLine(raw)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('caps a runaway line and says how much was cut', () => {
    const raw = `{"blob":"${'x'.repeat(100_000)}"}`;
    const line = sanitizeLine(raw);
    expect(line.length).toBeLessThan(MAX_LINE_LENGTH + 64);
    expect(line).toMatch(new RegExp(`\\[cut: ${raw.length - MAX_LINE_LENGTH} more characters\\]$`));
  });
});
