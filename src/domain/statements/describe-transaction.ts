import type { BusinessDate } from '../calendar/business-date';
import { mondayOnOrBefore } from '../calendar/business-date';
import type { SubAccount } from '../rent/charges-due';
import { formatDateRange, formatShortDate } from './dates';

/** One ledger transaction as a statement needs it (positive `amountPence` = the tenant owes more). */
export interface StatementTransaction {
  businessDate: BusinessDate;
  subAccount: SubAccount;
  /** charge | payment | benefit | adjustment | reversal | court_costs | write_off | refund */
  kind: string;
  method: string | null;
  amountPence: number;
  periodFrom?: BusinessDate | null;
  periodTo?: BusinessDate | null;
  note?: string | null;
  reason?: string | null;
}

const SUB_ACCOUNT_LABELS: Record<SubAccount, string> = {
  rent: 'Rent',
  service_charge: 'Service charge',
  garage: 'Garage',
  court_costs: 'Court costs',
  rechargeable_repairs: 'Rechargeable repairs',
  sundry_debt: 'Sundry debt',
  hb_overpayment: 'HB overpayment',
  former_tenant_arrears: 'Former tenancy arrears',
};

/** The sub-account as a person would name it: `service_charge` → `Service charge`. */
export function subAccountLabel(subAccount: string): string {
  return SUB_ACCOUNT_LABELS[subAccount as SubAccount] ?? subAccount.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** What is charged each week on a sub-account, as the charge line names it. */
const WEEKLY_CHARGE_NAMES: Partial<Record<SubAccount, string>> = {
  rent: 'Rent',
  service_charge: 'Service charge',
  garage: 'Garage rent',
};

const ONE_OFF_DEBT_NAMES: Partial<Record<SubAccount, string>> = {
  court_costs: 'Court costs',
  rechargeable_repairs: 'Rechargeable repairs',
  sundry_debt: 'Sundry debt',
  hb_overpayment: 'Housing Benefit overpayment',
  former_tenant_arrears: 'Former tenancy arrears',
};

const PAYMENT_NAMES: Record<string, string> = {
  direct_debit: 'Direct debit payment',
  standing_order: 'Standing order payment',
  debit_card: 'Debit card payment',
  payment_card: 'Payment card payment',
  cash: 'Cash payment',
  cheque: 'Cheque payment',
  bank_transfer: 'Bank transfer',
};

/** A payment that came back (a positive payment or reversal line): the returned thing, by method. */
const RETURNED_NAMES: Record<string, string> = {
  direct_debit: 'Returned direct debit',
  standing_order: 'Returned standing order',
  debit_card: 'Returned card payment',
  payment_card: 'Returned payment card payment',
  cash: 'Returned cash payment',
  cheque: 'Returned cheque',
  bank_transfer: 'Returned bank transfer',
  housing_benefit: 'Housing Benefit taken back',
  uc_housing_costs: 'Universal Credit housing costs taken back',
  discretionary_housing_payment: 'Discretionary Housing Payment taken back',
};

const BENEFIT_NAMES: Record<string, string> = {
  housing_benefit: 'Housing Benefit',
  uc_housing_costs: 'Universal Credit housing costs',
  discretionary_housing_payment: 'Discretionary Housing Payment',
};

function withDetail(text: string, detail: string | null | undefined): string {
  const d = detail?.trim();
  return d ? `${text} (${d})` : text;
}

function period(tx: StatementTransaction): string | null {
  if (!tx.periodFrom || !tx.periodTo) return null;
  return formatDateRange(tx.periodFrom, tx.periodTo);
}

/**
 * A line's description, readable by the tenant: `Rent w/c 16 Nov 2026`, `Direct debit payment`,
 * `Housing Benefit 19 Oct–15 Nov`, `Returned direct debit (ARUDD 0 refer to payer)`. The reason (or the
 * note) of a reversal, adjustment or write-off is shown in brackets.
 */
export function describeTransaction(tx: StatementTransaction): string {
  const detail = tx.reason ?? tx.note;
  const method = tx.method ?? '';
  switch (tx.kind) {
    case 'charge': {
      const weekly = WEEKLY_CHARGE_NAMES[tx.subAccount];
      if (weekly) return `${weekly} w/c ${formatShortDate(mondayOnOrBefore(tx.periodFrom ?? tx.businessDate))}`;
      return withDetail(ONE_OFF_DEBT_NAMES[tx.subAccount] ?? subAccountLabel(tx.subAccount), tx.note);
    }
    case 'payment': {
      if (BENEFIT_NAMES[method]) return describeTransaction({ ...tx, kind: 'benefit' });
      if (tx.amountPence > 0) return withDetail(RETURNED_NAMES[method] ?? 'Returned payment', detail);
      return PAYMENT_NAMES[method] ?? 'Payment';
    }
    case 'benefit': {
      const name = BENEFIT_NAMES[method] ?? 'Benefit';
      if (tx.amountPence > 0) return withDetail(RETURNED_NAMES[method] ?? `${name} taken back`, detail);
      const p = period(tx);
      return p ? `${name} ${p}` : name;
    }
    case 'reversal': {
      if (tx.amountPence > 0) return withDetail(RETURNED_NAMES[method] ?? 'Payment reversed', detail);
      return withDetail('Charge reversed', detail);
    }
    case 'adjustment':
      return withDetail('Adjustment', detail);
    case 'court_costs':
      return withDetail('Court costs', tx.note);
    case 'write_off':
      return withDetail('Written off', detail);
    case 'refund':
      return withDetail('Refund of credit', tx.note);
    default:
      return withDetail(tx.kind.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), detail);
  }
}
