import { describe, expect, it } from 'vitest';
import { sanitizeInPlace, sanitizeText } from '../../src/kube/sanitize.js';

describe('sanitizeText', () => {
  it.each([
    ['plain name', 'web-7d9f8b6c5d-x2x4q', 'web-7d9f8b6c5d-x2x4q'],
    ['CSI colour', '\u001b[31mred\u001b[0m', 'red'],
    ['CSI cursor move and clear', 'a\u001b[2J\u001b[10;20Hb', 'ab'],
    ['private-mode CSI (alt screen off)', 'x\u001b[?1049ly', 'xy'],
    ['OSC title ended by BEL', '\u001b]0;pwned\u0007ok', 'ok'],
    ['OSC 8 hyperlink ended by ST', '\u001b]8;;http://evil\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['DCS ended by ST', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
    ['APC', 'a\u001b_payload\u001b\\b', 'ab'],
    ['8-bit CSI', 'a\u009b31mb', 'ab'],
    ['8-bit OSC ended by 8-bit ST', 'a\u009d0;title\u009cb', 'ab'],
    ['two-byte ESC sequence (RIS)', 'a\u001bcb', 'ab'],
    ['charset designation ESC ( B', 'a\u001b(Bb', 'ab'],
    ['lone ESC at the end', 'abc\u001b', 'abc'],
    ['BEL, backspace, DEL, NUL dropped', 'a\u0007b\u0008c\u007fd\u0000e', 'abcde'],
    ['carriage return dropped', 'progress\r100%', 'progress100%'],
    ['newline becomes one space', 'Back-off pulling image\n"nginx"', 'Back-off pulling image "nginx"'],
    ['CRLF and trailing newline', 'line one\r\nline two\n', 'line one line two'],
    ['tab expands to the next stop', 'a\tb', 'a       b'],
    ['tab after eight chars', '12345678\tx', '12345678        x'],
    ['bidi override removed', 'pod-\u202egnp.exe', 'pod-gnp.exe'],
    ['CJK, emoji and accents kept', 'データ 🚀 café', 'データ 🚀 café'],
    ['unterminated OSC swallows the rest', 'ok\u001b]0;never ends', 'ok'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeText(input)).toBe(expected);
  });

  it('leaves no ESC or C0/C1 control in arbitrary noise', () => {
    let noise = '';
    for (let code = 0; code < 0xa0; code++) noise += String.fromCharCode(code) + 'x';
    const clean = sanitizeText(noise);
    expect(clean).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/);
    expect(clean).toContain('x');
  });
});

describe('sanitizeInPlace', () => {
  it('cleans strings and keys at any depth, in arrays too, keeps numbers, booleans and null', () => {
    const input = {
      metadata: { name: 'a\u001b[1mb', labels: { 'k\u0007': 'v\u009b2J' } },
      status: { containerStatuses: [{ ready: true, restartCount: 3, state: { waiting: { message: 'x\ny' } } }], podIP: null },
      spec: { containers: [{ args: ['--name=\u001b]0;pwned\u0007x', 'ok'] }] },
    };
    const cleaned = sanitizeInPlace(input);
    expect(cleaned).toBe(input);
    expect(cleaned).toEqual({
      metadata: { name: 'ab', labels: { k: 'v' } },
      status: { containerStatuses: [{ ready: true, restartCount: 3, state: { waiting: { message: 'x y' } } }], podIP: null },
      spec: { containers: [{ args: ['--name=x', 'ok'] }] },
    });
    expect(sanitizeInPlace('a\u001b[2Jb')).toBe('ab');
  });
});
