import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database';
import { aTenancyOnPatch } from '../../../test/builders/tenancy';
import type { Db } from '../database';
import { appendCaseEvents, listCaseEvents } from './case-event-store';
import { appendLedgerTransactions, listLedgerTransactions } from './ledger-store';

/**
 * An account page reads its tenancy's ledger lines and case events. On PostgreSQL each statement is prepared once a
 * connection (postgres-database.ts); it should be planned once too (a generic plan), not afresh for every tenancy
 * and date: with those values as plain parameters it was, about 0.1 ms of the server's CPU a page for the ledger.
 */
describe.runIf(process.env.DATABASE_URL)("an account page's reads keep one plan a connection on PostgreSQL", () => {
  let db: Db;
  const tenancyIds: number[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    // Five years of weekly lines each, as a landlord's accounts have, and few or many events.
    for (let t = 0; t < 12; t++) {
      const tenancyId = await aTenancyOnPatch(db, `PLAN-${t}`, 'Plans');
      tenancyIds.push(tenancyId);
      const weeks = 260;
      await appendLedgerTransactions(
        db,
        Array.from({ length: weeks }, (_, w) => ({
          tenancyId,
          businessDate: new Date(Date.UTC(2023, 0, 2 + 7 * w)).toISOString().slice(0, 10),
          kind: 'charge' as const,
          amountPence: 10_000,
          idempotencyKey: `plans:${t}:${w}`,
          source: 'test',
        })),
      );
      await appendCaseEvents(
        db,
        Array.from({ length: t === 0 ? 60 : 1 + (t % 3) }, (_, e) => ({ tenancyId, eventDate: '2026-01-05', type: 'contact', details: {}, idempotencyKey: `plans:${t}:e${e}` })),
      );
    }
    await db.query(`ANALYZE ledger_transactions`);
    await db.query(`ANALYZE case_events`);
  });
  afterAll(async () => db.close());

  const plansOf = (tx: Db, fragment: string) =>
    tx.query<{ generic_plans: number }>(`SELECT generic_plans::int FROM pg_prepared_statements WHERE statement LIKE $1 AND statement NOT LIKE '%pg_prepared_statements%'`, [`%${fragment}%`]);

  it('the ledger lines, from a date or from the start, and the case events', async () => {
    await db.transaction(async (tx) => {
      for (let i = 0; i < 12; i++) {
        const tenancyId = tenancyIds[i]!;
        // The account page's last 26 weeks, and now and then the whole ledger.
        const lines = await listLedgerTransactions(tx, tenancyId, i % 4 === 3 ? {} : { from: '2027-06-28' });
        expect(lines).toHaveLength(i % 4 === 3 ? 260 : 26);
        await listCaseEvents(tx, tenancyId);
      }
      const ledger = await plansOf(tx, 'FROM ledger_transactions\n     WHERE tenancy_id = $1');
      const events = await plansOf(tx, 'FROM case_events WHERE tenancy_id');
      expect(ledger).toHaveLength(1);
      expect(events).toHaveLength(1);
      expect(ledger[0]!.generic_plans).toBeGreaterThanOrEqual(5);
      expect(events[0]!.generic_plans).toBeGreaterThanOrEqual(5);
    });
  });

  it('the bounds still bound: from, to, both, neither', async () => {
    const tenancyId = tenancyIds[0]!;
    const all = await listLedgerTransactions(db, tenancyId);
    expect(all).toHaveLength(260);
    const dates = (rows: { business_date: string }[]) => rows.map((r) => r.business_date);
    expect(dates(await listLedgerTransactions(db, tenancyId, { from: '2026-01-05' }))).toEqual(dates(all).filter((d) => d >= '2026-01-05'));
    expect(dates(await listLedgerTransactions(db, tenancyId, { to: '2023-01-16' }))).toEqual(['2023-01-02', '2023-01-09', '2023-01-16']);
    expect(dates(await listLedgerTransactions(db, tenancyId, { from: '2023-01-09', to: '2023-01-16' }))).toEqual(['2023-01-09', '2023-01-16']);
  });
});
