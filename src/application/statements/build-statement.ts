import type { BusinessDate } from '../../domain/calendar/business-date';
import { isBusinessDate } from '../../domain/calendar/business-date';
import type { StatementTransaction } from '../../domain/statements/describe-transaction';
import type { Statement } from '../../domain/statements/statement';
import { buildStatementModel } from '../../domain/statements/statement';
import { statementPeriod, StatementPeriodError } from '../../domain/statements/statement-period';
import type { Db } from '../../persistence/database';
import { listLedgerTransactions } from '../../persistence/stores/ledger-store';
import type { LedgerTransactionRow } from '../../persistence/stores/ledger-store';
import { findTenancyByRef, listTenants } from '../../persistence/stores/tenancy-store';

export { StatementPeriodError };

/** No tenancy has this ref. */
export class TenancyNotFoundError extends Error {
  override name = 'TenancyNotFoundError';
  constructor(readonly ref: string) {
    super(`unknown tenancy ref: ${ref}`);
  }
}

export interface BuildStatementOptions {
  /** First day shown (explicit period). Not with `mode: 'arrears-began'`. */
  from?: BusinessDate | undefined;
  /** Last day shown; default `asOf`. */
  to?: BusinessDate | undefined;
  /** Default: `thirteen-weeks` to `to` (or `asOf`); with `from`, the explicit period `from`–`to`. */
  mode?: 'thirteen-weeks' | 'arrears-began' | undefined;
  /** The statement's date (today, for a statement sent now). */
  asOf: BusinessDate;
}

export function toStatementTransaction(row: Pick<LedgerTransactionRow, 'business_date' | 'sub_account' | 'kind' | 'method' | 'amount_pence' | 'period_from' | 'period_to' | 'note' | 'reason'>): StatementTransaction {
  return {
    businessDate: row.business_date,
    subAccount: row.sub_account,
    kind: row.kind,
    method: row.method,
    amountPence: row.amount_pence,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    note: row.note,
    reason: row.reason,
  };
}

/**
 * The rent statement of the tenancy `ref` (three queries: the tenancy, its tenants, its ledger up to the
 * end of the period). Throws TenancyNotFoundError for an unknown ref and StatementPeriodError for dates
 * that make no period.
 */
export async function buildStatement(db: Db, ref: string, options: BuildStatementOptions): Promise<Statement> {
  const { from, to, asOf } = options;
  for (const [name, value] of [['from', from], ['to', to], ['asOf', asOf]] as const) {
    if (value !== undefined && !isBusinessDate(value)) throw new StatementPeriodError(`${name}: expected a date YYYY-MM-DD, got "${value}"`);
  }
  if (options.mode === 'arrears-began' && from !== undefined) throw new StatementPeriodError('from cannot be given with arrears-began (the period starts when arrears began)');
  const tenancy = await findTenancyByRef(db, ref);
  if (!tenancy) throw new TenancyNotFoundError(ref);
  const end = to ?? asOf;
  const [tenants, rows] = await Promise.all([listTenants(db, tenancy.id), listLedgerTransactions(db, tenancy.id, { to: end })]);
  const transactions = rows.map(toStatementTransaction);
  // Without --from: the 13 weeks (or from when arrears began) to the end of the period.
  const mode = options.mode === 'arrears-began' ? 'arrears-began' : from !== undefined ? { from, to } : 'thirteen-weeks';
  const period = statementPeriod(mode, end, transactions, tenancy.start_date);
  return buildStatementModel({
    tenancy: { ref: tenancy.ref, paymentReference: tenancy.payment_reference, address: tenancy.address, postcode: tenancy.postcode },
    tenants,
    transactions,
    from: period.from,
    to: period.to,
    asOf,
    mode: period.mode,
    arrearsBegan: period.arrearsBegan,
  });
}
