import type { BusinessDate } from '../calendar/business-date';
import type { Pence } from '../money/pence';
import type { SubAccount } from '../rent/charges-due';
import { SUB_ACCOUNTS } from '../rent/charges-due';
import type { StatementTransaction } from './describe-transaction';
import { describeTransaction } from './describe-transaction';
import type { StatementMode } from './statement-period';

export interface StatementLine {
  date: BusinessDate;
  /** Readable by the tenant: `Rent w/c 16 Nov 2026`, `Direct debit payment`, … */
  description: string;
  subAccount: SubAccount;
  /** The ledger kind (charge, payment, benefit, …), for renderers that flag benefit lines. */
  kind: string;
  /** What the line adds to the balance (0 for a credit line). */
  debitPence: Pence;
  /** What the line takes off the balance (0 for a debit line). */
  creditPence: Pence;
  /** The balance after this line: positive = owed by the tenant, negative = in credit. */
  balancePence: Pence;
}

export interface Statement {
  tenancyRef: string;
  paymentReference: string | null;
  /** Every tenant's name, in order. */
  tenants: string[];
  /** The property on one line (with its postcode), null when unknown. */
  address: string | null;
  mode: StatementMode;
  /** First and last day shown (inclusive). */
  from: BusinessDate;
  to: BusinessDate;
  /** The statement's date (as known on); also the PDF's creation date. */
  asOf: BusinessDate;
  /** The first day of the arrears episode on `to`, null when not in arrears or unknown. */
  arrearsBegan: BusinessDate | null;
  /** The balance at the end of the day before `from`: every transaction dated before it. */
  openingBalancePence: Pence;
  /** The balance at the end of `to`. */
  closingBalancePence: Pence;
  lines: StatementLine[];
  /** The balance of each sub-account at the end of `to` (rent always; others with any transaction), in the ledger's order. */
  subAccounts: { kind: SubAccount; balancePence: Pence }[];
  totals: { debitsPence: Pence; creditsPence: Pence };
}

export interface StatementTenancy {
  ref: string;
  paymentReference?: string | null;
  address?: string | null;
  postcode?: string | null;
}

export interface StatementInput {
  tenancy: StatementTenancy;
  tenants: readonly { name: string }[];
  /** Every transaction of the tenancy, on all sub-accounts, in ledger order (order of posting within a day). */
  transactions: readonly StatementTransaction[];
  from: BusinessDate;
  to: BusinessDate;
  /** The statement's date; defaults to `to`. */
  asOf?: BusinessDate;
  mode?: StatementMode;
  arrearsBegan?: BusinessDate | null;
}

/** The property on one line: the address, then the postcode when the address does not already end with it. */
export function addressLine(address: string | null | undefined, postcode: string | null | undefined): string | null {
  const a = address?.trim() ?? '';
  const p = postcode?.trim() ?? '';
  if (!a) return p || null;
  if (!p || a.toUpperCase().replace(/\s/g, '').endsWith(p.toUpperCase().replace(/\s/g, ''))) return a;
  return `${a}, ${p}`;
}

/**
 * The statement of one tenancy for `from`–`to`: the opening balance (everything before `from`), then
 * every transaction dated in the period, by date and then in ledger order, with a running balance.
 * Transactions after `to` are left out. Pure: money stays integer pence.
 */
export function buildStatementModel(input: StatementInput): Statement {
  const { from, to } = input;
  const ordered = input.transactions
    .map((tx, index) => ({ tx, index }))
    .sort((a, b) => (a.tx.businessDate < b.tx.businessDate ? -1 : a.tx.businessDate > b.tx.businessDate ? 1 : a.index - b.index))
    .map((x) => x.tx);

  let opening = 0;
  const perSubAccount = new Map<SubAccount, number>([['rent', 0]]);
  const lines: StatementLine[] = [];
  let balance = 0;
  let debits = 0;
  let credits = 0;
  for (const tx of ordered) {
    if (tx.businessDate > to) break;
    perSubAccount.set(tx.subAccount, (perSubAccount.get(tx.subAccount) ?? 0) + tx.amountPence);
    if (tx.businessDate < from) {
      opening += tx.amountPence;
      continue;
    }
    if (lines.length === 0) balance = opening;
    balance += tx.amountPence;
    const debit = tx.amountPence > 0 ? tx.amountPence : 0;
    const credit = tx.amountPence < 0 ? -tx.amountPence : 0;
    debits += debit;
    credits += credit;
    lines.push({
      date: tx.businessDate,
      description: describeTransaction(tx),
      subAccount: tx.subAccount,
      kind: tx.kind,
      debitPence: debit,
      creditPence: credit,
      balancePence: balance,
    });
  }
  const closing = opening + debits - credits;
  return {
    tenancyRef: input.tenancy.ref,
    paymentReference: input.tenancy.paymentReference ?? null,
    tenants: input.tenants.map((t) => t.name),
    address: addressLine(input.tenancy.address, input.tenancy.postcode),
    mode: input.mode ?? 'explicit',
    from,
    to,
    asOf: input.asOf ?? to,
    arrearsBegan: input.arrearsBegan ?? null,
    openingBalancePence: opening,
    closingBalancePence: closing,
    lines,
    subAccounts: SUB_ACCOUNTS.filter((s) => perSubAccount.has(s)).map((kind) => ({ kind, balancePence: perSubAccount.get(kind) ?? 0 })),
    totals: { debitsPence: debits, creditsPence: credits },
  };
}
