import { formatShortDate } from '../../../domain/statements/dates';
import { subAccountLabel } from '../../../domain/statements/describe-transaction';
import type { Statement } from '../../../domain/statements/statement';
import { formatPounds } from '../../../domain/money/pence';
import { amountCell, balanceInWords, closingBalanceText, CREDIT_KEY, LANDLORD_NAME, statementPeriodText, statementTitle } from './format';

type Align = 'left' | 'right';
const COLUMNS: { title: string; align: Align }[] = [
  { title: 'Date', align: 'left' },
  { title: 'Description', align: 'left' },
  { title: 'Account', align: 'left' },
  { title: 'Debit', align: 'right' },
  { title: 'Credit', align: 'right' },
  { title: 'Balance', align: 'right' },
];

function pad(text: string, width: number, align: Align): string {
  return align === 'right' ? text.padStart(width) : text.padEnd(width);
}

/** The statement for a terminal: a short header, then aligned columns, then the totals. Ends with a newline. */
export function renderStatementText(s: Statement): string {
  const out: string[] = [];
  out.push(LANDLORD_NAME, statementTitle(s), '');
  const header: [string, string][] = [
    ['Tenancy', s.paymentReference ? `${s.tenancyRef} (payment reference ${s.paymentReference})` : s.tenancyRef],
    [s.tenants.length === 1 ? 'Tenant' : 'Tenants', s.tenants.join(', ') || '(none recorded)'],
    ['Address', s.address ?? '(not recorded)'],
    ['Period', statementPeriodText(s)],
    ['Statement date', formatShortDate(s.asOf)],
  ];
  if (s.arrearsBegan) header.push(['Arrears began', formatShortDate(s.arrearsBegan)]);
  const labelWidth = Math.max(...header.map(([l]) => l.length));
  for (const [label, value] of header) out.push(`${label.padEnd(labelWidth)}  ${value}`);
  out.push('');

  const rows: string[][] = [
    [formatShortDate(s.from), 'Balance brought forward', '', '', '', formatPounds(s.openingBalancePence)],
    ...s.lines.map((l) => [formatShortDate(l.date), l.description, subAccountLabel(l.subAccount), amountCell(l.debitPence), amountCell(l.creditPence), formatPounds(l.balancePence)]),
  ];
  const totals = ['', 'Totals', '', formatPounds(s.totals.debitsPence), formatPounds(s.totals.creditsPence), formatPounds(s.closingBalancePence)];
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...[...rows, totals].map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    COLUMNS.map((c, i) => pad(cells[i] ?? '', widths[i] ?? 0, c.align))
      .join('  ')
      .trimEnd();
  out.push(line(COLUMNS.map((c) => c.title)));
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) out.push(line(r));
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  out.push(line(totals));
  out.push('');
  out.push(closingBalanceText(s));
  if (s.subAccounts.length > 1) {
    for (const a of s.subAccounts) out.push(`  ${subAccountLabel(a.kind)}: ${balanceInWords(a.balancePence)}`);
  }
  out.push(CREDIT_KEY);
  return `${out.join('\n')}\n`;
}
