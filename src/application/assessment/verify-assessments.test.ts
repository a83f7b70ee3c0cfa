import { describe, expect, it } from 'vitest';
import { evenlySpaced } from './verify-assessments';

describe('evenlySpaced', () => {
  it.each([
    { ids: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], count: undefined, picked: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
    { ids: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], count: 10, picked: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
    { ids: [1, 2, 3], count: 5, picked: [1, 2, 3] },
    { ids: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], count: 5, picked: [1, 3, 5, 7, 9] },
    { ids: [10, 20, 30, 40, 50, 60, 70], count: 3, picked: [10, 30, 50] },
    { ids: [10, 20, 30, 40, 50, 60, 70], count: 1, picked: [10] },
    { ids: [], count: 4, picked: [] },
  ])('$count of $ids.length ids', ({ ids, count, picked }) => {
    expect(evenlySpaced(ids, count)).toEqual(picked);
  });

  it('never picks one id twice', () => {
    const ids = Array.from({ length: 1_003 }, (_, i) => i * 3);
    for (const count of [1, 2, 7, 500, 1_002]) expect(new Set(evenlySpaced(ids, count)).size).toBe(count);
  });
});
