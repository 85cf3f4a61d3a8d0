// Ink 6.8's text measurement, with its memo bounded. Ink keeps the size of
// every distinct text it ever laid out in a module-level Map that is never
// emptied (vadimdemedes/ink#986; Ink 7 bounds it, but needs Node 22). podtui's
// texts change all the time (ages, countdowns, every new Event's message), so
// over a day on a bastion host that Map grew by megabytes an hour. The bundle
// (scripts/bundle.js) puts this module where Ink imports its own.
import widestLine from 'widest-line';
import { GenerationalCache } from './generationalCache.js';

export interface TextSize {
  width: number;
  height: number;
}

/** A screen's texts and their wrapped lines fit many times over. */
const GENERATION = 2_000;

const sizes = new GenerationalCache<TextSize>(GENERATION);

export default function measureText(text: string): TextSize {
  if (text.length === 0) return { width: 0, height: 0 };
  const known = sizes.get(text);
  if (known) return known;
  const size = { width: widestLine(text), height: text.split('\n').length };
  sizes.set(text, size);
  return size;
}

/** Entries kept now (for tests). */
export const measuredTexts = (): number => sizes.size;
