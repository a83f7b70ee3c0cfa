import { describe, expect, it } from 'vitest';
import { matchReturnsToDirectDebits, type ReturnToMatch, type UnreversedDirectDebit } from './match-returns';

const dd = (id: number, businessDate: string, amountPence = -11_250, tenancyId = 1): UnreversedDirectDebit => ({ id, tenancyId, amountPence, businessDate });
const ret = (originalDate: string, ledgerAmountPence = -11_250, tenancyId = 1): ReturnToMatch => ({ tenancyId, ledgerAmountPence, originalDate });

describe('matchReturnsToDirectDebits', () => {
  it.each([
    { case: 'the debit on the original date', returns: [ret('2026-11-02')], candidates: [dd(10, '2026-11-02')], matched: [10] },
    { case: 'within the window either side', returns: [ret('2026-11-04'), ret('2026-10-30')], candidates: [dd(10, '2026-11-02'), dd(11, '2026-11-01')], matched: [10, 11] },
    { case: 'three days either side is inside the window', returns: [ret('2026-11-05'), ret('2026-10-30')], candidates: [dd(10, '2026-11-02'), dd(11, '2026-10-27')], matched: [10, 11] },
    { case: 'four days is outside: unlinked', returns: [ret('2026-11-06')], candidates: [dd(10, '2026-11-02')], matched: [null] },
    { case: 'the nearest in date first', returns: [ret('2026-11-03')], candidates: [dd(10, '2026-11-01'), dd(11, '2026-11-04')], matched: [11] },
    { case: 'a tie in date: the earlier posted', returns: [ret('2026-11-03')], candidates: [dd(12, '2026-11-04'), dd(11, '2026-11-02')], matched: [11] },
    { case: 'each debit reversed once: the second return finds nothing', returns: [ret('2026-11-02'), ret('2026-11-02')], candidates: [dd(10, '2026-11-02')], matched: [10, null] },
    { case: 'the second return takes the next nearest', returns: [ret('2026-11-02'), ret('2026-11-02')], candidates: [dd(10, '2026-11-02'), dd(11, '2026-11-03')], matched: [10, 11] },
    { case: 'another amount is not it', returns: [ret('2026-11-02', -10_000)], candidates: [dd(10, '2026-11-02')], matched: [null] },
    { case: "another account's debit is not it", returns: [ret('2026-11-02', -11_250, 2)], candidates: [dd(10, '2026-11-02')], matched: [null] },
    { case: 'no candidates', returns: [ret('2026-11-02')], candidates: [], matched: [null] },
    { case: 'no returns', returns: [], candidates: [dd(10, '2026-11-02')], matched: [] },
  ])('$case', ({ returns, candidates, matched }) => {
    expect(matchReturnsToDirectDebits(returns, candidates, 3)).toEqual(matched);
  });
});
