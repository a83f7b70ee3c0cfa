import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from './database';
import { createTestDatabase } from '../../test/support/test-database';
import { migrate } from './migrate';

describe('the ledger is append-only (database triggers)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
    const [t] = await db.query<{ id: number }>(
      `INSERT INTO tenancies (ref, payment_reference, tenure, start_date) VALUES ('T-1', 'P-1', 'secure', '2026-01-05') RETURNING id`,
    );
    await db.query(
      `INSERT INTO ledger_transactions (tenancy_id, business_date, kind, amount_pence, idempotency_key) VALUES ($1, '2026-01-05', 'charge', 11820, 'k1')`,
      [t!.id],
    );
  });
  afterAll(async () => {
    await db.close();
  });

  it('refuses UPDATE', async () => {
    await expect(db.query(`UPDATE ledger_transactions SET amount_pence = 1`)).rejects.toThrow(/append-only/);
  });
  it('refuses DELETE', async () => {
    await expect(db.query(`DELETE FROM ledger_transactions`)).rejects.toThrow(/append-only/);
  });
  it('refuses TRUNCATE', async () => {
    await expect(db.query(`TRUNCATE ledger_transactions CASCADE`)).rejects.toThrow(/append-only/);
  });
  it('refuses a second posting with the same idempotency key', async () => {
    const [t] = await db.query<{ id: number }>(`SELECT id FROM tenancies WHERE ref = 'T-1'`);
    await expect(
      db.query(`INSERT INTO ledger_transactions (tenancy_id, business_date, kind, amount_pence, idempotency_key) VALUES ($1, '2026-01-05', 'charge', 11820, 'k1')`, [t!.id]),
    ).rejects.toThrow();
  });
  it('refuses a line of more than £10,000,000.00 either way, from any writer (migration 0034)', async () => {
    const [t] = await db.query<{ id: number }>(`SELECT id FROM tenancies WHERE ref = 'T-1'`);
    const post = (amountPence: number, key: string) =>
      db.query(`INSERT INTO ledger_transactions (tenancy_id, business_date, kind, amount_pence, idempotency_key) VALUES ($1, '2026-01-05', 'adjustment', $2, $3)`, [t!.id, amountPence, key]);
    await expect(post(1_000_000_001, 'limit:over')).rejects.toThrow(/ledger_transactions_amount_limit/);
    await expect(post(-9_007_199_254_740_991, 'limit:under')).rejects.toThrow(/ledger_transactions_amount_limit/);
    expect((await db.query(`SELECT 1 FROM ledger_transactions WHERE idempotency_key LIKE 'limit:%'`)).length).toBe(0);
  });
  it('keeps money as exact integers', async () => {
    const rows = await db.query<{ amount_pence: number; business_date: string }>(`SELECT amount_pence, business_date FROM ledger_transactions`);
    expect(rows).toEqual([{ amount_pence: 11820, business_date: '2026-01-05' }]);
  });
  it('migrates idempotently', async () => {
    expect((await migrate(db)).applied).toEqual([]);
  });
});
