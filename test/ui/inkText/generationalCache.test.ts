import { describe, expect, it } from 'vitest';
import { GenerationalCache } from '../../../src/ui/inkText/generationalCache.js';

describe('GenerationalCache', () => {
  it('returns what was set, and undefined for what was not', () => {
    const cache = new GenerationalCache<number>(4);
    cache.set('Running', 7);
    expect(cache.get('Running')).toBe(7);
    expect(cache.get('Pending')).toBeUndefined();
  });

  it('keeps at most two generations, however many distinct keys come', () => {
    const cache = new GenerationalCache<number>(100);
    for (let i = 0; i < 10_000; i++) cache.set(`next try in ${i}s`, i);
    expect(cache.size).toBeLessThanOrEqual(200);
    expect(cache.get('next try in 9999s')).toBe(9999);
    expect(cache.get('next try in 0s')).toBeUndefined();
  });

  it('keeps a key that is read between turnovers (what every frame draws)', () => {
    const cache = new GenerationalCache<string>(10);
    cache.set('web-7d4b9c8f5-x2k4p', 'row');
    for (let frame = 0; frame < 100; frame++) {
      for (let i = 0; i < 7; i++) cache.set(`event ${frame}.${i}`, 'line');
      expect(cache.get('web-7d4b9c8f5-x2k4p')).toBe('row');
    }
  });

  it('lets go of a key nobody reads for two generations', () => {
    const cache = new GenerationalCache<string>(10);
    cache.set('old message', 'line');
    for (let i = 0; i < 20; i++) cache.set(`new ${i}`, 'line');
    expect(cache.get('old message')).toBeUndefined();
  });
});
