// podtui's measureText and wrapText stand in for Ink's in the bundle
// (scripts/bundle.js): they must lay out every text exactly as Ink's do, and
// keep a bounded memo where Ink's grows for ever.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import measureText, { measuredTexts } from '../../../src/ui/inkText/measureText.js';
import wrapText, { wrappedTexts, type TextWrap } from '../../../src/ui/inkText/wrapText.js';

const require = createRequire(import.meta.url);
const inkBuild = join(dirname(require.resolve('ink')), '.');
const inkModule = async <T>(file: string): Promise<T> => ((await import(pathToFileURL(join(inkBuild, file)).href)) as { default: T }).default;
const inkMeasureText = await inkModule<(text: string) => { width: number; height: number }>('measure-text.js');
const inkWrapText = await inkModule<(text: string, maxWidth: number, wrapType: TextWrap) => string>('wrap-text.js');

const texts = [
  'web-7d4b9c8f5-x2k4p',
  'Back-off restarting failed container app in pod web-7d4b9c8f5-x2k4p_default(3f1c0e8d)',
  'Readiness probe failed: HTTP probe failed with statuscode: 503',
  '\u001b[31mCrashLoopBackOff\u001b[39m 4 (32s ago)',
  '日本語のメッセージ: コンテナが再起動しました',
  '🔥 hot pod',
  'line one\nline two, longer than the first\n3',
  'café ｆｕｌｌ',
  ' leading and trailing spaces  ',
];
const wrapTypes: TextWrap[] = ['wrap', 'truncate', 'truncate-end', 'truncate-middle', 'truncate-start', 'end', 'middle'];

describe('measureText', () => {
  it.each(texts.concat(['']))('measures %j as Ink does', (text) => {
    expect(measureText(text)).toEqual(inkMeasureText(text));
  });
});

describe('wrapText', () => {
  const cases = texts.flatMap((text) => wrapTypes.flatMap((wrapType) => [1, 8, 20, 200].map((width) => ({ text, wrapType, width }))));
  it.each(cases)('$wrapType at $width cells lays out $text as Ink does', ({ text, wrapType, width }) => {
    expect(wrapText(text, width, wrapType)).toBe(inkWrapText(text, width, wrapType));
  });

  it('keeps a text, its width and its mode apart (Ink ran them together: ("ab1", 0) and ("ab", 10) shared an entry)', () => {
    expect(wrapText('ab', 10, 'truncate')).toBe('ab');
    expect(wrapText('ab1', 0, 'truncate')).toBe('');
    expect(wrapText('ab', 10, 'truncate')).toBe('ab');
  });
});

describe('the memos stay bounded', () => {
  it('after a day of ever-new texts (countdowns, messages), as many entries as a few screens hold', () => {
    for (let i = 0; i < 50_000; i++) {
      const line = `Back-off restarting failed container app, next try in ${i}s`;
      measureText(line);
      wrapText(line, 80, 'truncate-end');
    }
    expect(measuredTexts()).toBeLessThanOrEqual(4_000);
    expect(wrappedTexts()).toBeLessThanOrEqual(4_000);
  });

  it('a text drawn on every frame is measured once, however many others come and go', () => {
    const row = 'web-7d4b9c8f5-x2k4p  1/1  Running  0  5m';
    const first = measureText(row);
    for (let frame = 0; frame < 50; frame++) {
      for (let i = 0; i < 500; i++) measureText(`frame ${frame} event ${i}`);
      expect(measureText(row)).toBe(first);
    }
  });
});

describe('the bundle', () => {
  it("lays Ink's texts out with these modules, not Ink's unbounded ones", () => {
    const dist = join(import.meta.dirname, '../../../dist');
    const files = [join(dist, 'podtui.js'), ...readdirSync(join(dist, 'chunks')).map((name) => join(dist, 'chunks', name))];
    const inkLayout = files.map((file) => readFileSync(file, 'utf8')).filter((code) => code.includes('setMeasureFunc'));
    expect(inkLayout).toHaveLength(1);
    expect(inkLayout[0]).toContain('new GenerationalCache(');
    expect(inkLayout[0]).not.toContain('cache[cacheKey] = wrappedText');
  });
});
