import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../persistence/database';
import { createTestDatabase } from '../../../test/support/test-database';
import { UNHANDLED_ARUDD_REVERSALS_SQL } from './direct-debits';
import { UNREVERSED_DIRECT_DEBITS_NEAR_SQL } from '../../persistence/stores/import-store';
import { MANDATE_BY_REFERENCE_SQL } from './mandate-store';

/**
 * Lookups that run every day (or for every row of a file) read an index, not the whole table: with
 * sequential scans priced out, the plan names the index (without it PostgreSQL still scans the table).
 */
describe('direct-debit lookups read their indexes (migration 0018)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  async function plan(sql: string, params: unknown[] = []): Promise<string> {
    return db.transaction(async (tx) => {
      await tx.exec('SET LOCAL enable_seqscan = off');
      const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
  }

  it("the daily run's search for unhandled ARUDD reversals reads their partial index, not the ledger", async () => {
    const text = await plan(UNHANDLED_ARUDD_REVERSALS_SQL);
    expect(text).toContain('ledger_transactions_arudd_reversals_idx');
    expect(text).not.toMatch(/Seq Scan on ledger_transactions/);
  });

  it("a Bacs returns file's batch finds the debits its returns reverse through the account's ledger index, and each debit's reversal through the reversal index", async () => {
    const text = await plan(UNREVERSED_DIRECT_DEBITS_NEAR_SQL, [[1, 2], [-11_250, -9_000], ['2026-11-02', '2026-11-03'], 3]);
    expect(text).toContain('ledger_transactions_tenancy_date_idx');
    expect(text).toContain('ledger_transactions_reverses_id_idx');
    expect(text).not.toMatch(/Seq Scan on ledger_transactions/);
  });

  it("a cancellation row's mandate is found by the index on its upper-case reference", async () => {
    const text = await plan(MANDATE_BY_REFERENCE_SQL, ['ddi-0001']);
    expect(text).toContain('dd_mandates_upper_reference_idx');
  });
});
