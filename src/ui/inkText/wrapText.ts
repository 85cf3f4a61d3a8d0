// Ink 6.8's wrapping and truncation of a text to a width, with its memo
// bounded (see measureText.ts for why). Ink keyed its memo by the text, the
// width and the wrap mode run together, so ("ab1", 0) and ("ab", 10) shared an
// entry; the key here puts the mode and the width first, each ended by a
// separator neither contains.
import cliTruncate from 'cli-truncate';
import wrapAnsi from 'wrap-ansi';
import { GenerationalCache } from './generationalCache.js';

/** Ink's `textWrap` style. */
export type TextWrap = 'wrap' | 'end' | 'middle' | 'truncate-end' | 'truncate' | 'truncate-middle' | 'truncate-start';

const GENERATION = 2_000;

const wrapped = new GenerationalCache<string>(GENERATION);

function truncatePosition(wrapType: string): 'start' | 'middle' | 'end' {
  if (wrapType === 'truncate-middle') return 'middle';
  if (wrapType === 'truncate-start') return 'start';
  return 'end';
}

function layOut(text: string, maxWidth: number, wrapType: TextWrap): string {
  if (wrapType === 'wrap') return wrapAnsi(text, maxWidth, { trim: false, hard: true });
  if (wrapType.startsWith('truncate')) return cliTruncate(text, maxWidth, { position: truncatePosition(wrapType) });
  return text;
}

export default function wrapText(text: string, maxWidth: number, wrapType: TextWrap): string {
  const key = `${wrapType}:${maxWidth}:${text}`;
  const known = wrapped.get(key);
  if (known !== undefined) return known;
  const result = layOut(text, maxWidth, wrapType);
  wrapped.set(key, result);
  return result;
}

/** Entries kept now (for tests). */
export const wrappedTexts = (): number => wrapped.size;
