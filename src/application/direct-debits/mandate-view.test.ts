import { describe, expect, it } from 'vitest';
import type { BusinessDate } from '../../domain/calendar/business-date';
import { viewOfMandate, type MandateRow } from './direct-debits';
import type { MandateEventRow } from './mandate-store';

function mandate(id: number, status: MandateRow['status']): MandateRow {
  return {
    id,
    tenancy_id: 1,
    reference: `DDI-${id}`,
    payer_name: 'A Tenant',
    sort_code: '200000',
    account_number: '55779911',
    frequency: 'monthly',
    collection_day: 1,
    amount_pence: 50_000,
    start_on: '2026-01-01' as BusinessDate,
    first_collection_on: '2026-02-01' as BusinessDate,
    status,
    cancelled_on: status === 'cancelled' ? ('2026-10-01' as BusinessDate) : null,
    cancel_reason: status === 'cancelled' ? 'replaced' : null,
    created_by: 'officer',
  };
}

function amountChanged(id: number, mandateId: number, newAmountPence: number, firstCollectionOn: string): MandateEventRow {
  return { id, mandate_id: mandateId, event_on: '2026-11-01' as BusinessDate, type: 'amount_changed', details: { newAmountPence, firstCollectionOn }, recorded_by: 'system' };
}

describe('viewOfMandate: the schedule and history of one mandate among the tenancy’s', () => {
  it("takes a pending amount change of its own mandate from its first collection, and ignores another mandate's", () => {
    const history = [amountChanged(1, 7, 61_000, '2027-01-01'), amountChanged(2, 8, 52_000, '2027-02-01')];
    const view = viewOfMandate(mandate(8, 'active'), history, '2026-11-23' as BusinessDate, 4);
    expect(view.schedule.map((s) => [s.collectionOn, s.amountPence])).toEqual([
      ['2026-12-01', 50_000],
      ['2027-01-04', 50_000], // New Year's Day: the next working day
      ['2027-02-01', 52_000],
      ['2027-03-01', 52_000],
    ]);
    expect(view.history.map((h) => h.id)).toEqual([2]);
  });
});
