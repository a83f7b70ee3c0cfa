import { formatShortDate } from '../../../domain/statements/dates';
import { subAccountLabel } from '../../../domain/statements/describe-transaction';
import type { Statement } from '../../../domain/statements/statement';
import { formatPounds } from '../../../domain/money/pence';
import type { PdfDoc } from '../../pdf/pdf-document';
import { contentBottom, contentWidth, FONT, FONT_BOLD, pdfSafeText, RULE_COLOUR, SECONDARY_COLOUR, SHADE_COLOUR, TEXT_COLOUR } from '../../pdf/pdf-document';
import { amountCell, balanceInWords, closingBalanceText, CREDIT_KEY } from './format';

interface Column {
  title: string;
  /** Fixed width in points; the description takes what is left. */
  width: number | null;
  align: 'left' | 'right';
}

const FONT_SIZE = 9;
const PAD_X = 4;
const PAD_Y = 3;

/** Only statements with more than the rent sub-account need an Account column. */
function hasOtherSubAccounts(s: Statement): boolean {
  return s.subAccounts.some((a) => a.kind !== 'rent') || s.lines.some((l) => l.subAccount !== 'rent');
}

function columnsFor(s: Statement): Column[] {
  const columns: Column[] = [
    { title: 'Date', width: 62, align: 'left' },
    { title: 'Description', width: null, align: 'left' },
  ];
  if (hasOtherSubAccounts(s)) columns.push({ title: 'Account', width: 76, align: 'left' });
  columns.push({ title: 'Debit', width: 60, align: 'right' }, { title: 'Credit', width: 60, align: 'right' }, { title: 'Balance', width: 64, align: 'right' });
  return columns;
}

function widthsOf(doc: PdfDoc, columns: Column[]): number[] {
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  return columns.map((c) => c.width ?? contentWidth(doc) - fixed);
}

function rowHeight(doc: PdfDoc, cells: string[], widths: number[], bold: boolean): number {
  doc.font(bold ? FONT_BOLD : FONT).fontSize(FONT_SIZE);
  let h = 0;
  cells.forEach((cell, i) => {
    h = Math.max(h, doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * PAD_X }));
  });
  return h + 2 * PAD_Y;
}

function drawRow(doc: PdfDoc, cells: string[], columns: Column[], widths: number[], options: { bold?: boolean; shade?: boolean; ruleAbove?: boolean; ruleBelow?: boolean }): void {
  const height = rowHeight(doc, cells, widths, options.bold ?? false);
  const x0 = doc.page.margins.left;
  const y = doc.y;
  const total = widths.reduce((a, b) => a + b, 0);
  if (options.shade) doc.save().rect(x0, y, total, height).fill(SHADE_COLOUR).restore();
  doc.font(options.bold ? FONT_BOLD : FONT).fontSize(FONT_SIZE).fillColor(TEXT_COLOUR);
  let x = x0;
  cells.forEach((cell, i) => {
    const w = widths[i] ?? 0;
    doc.text(cell, x + PAD_X, y + PAD_Y, { width: w - 2 * PAD_X, align: columns[i]?.align ?? 'left' });
    x += w;
  });
  if (options.ruleAbove) doc.save().moveTo(x0, y).lineTo(x0 + total, y).lineWidth(0.75).strokeColor(TEXT_COLOUR).stroke().restore();
  if (options.ruleBelow) doc.save().moveTo(x0, y + height).lineTo(x0 + total, y + height).lineWidth(0.75).strokeColor(RULE_COLOUR).stroke().restore();
  doc.x = x0;
  doc.y = y + height;
}

/**
 * Draws the statement's table from the current position: a header row, the balance brought forward, one
 * row per line with its running balance, and a totals row. When a row does not fit, it goes on a new
 * page under `continued` and the header row again.
 */
export function drawStatementTable(doc: PdfDoc, s: Statement, continued: string): void {
  const columns = columnsFor(s);
  const widths = widthsOf(doc, columns);
  const withAccount = columns.some((c) => c.title === 'Account');
  const cellsOf = (date: string, description: string, account: string, debit: string, credit: string, balance: string) =>
    (withAccount ? [date, description, account, debit, credit, balance] : [date, description, debit, credit, balance]).map(pdfSafeText);
  const header = columns.map((c) => c.title);
  const drawHeader = () => drawRow(doc, header, columns, widths, { bold: true, ruleBelow: true });

  const ensureRow = (cells: string[], bold: boolean) => {
    const needed = rowHeight(doc, cells, widths, bold);
    if (doc.y + needed <= contentBottom(doc)) return;
    doc.addPage();
    doc.font(FONT).fontSize(FONT_SIZE).fillColor(SECONDARY_COLOUR).text(pdfSafeText(`${continued} (continued)`), doc.page.margins.left, doc.page.margins.top);
    doc.moveDown(0.5);
    drawHeader();
  };

  const headerHeight = rowHeight(doc, header, widths, true);
  if (doc.y + headerHeight * 3 > contentBottom(doc)) doc.addPage();
  drawHeader();
  const rows = [
    cellsOf(formatShortDate(s.from), 'Balance brought forward', '', '', '', formatPounds(s.openingBalancePence)),
    ...s.lines.map((l) =>
      cellsOf(formatShortDate(l.date), l.description, subAccountLabel(l.subAccount), amountCell(l.debitPence), amountCell(l.creditPence), formatPounds(l.balancePence)),
    ),
  ];
  rows.forEach((cells, i) => {
    ensureRow(cells, false);
    drawRow(doc, cells, columns, widths, { shade: i % 2 === 1 });
  });
  const totals = cellsOf('', 'Totals', '', formatPounds(s.totals.debitsPence), formatPounds(s.totals.creditsPence), formatPounds(s.closingBalancePence));
  ensureRow(totals, true);
  drawRow(doc, totals, columns, widths, { bold: true, ruleAbove: true });
}

/** The closing balance (bold), the balance of each sub-account when there are several, and the key to minus signs. */
export function drawStatementSummary(doc: PdfDoc, s: Statement): void {
  const x = doc.page.margins.left;
  const lines = hasOtherSubAccounts(s) ? s.subAccounts.map((a) => `${subAccountLabel(a.kind)}: ${balanceInWords(a.balancePence)}`) : [];
  const needed = 14 * (lines.length + 3) + 10;
  if (doc.y + needed > contentBottom(doc)) doc.addPage();
  doc.moveDown(0.8);
  doc.font(FONT_BOLD).fontSize(11).fillColor(TEXT_COLOUR).text(pdfSafeText(closingBalanceText(s)), x);
  doc.font(FONT).fontSize(9);
  for (const line of lines) doc.text(pdfSafeText(line), x + 10);
  doc.moveDown(0.3);
  doc.fillColor(SECONDARY_COLOUR).text(CREDIT_KEY, x).fillColor(TEXT_COLOUR);
}
