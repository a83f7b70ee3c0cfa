import { formatLongDate, formatShortDate } from '../../../domain/statements/dates';
import type { Statement } from '../../../domain/statements/statement';
import { formatPounds } from '../../../domain/money/pence';

/** The landlord named on every statement and letter (the demo's; one landlord per installation). */
export const LANDLORD_NAME = 'Rentwise demo council';

/** What the statement covers, in a sentence: `The 13 weeks from 31 August 2026 to 23 November 2026`. */
export function statementPeriodText(s: Statement): string {
  const range = `${formatLongDate(s.from)} to ${formatLongDate(s.to)}`;
  switch (s.mode) {
    case 'thirteen-weeks':
      return `The 13 weeks from ${range}`;
    case 'arrears-began':
      return s.arrearsBegan ? `From ${range}: the arrears began on ${formatLongDate(s.arrearsBegan)}` : `From ${range}: the account is not in arrears`;
    default:
      return `From ${range}`;
  }
}

/** The statement's heading. */
export function statementTitle(s: Statement): string {
  return s.mode === 'arrears-began' ? 'Rent statement: rent due and payments made' : 'Rent statement';
}

/** The balance in words: `£366.60 owed`, `£33.40 in credit`, `£0.00`. */
export function balanceInWords(pence: number): string {
  if (pence > 0) return `${formatPounds(pence)} owed`;
  if (pence < 0) return `${formatPounds(-pence)} in credit`;
  return formatPounds(0);
}

/** A debit or credit cell: blank for 0. */
export function amountCell(pence: number): string {
  return pence === 0 ? '' : formatPounds(pence);
}

export function closingBalanceText(s: Statement): string {
  return `Balance on ${formatShortDate(s.to)}: ${balanceInWords(s.closingBalancePence)}`;
}

export const CREDIT_KEY = 'A minus sign (-) before a balance means the account is in credit.';
