import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../database';

/** Per-account derived state kept in step with the ledger by a trigger (migrations 0012, 0014, 0029). */
export interface AccountStateRow {
  tenancy_id: number;
  balance_pence: number;
  charge_pence: number;
  court_costs_pence: number;
  credit_pence: number;
  positive_reversal_pence: number;
  transaction_count: number;
  last_clear_date: BusinessDate | null;
  /** Negative `payment` transactions (migration 0014). */
  payment_credit_count: number;
  /** The date of the latest transaction (migration 0029): a posting dated on or after it cannot change an earlier day's balance. */
  last_business_date: BusinessDate | null;
}

const COLUMNS = 'tenancy_id, balance_pence, charge_pence, court_costs_pence, credit_pence, positive_reversal_pence, transaction_count, last_clear_date, payment_credit_count, last_business_date';

export async function listAccountStates(db: Db, tenancyIds?: readonly number[]): Promise<AccountStateRow[]> {
  if (tenancyIds) return db.query<AccountStateRow>(`SELECT ${COLUMNS} FROM account_state WHERE tenancy_id = ANY($1::int[]) ORDER BY tenancy_id`, [[...tenancyIds]]);
  return db.query<AccountStateRow>(`SELECT ${COLUMNS} FROM account_state ORDER BY tenancy_id`);
}

export interface RebuildReport {
  accounts: number;
  /** Accounts whose kept state differed from the ledger before the rebuild (0 when all is well). */
  differed: number;
  differedTenancyIds: number[];
}

/**
 * Recomputes every account's state from the ledger (in one transaction) and reports how many kept states
 * differed from the recomputed ones before they were replaced. Postings wait until it commits (the state table
 * is taken in EXCLUSIVE mode first, migration 0035: the copy to compare with and the rebuild see the same
 * ledger); reads of the state go on.
 */
export async function rebuildAccountStates(db: Db): Promise<RebuildReport> {
  return db.transaction(async (tx) => {
    await tx.exec(`LOCK TABLE account_state IN EXCLUSIVE MODE`);
    await tx.exec(`CREATE TEMP TABLE account_state_before ON COMMIT DROP AS SELECT * FROM account_state`);
    const [n] = await tx.query<{ n: number }>(`SELECT rebuild_account_state(NULL) AS n`);
    const differed = await tx.query<{ tenancy_id: number }>(
      `SELECT coalesce(a.tenancy_id, b.tenancy_id) AS tenancy_id
       FROM account_state a FULL JOIN account_state_before b ON b.tenancy_id = a.tenancy_id
       WHERE a.tenancy_id IS NULL OR b.tenancy_id IS NULL OR (a.*) IS DISTINCT FROM (b.*)
       ORDER BY 1`,
    );
    return { accounts: n?.n ?? 0, differed: differed.length, differedTenancyIds: differed.map((d) => d.tenancy_id) };
  });
}
