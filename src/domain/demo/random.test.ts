import { describe, expect, it } from 'vitest';
import { mixSeed, Random } from './random';

describe('Random', () => {
  it('gives the same numbers for the same seed, and others for another', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random(43);
    const xs = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(xs);
  });

  it('keeps int() within its bounds and reaches both ends', () => {
    const r = new Random(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const n = r.int(3, 9);
      expect(Number.isInteger(n) && n >= 3 && n <= 9).toBe(true);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(() => r.int(5, 4)).toThrow(RangeError);
  });

  it('picks by weight', () => {
    const r = new Random(1);
    let heavy = 0;
    for (let i = 0; i < 4000; i++) if (r.weighted([['a', 9], ['b', 1]] as const) === 'a') heavy++;
    expect(heavy / 4000).toBeGreaterThan(0.86);
    expect(heavy / 4000).toBeLessThan(0.94);
  });

  it('shuffles into a permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new Random(5).shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
  });

  it('mixes seeds into distinct unsigned 32-bit values', () => {
    const seeds = new Set<number>();
    for (let i = 0; i < 1000; i++) seeds.add(mixSeed(1, i, 3));
    expect(seeds.size).toBe(1000);
    for (const s of seeds) expect(s >>> 0).toBe(s);
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
  });
});
