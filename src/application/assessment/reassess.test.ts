import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../../domain/calendar/business-date';
import { REASSESSMENT_BATCH_SIZE, reassessmentBatches } from './reassess';

const AS_OF = '2026-11-23' as BusinessDate;
const LATER = '2026-11-25' as BusinessDate;

describe('reassessmentBatches', () => {
  it.each([
    { name: 'no tenancies', ids: [], later: [], expected: [] },
    { name: 'one tenancy', ids: [7], later: [], expected: [{ asOf: AS_OF, ids: [7] }] },
    { name: 'in tenancy order', ids: [9, 3, 5], later: [], expected: [{ asOf: AS_OF, ids: [3, 5, 9] }] },
    {
      name: 'a tenancy already assessed to a later date keeps that date',
      ids: [4, 2, 8, 6],
      later: [[8, LATER], [2, LATER]] as [number, BusinessDate][],
      expected: [
        { asOf: AS_OF, ids: [4, 6] },
        { asOf: LATER, ids: [2, 8] },
      ],
    },
  ])('$name', ({ ids, later, expected }) => {
    const batches = reassessmentBatches(ids, new Map(later), AS_OF);
    expect(batches.map((b) => ({ asOf: b.asOf, ids: 'ids' in b.selection ? b.selection.ids : null }))).toEqual(expected);
  });

  it('takes every account of a large landlord once, a batch at a time (a payment file touching 100,000 accounts)', () => {
    // Reversed, so that each date's group must be sorted; every tenth one already assessed to a later date.
    const ids = Array.from({ length: 100_000 }, (_, i) => 100_000 - i);
    const later = new Map(ids.filter((id) => id % 10 === 0).map((id) => [id, LATER]));
    const batches = reassessmentBatches(ids, later, AS_OF);
    expect(batches).toHaveLength(90 + 10);
    expect(batches.every((b) => 'ids' in b.selection && b.selection.ids.length === REASSESSMENT_BATCH_SIZE)).toBe(true);
    const taken = batches.flatMap((b) => ('ids' in b.selection ? b.selection.ids.map((id) => `${b.asOf} ${id}`) : []));
    expect(new Set(taken).size).toBe(100_000);
    expect(taken.filter((t) => t.startsWith(LATER))).toHaveLength(10_000);
    const first = batches.find((b) => b.asOf === AS_OF)!;
    expect('ids' in first.selection ? first.selection.ids.slice(0, 10) : null).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 11]);
    // Not a timing check: a grouping that copied each group as it grew (quadratic) took about a minute for
    // these 100,000 accounts, the linear one well under a second, so it would not finish in this limit.
  }, 20_000);
});
