import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aTenancyOnPatch } from '../../../test/builders/tenancy';
import { createTestDatabase } from '../../../test/support/test-database';
import { addDays } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { appendLedgerTransactions, listLedgerTransactions, type NewLedgerTransaction } from '../../persistence/stores/ledger-store';
import { findTenancyByRef } from '../../persistence/stores/tenancy-store';
import { loadCourtCase } from './court-case';

describe('loadCourtCase: the balance, the costs and the payments since the order, from the ledger up to today', () => {
  let db: Db;
  let tenancyId: number;
  const today = '2026-11-23';

  beforeAll(async () => {
    db = await createTestDatabase();
    tenancyId = await aTenancyOnPatch(db, 'TEN-CC1', 'North');
    // Two years of weekly rent, part paid; court costs; a garage charge (not the rent account); and lines after today.
    const rows: NewLedgerTransaction[] = [];
    for (let w = 0; w < 104; w++) {
      const date = addDays('2024-11-25', 7 * w);
      rows.push({ tenancyId, businessDate: date, kind: 'charge', amountPence: 11_050, idempotencyKey: `c:${w}`, source: 'test' });
      if (w % 3 !== 0) rows.push({ tenancyId, businessDate: addDays(date, 2), kind: 'payment', method: 'card', amountPence: -9_000 - w, idempotencyKey: `p:${w}`, source: 'test' });
      if (w % 10 === 0) rows.push({ tenancyId, subAccount: 'garage', businessDate: date, kind: 'charge', amountPence: 1_500, idempotencyKey: `g:${w}`, source: 'test' });
    }
    rows.push({ tenancyId, subAccount: 'court_costs', businessDate: '2026-08-10', kind: 'court_costs', amountPence: 35_500, idempotencyKey: 'costs', source: 'test' });
    rows.push({ tenancyId, businessDate: '2026-09-01', kind: 'benefit', method: 'universal_credit', amountPence: -40_000, idempotencyKey: 'uc', source: 'test' });
    rows.push({ tenancyId, businessDate: addDays(today, 3), kind: 'payment', method: 'card', amountPence: -50_000, idempotencyKey: 'later', source: 'test' });
    await appendLedgerTransactions(db, rows);
    await appendCaseEvents(db, [
      { tenancyId, eventDate: '2026-06-01', type: 'claim_issued', details: {} },
      { tenancyId, eventDate: '2026-08-10', type: 'court_order', details: { order: 'suspended', instalmentPence: 500, frequency: 'weekly', costsPence: 35_500 } },
    ]);
  });
  afterAll(async () => db.close());

  it('are those of every line of the ledger up to today (the N325)', async () => {
    const court = await loadCourtCase(db, (await findTenancyByRef(db, 'TEN-CC1'))!, today);
    const lines = await listLedgerTransactions(db, tenancyId, { to: today });
    const rent = lines.filter((t) => ['rent', 'service_charge', 'court_costs', 'former_tenant_arrears'].includes(t.sub_account));
    const balance = rent.reduce((s, t) => s + t.amount_pence, 0);
    const since = rent.filter((t) => t.business_date >= '2026-08-10');
    const n325 = court.n325!;
    expect(n325.outstandingPence).toBe(Math.max(0, balance));
    expect(n325.costsPence).toBe(35_500);
    expect(n325.payments).toEqual(since.filter((t) => t.amount_pence < 0).map((t) => ({ date: t.business_date, amountPence: -t.amount_pence, kind: t.kind })));
    expect(n325.payments.some((p) => p.kind === 'benefit')).toBe(true);
    expect(n325.paymentsSinceOrderPence).toBe(since.filter((t) => t.amount_pence < 0).reduce((s, t) => s - t.amount_pence, 0));
    expect(n325.breach).toBe('The terms of the order (rent plus 5.00 pounds weekly) have not been kept');
  });
});
