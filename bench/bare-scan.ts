import type { Db } from '../src/persistence/database';

/** The baseline every daily-run ratio is measured against: each account's balance, one pass over the ledger. */
export const BARE_SCAN = `SELECT tenancy_id, sum(amount_pence) AS balance_pence FROM ledger_transactions GROUP BY tenancy_id`;

/**
 * Runs `fn` on one connection with the server's own settings, as any other client (psql, say) has them:
 * Rentwise's connections turn JIT compilation off (ADR 0011), which may make a scan of the whole ledger
 * slower or quicker.
 */
export function withServerSettings<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.exec('SET LOCAL jit TO DEFAULT');
    return fn(tx);
  });
}
