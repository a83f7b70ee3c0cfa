import { formatShortDate } from '../../../domain/statements/dates';
import type { Statement } from '../../../domain/statements/statement';
import type { PdfDoc, PdfOptions } from '../../pdf/pdf-document';
import { contentWidth, FONT, FONT_BOLD, pdfSafeText, SECONDARY_COLOUR, startPdf, TEXT_COLOUR } from '../../pdf/pdf-document';
import { LANDLORD_NAME, statementPeriodText, statementTitle } from './format';
import { drawStatementSummary, drawStatementTable } from './pdf-table';

/** The address on several lines: split at its commas. */
export function addressLines(address: string | null): string[] {
  return address ? address.split(',').map((p) => p.trim()).filter((p) => p !== '') : [];
}

/** Two columns of label and value from the current position; returns the y below them. */
function drawDetails(doc: PdfDoc, x: number, y: number, width: number, rows: [string, string][]): number {
  let cursor = y;
  const labelWidth = 95;
  for (const [label, value] of rows) {
    doc.font(FONT).fontSize(9).fillColor(SECONDARY_COLOUR).text(pdfSafeText(label), x, cursor, { width: labelWidth });
    doc.font(FONT).fontSize(9).fillColor(TEXT_COLOUR);
    const h = doc.heightOfString(pdfSafeText(value), { width: width - labelWidth });
    doc.text(pdfSafeText(value), x + labelWidth, cursor, { width: width - labelWidth });
    cursor += Math.max(h, 11) + 2;
  }
  return cursor;
}

function drawHeader(doc: PdfDoc, s: Statement): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = doc.page.margins.top;
  doc.font(FONT_BOLD).fontSize(16).fillColor(TEXT_COLOUR).text(LANDLORD_NAME, left, top);
  doc.font(FONT).fontSize(9).fillColor(SECONDARY_COLOUR).text('Income Team', left);
  const blockTop = doc.y + 18;

  // The tenants and the address, as on an envelope window.
  doc.font(FONT).fontSize(10).fillColor(TEXT_COLOUR);
  let y = blockTop;
  for (const line of [...(s.tenants.length > 0 ? s.tenants : ['The tenant']), ...addressLines(s.address)]) {
    doc.text(pdfSafeText(line), left, y, { width: width / 2 - 10 });
    y = doc.y;
  }
  const rightX = left + width / 2 + 10;
  const details: [string, string][] = [['Tenancy reference', s.tenancyRef]];
  if (s.paymentReference) details.push(['Payment reference', s.paymentReference]);
  details.push(['Statement date', formatShortDate(s.asOf)], ['Period', `${formatShortDate(s.from)} to ${formatShortDate(s.to)}`]);
  if (s.arrearsBegan) details.push(['Arrears began', formatShortDate(s.arrearsBegan)]);
  const detailsBottom = drawDetails(doc, rightX, blockTop, width / 2 - 10, details);

  doc.x = left;
  doc.y = Math.max(y, detailsBottom) + 20;
  doc.font(FONT_BOLD).fontSize(18).fillColor(TEXT_COLOUR).text(statementTitle(s), left);
  doc.font(FONT).fontSize(10).fillColor(SECONDARY_COLOUR).text(pdfSafeText(statementPeriodText(s)), left);
  doc.moveDown(0.8);
  doc.fillColor(TEXT_COLOUR);
}

/**
 * The statement as an A4 PDF: the landlord's name, the tenants and address, the references and period,
 * the table (page breaks repeat its header), the totals and closing balance, and a footer with page
 * numbers. The same statement gives the same bytes (the document's dates are the statement's `asOf`).
 */
export async function renderStatementPdf(s: Statement, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, finish } = startPdf({ title: `Rent statement ${s.tenancyRef}`, subject: statementPeriodText(s), date: s.asOf }, options);
  drawHeader(doc, s);
  drawStatementTable(doc, s, `Rent statement ${s.tenancyRef}`);
  drawStatementSummary(doc, s);
  doc.moveDown(0.8);
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor(TEXT_COLOUR)
    .text(
      'If you think something on this statement is wrong, or you are finding it hard to pay, please contact us as soon as you can. We can help you work out an affordable way to pay and check what benefits you can claim.',
      doc.page.margins.left,
      doc.y,
      { width: contentWidth(doc) },
    );
  return finish((page, pages) => `${LANDLORD_NAME} · Rent statement ${s.tenancyRef} · Page ${page} of ${pages}`);
}
