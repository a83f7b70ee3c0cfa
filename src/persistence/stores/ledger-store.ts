import type { BusinessDate } from '../../domain/calendar/business-date';
import type { SubAccount } from '../../domain/rent/charges-due';
import type { Db } from '../database';

export type TransactionKind = 'charge' | 'payment' | 'benefit' | 'adjustment' | 'reversal' | 'court_costs' | 'write_off' | 'refund';
export const TRANSACTION_KINDS: readonly TransactionKind[] = ['charge', 'payment', 'benefit', 'adjustment', 'reversal', 'court_costs', 'write_off', 'refund'];

export interface NewLedgerTransaction {
  tenancyId: number;
  subAccount?: SubAccount;
  businessDate: BusinessDate;
  kind: TransactionKind;
  method?: string | null;
  amountPence: number;
  periodFrom?: BusinessDate | null;
  periodTo?: BusinessDate | null;
  note?: string | null;
  /** Unique for ever: a retried write with the same key posts nothing. */
  idempotencyKey: string;
  reversesId?: number | null;
  reason?: string | null;
  source: string;
  importFileId?: number | null;
  providerTransactionId?: string | null;
  recordedBy?: string | null;
}

export interface LedgerTransactionRow {
  id: number;
  tenancy_id: number;
  sub_account: SubAccount;
  business_date: BusinessDate;
  kind: TransactionKind;
  method: string | null;
  amount_pence: number;
  period_from: BusinessDate | null;
  period_to: BusinessDate | null;
  note: string | null;
  reverses_id: number | null;
  reason: string | null;
  source: string;
  provider_transaction_id: string | null;
  recorded_at: Date;
  recorded_by: string | null;
}

/**
 * Appends transactions to the ledger in one statement. A transaction whose idempotency key was already
 * posted is skipped (not an error): the result lists only what this call inserted.
 */
export async function appendLedgerTransactions(db: Db, rows: readonly NewLedgerTransaction[]): Promise<{ id: number; idempotencyKey: string; tenancyId: number }[]> {
  if (rows.length === 0) return [];
  for (const r of rows) {
    if (!Number.isSafeInteger(r.amountPence)) throw new RangeError(`amountPence must be an integer: ${r.amountPence}`);
  }
  const col = <K extends keyof NewLedgerTransaction>(k: K, fallback: unknown = null) => rows.map((r) => (r[k] === undefined ? fallback : r[k]));
  const inserted = await db.query<{ id: number; idempotency_key: string; tenancy_id: number }>(
    `INSERT INTO ledger_transactions (tenancy_id, sub_account, business_date, kind, method, amount_pence, period_from, period_to, note,
        idempotency_key, reverses_id, reason, source, import_file_id, provider_transaction_id, recorded_by)
     SELECT * FROM unnest($1::int[], $2::text[], $3::date[], $4::text[], $5::text[], $6::bigint[], $7::date[], $8::date[], $9::text[],
        $10::text[], $11::bigint[], $12::text[], $13::text[], $14::bigint[], $15::text[], $16::text[])
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id, idempotency_key, tenancy_id`,
    [
      col('tenancyId'),
      col('subAccount', 'rent'),
      col('businessDate'),
      col('kind'),
      col('method'),
      rows.map((r) => String(r.amountPence)),
      col('periodFrom'),
      col('periodTo'),
      col('note'),
      col('idempotencyKey'),
      col('reversesId'),
      col('reason'),
      col('source'),
      col('importFileId'),
      col('providerTransactionId'),
      col('recordedBy'),
    ],
  );
  return inserted.map((r) => ({ id: r.id, idempotencyKey: r.idempotency_key, tenancyId: r.tenancy_id }));
}

export async function listLedgerTransactions(db: Db, tenancyId: number, options: { from?: BusinessDate; to?: BusinessDate } = {}): Promise<LedgerTransactionRow[]> {
  // The bounds as scalar subqueries (open ends as ±infinity), so that the plan is the same whatever their values:
  // PostgreSQL then keeps one plan for the statement on each connection, where with the dates as plain parameters
  // it planned it afresh at every account page (the generic plan looked dearer), 0.1 ms of its CPU each time
  // (docs/performance-history.md, session 35). Both bounds are still the index's (tenancy, date) range.
  return db.query<LedgerTransactionRow>(
    `SELECT id, tenancy_id, sub_account, business_date, kind, method, amount_pence, period_from, period_to, note, reverses_id, reason, source,
            provider_transaction_id, recorded_at, recorded_by
     FROM ledger_transactions
     WHERE tenancy_id = $1 AND business_date >= (SELECT coalesce($2::date, '-infinity')) AND business_date <= (SELECT coalesce($3::date, 'infinity'))
     ORDER BY business_date, id`,
    [tenancyId, options.from ?? null, options.to ?? null],
  );
}

/** Per sub-account, the sum and number of one tenancy's transactions dated before `before`. */
export async function ledgerSumsBefore(db: Db, tenancyId: number, before: BusinessDate): Promise<{ subAccount: string; balancePence: number; lineCount: number }[]> {
  return db.query<{ subAccount: string; balancePence: number; lineCount: number }>(
    `SELECT sub_account AS "subAccount", sum(amount_pence)::bigint AS "balancePence", count(*)::int AS "lineCount"
     FROM ledger_transactions WHERE tenancy_id = $1 AND business_date < $2 GROUP BY sub_account ORDER BY sub_account`,
    [tenancyId, before],
  );
}

/**
 * A tenancy's `charge` transactions dated on or after `from`, each with the sum of the reversals posted
 * against it (0 or negative), in ledger order.
 */
export async function chargesFrom(db: Db, tenancyId: number, from: BusinessDate): Promise<{ id: number; subAccount: SubAccount; businessDate: BusinessDate; amountPence: number; reversedPence: number }[]> {
  return db.query(
    `SELECT c.id::int AS id, c.sub_account AS "subAccount", c.business_date AS "businessDate", c.amount_pence AS "amountPence",
            coalesce((SELECT sum(r.amount_pence) FROM ledger_transactions r WHERE r.reverses_id = c.id), 0)::bigint AS "reversedPence"
     FROM ledger_transactions c WHERE c.tenancy_id = $1 AND c.kind = 'charge' AND c.business_date >= $2 ORDER BY c.business_date, c.id`,
    [tenancyId, from],
  );
}

/** Balance per sub-account of one tenancy, on or before a date (all dates when null). */
export async function subAccountBalances(db: Db, tenancyId: number, asOf: BusinessDate | null = null): Promise<{ subAccount: SubAccount; balancePence: number }[]> {
  const rows = await db.query<{ sub_account: SubAccount; balance_pence: number }>(
    `SELECT sub_account, sum(amount_pence)::bigint AS balance_pence FROM ledger_transactions
     WHERE tenancy_id = $1 AND ($2::date IS NULL OR business_date <= $2) GROUP BY sub_account ORDER BY sub_account`,
    [tenancyId, asOf],
  );
  return rows.map((r) => ({ subAccount: r.sub_account, balancePence: r.balance_pence }));
}
