import type { Statement } from '../../../domain/statements/statement';
import { formatPenceAsDecimal } from '../../../domain/money/pence';

export const STATEMENT_CSV_HEADER = ['date', 'description', 'sub_account', 'debit', 'credit', 'balance'] as const;

/** RFC 4180: a field with a comma, a double quote, CR or LF is quoted, its quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Free text a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a leading
 * apostrophe (OWASP "CSV injection"). Only for text fields: amounts are written as plain numbers.
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The statement as CSV (RFC 4180: CRLF line ends, quoted where needed; UTF-8 without a byte-order mark):
 * the header `date,description,sub_account,debit,credit,balance`, a first row with the balance brought
 * forward (dated `from`, empty sub-account), then one row per line. Amounts are pounds with two decimals
 * and no £ sign; debit and credit are `0.00` when they do not apply; a negative balance is in credit.
 */
export function renderStatementCsv(s: Statement): string {
  const rows: string[][] = [
    [...STATEMENT_CSV_HEADER],
    [s.from, 'Balance brought forward', '', '0.00', '0.00', formatPenceAsDecimal(s.openingBalancePence)],
    ...s.lines.map((l) => [
      l.date,
      safeText(l.description),
      l.subAccount,
      formatPenceAsDecimal(l.debitPence),
      formatPenceAsDecimal(l.creditPence),
      formatPenceAsDecimal(l.balancePence),
    ]),
  ];
  return rows.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
}
