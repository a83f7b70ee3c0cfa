import { describe, expect, it } from 'vitest';
import { idBatches } from './run-daily';

describe('idBatches: a quarter, a half, then whole batches, covering every id once', () => {
  it.each([
    [{ min: 1, max: 10_000 }, 1000, [250, 500, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 250]],
    [{ min: 1, max: 100 }, 1000, [100]],
    [{ min: 1, max: 300 }, 1000, [250, 50]],
    [{ min: 5, max: 11 }, 3, [1, 2, 3, 1]],
    [{ min: 7, max: 7 }, 1000, [1]],
    [{ min: 1, max: 10 }, 1, [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]],
  ])('%j in batches of %i', (range, batchSize, sizes) => {
    const batches = idBatches(range, batchSize);
    expect(batches.map((b) => b.idTo - b.idFrom + 1)).toEqual(sizes);
    expect(batches[0]!.idFrom).toBe(range.min);
    expect(batches.at(-1)!.idTo).toBe(range.max);
    for (let i = 1; i < batches.length; i++) expect(batches[i]!.idFrom).toBe(batches[i - 1]!.idTo + 1);
  });
});
