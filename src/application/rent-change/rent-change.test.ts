import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../../domain/calendar/business-date';
import { directDebitByTenancy, type DirectDebitChange } from './rent-change';

function change(tenancyId: number, mandateId: number): DirectDebitChange {
  return {
    tenancyId,
    ref: `T-${tenancyId}`,
    mandateId,
    mandateReference: `DDI-${mandateId}`,
    frequency: 'weekly',
    oldAmountPence: 10_000,
    newAmountPence: 10_500,
    firstCollectionOn: '2027-04-05' as BusinessDate,
    noticeBy: '2027-03-24' as BusinessDate,
  };
}

describe('directDebitByTenancy', () => {
  it.each([
    { name: 'no direct debits', list: [], expected: [] },
    { name: 'one per tenancy', list: [change(1, 10), change(2, 20)], expected: [[1, 10], [2, 20]] },
    { name: 'two mandates on one tenancy: the first listed', list: [change(1, 10), change(1, 11), change(2, 20)], expected: [[1, 10], [2, 20]] },
  ])('$name', ({ list, expected }) => {
    expect([...directDebitByTenancy({ directDebits: list })].map(([id, d]) => [id, d.mandateId])).toEqual(expected);
  });
});
