import { formatLongDate } from '../../domain/statements/dates';
import type { PdfDoc, PdfOptions } from '../pdf/pdf-document';
import { contentWidth, ensureSpace, FONT, FONT_BOLD, pdfSafeText, RULE_COLOUR, SECONDARY_COLOUR, SHADE_COLOUR, startPdf, TEXT_COLOUR } from '../pdf/pdf-document';
import { LANDLORD_NAME, statementPeriodText } from '../statements/render/format';
import { addressLines } from '../statements/render/pdf';
import { drawStatementSummary, drawStatementTable } from '../statements/render/pdf-table';
import type { Letter } from './letter';
import { defaultSalutation } from './letter';

export type { Letter };

const BODY_SIZE = 11;

function drawLetterhead(doc: PdfDoc, letter: Letter): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const top = doc.page.margins.top;
  doc.font(FONT_BOLD).fontSize(16).fillColor(TEXT_COLOUR).text(LANDLORD_NAME, left, top, { width, align: 'right' });
  doc.font(FONT).fontSize(9).fillColor(SECONDARY_COLOUR).text('Income Team', left, doc.y, { width, align: 'right' });

  // The recipient's block, placed for a window envelope.
  let y = top + 80;
  doc.font(FONT).fontSize(BODY_SIZE).fillColor(TEXT_COLOUR);
  for (const line of [...letter.recipients, ...addressLines(letter.address)]) {
    doc.text(pdfSafeText(line), left, y, { width: width / 2 });
    y = doc.y;
  }
  const rightX = left + width / 2 + 20;
  const rightWidth = width / 2 - 20;
  doc.fontSize(10).text(formatLongDate(letter.date), rightX, top + 80, { width: rightWidth, align: 'right' });
  doc.fillColor(SECONDARY_COLOUR).text(pdfSafeText(`Our reference: ${letter.reference}`), rightX, doc.y + 2, { width: rightWidth, align: 'right' });
  doc.fillColor(TEXT_COLOUR);
  doc.x = left;
  doc.y = Math.max(y, doc.y) + 28;
}

function drawParagraph(doc: PdfDoc, text: string): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  if (text.startsWith('## ')) {
    const heading = pdfSafeText(text.slice(3));
    doc.font(FONT_BOLD).fontSize(12);
    // Keep a heading with at least two lines of what follows.
    ensureSpace(doc, doc.heightOfString(heading, { width }) + 40);
    doc.fillColor(TEXT_COLOUR).text(heading, left, doc.y, { width });
    doc.moveDown(0.3);
    return;
  }
  const body = pdfSafeText(text);
  doc.font(FONT).fontSize(BODY_SIZE).fillColor(TEXT_COLOUR);
  doc.text(body, left, doc.y, { width, lineGap: 2 });
  doc.moveDown(0.6);
}

function drawFigures(doc: PdfDoc, figures: { label: string; value: string }[]): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const rowHeight = 18;
  const height = figures.length * rowHeight + 12;
  ensureSpace(doc, height + 10);
  const top = doc.y;
  doc.save().rect(left, top, width, height).fill(SHADE_COLOUR).restore();
  doc.save().rect(left, top, 4, height).fill(TEXT_COLOUR).restore();
  figures.forEach((f, i) => {
    const y = top + 8 + i * rowHeight;
    doc.font(FONT).fontSize(BODY_SIZE).fillColor(TEXT_COLOUR).text(pdfSafeText(f.label), left + 16, y, { width: width / 2 });
    doc.font(FONT_BOLD).text(pdfSafeText(f.value), left + width / 2, y, { width: width / 2 - 16, align: 'right' });
  });
  doc.x = left;
  doc.y = top + height + 14;
}

/**
 * A letter as an A4 PDF: the landlord's name, the recipients and address, the date and our reference,
 * the title, the salutation, the paragraphs (with the figures in a box after the first), the sign-off,
 * and then, when the letter carries one, the statement of the account on a new page. Every page has a
 * footer with the reference and its page number. Same letter, same bytes.
 */
export async function renderLetterPdf(letter: Letter, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, finish } = startPdf({ title: letter.title, subject: `${letter.title} (${letter.reference})`, date: letter.date }, options);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  drawLetterhead(doc, letter);
  doc.font(FONT_BOLD).fontSize(15).fillColor(TEXT_COLOUR).text(pdfSafeText(letter.title), left, doc.y, { width });
  doc.moveDown(0.8);
  doc.font(FONT).fontSize(BODY_SIZE).text(pdfSafeText(letter.salutation ?? defaultSalutation(letter.recipients)), left, doc.y, { width });
  doc.moveDown(0.6);
  letter.paragraphs.forEach((p, i) => {
    drawParagraph(doc, p);
    if (i === 0 && letter.figures && letter.figures.length > 0) drawFigures(doc, letter.figures);
  });
  if (letter.paragraphs.length === 0 && letter.figures && letter.figures.length > 0) drawFigures(doc, letter.figures);
  const signOff = letter.signOff.split('\n');
  doc.font(FONT).fontSize(BODY_SIZE);
  ensureSpace(doc, signOff.length * 15 + 10);
  doc.moveDown(0.4);
  for (const line of signOff) doc.text(pdfSafeText(line) || ' ', left, doc.y, { width });

  if (letter.statement) {
    const s = letter.statement;
    doc.addPage();
    doc.font(FONT_BOLD).fontSize(15).fillColor(TEXT_COLOUR).text('Your rent statement', left, doc.page.margins.top, { width });
    doc.font(FONT).fontSize(10).fillColor(SECONDARY_COLOUR).text(pdfSafeText(statementPeriodText(s)), left, doc.y, { width });
    doc.moveDown(0.2);
    doc.save().moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.5).strokeColor(RULE_COLOUR).stroke().restore();
    doc.moveDown(0.6);
    drawStatementTable(doc, s, `Rent statement ${s.tenancyRef}`);
    drawStatementSummary(doc, s);
  }
  return finish((page, pages) => `${LANDLORD_NAME} · ${letter.title} · Our reference ${letter.reference} · Page ${page} of ${pages}`);
}
