import { describe, expect, it } from 'vitest';
import { anIndex, day } from '../../../../test/builders/case-index';
import { chargedWeeks } from './charged-weeks';

describe('chargedWeeks(A, B): charged Mondays in (A, B]', () => {
  // 2026-03-02, 03-09, 03-16, 03-23 are Mondays.
  it.each([
    ['A and B Mondays: A excluded, B included', '2026-03-02', '2026-03-23', {}, 3],
    ['A the Sunday before a Monday', '2026-03-01', '2026-03-09', {}, 2],
    ['B the Sunday before a Monday', '2026-03-02', '2026-03-22', {}, 2],
    ['empty range', '2026-03-09', '2026-03-09', {}, 0],
    ['reversed range', '2026-03-23', '2026-03-02', {}, 0],
    ['a rent-free Monday is not charged', '2026-03-01', '2026-03-23', { rentFreeWeeks: ['2026-03-16'] }, 3],
    ['a rent-free entry that is not a Monday has no effect', '2026-03-01', '2026-03-23', { rentFreeWeeks: ['2026-03-17'] }, 4],
    ['a rent-free Monday listed twice counts once', '2026-03-01', '2026-03-23', { rentFreeWeeks: ['2026-03-16', '2026-03-16'] }, 3],
    ['started on the Sunday: its week is charged', '2026-02-28', '2026-03-23', { tenancy: { startDate: '2026-03-08' } }, 4],
    ['started on the Monday after: the week before is not', '2026-02-28', '2026-03-23', { tenancy: { startDate: '2026-03-09' } }, 3],
    ['ended on a Monday: that week is charged', '2026-02-28', '2026-03-23', { tenancy: { endDate: '2026-03-16' } }, 3],
    ['ended on the Sunday before: the next week is not', '2026-02-28', '2026-03-23', { tenancy: { endDate: '2026-03-15' } }, 2],
  ])('%s', (_name, a, b, overrides, expected) => {
    expect(chargedWeeks(anIndex(overrides), day(a), day(b))).toBe(expected);
  });
});
