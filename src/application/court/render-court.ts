/**
 * The claim bundle's documents: the particulars of claim (N119 data) as PDF, the Possession Claims
 * Online row as CSV, and the warrant request (N325 data) as PDF. The rent schedule is the statement from
 * when arrears began (src/application/statements, mode `arrears-began`).
 */
import type { BusinessDate } from '../../domain/calendar/business-date';
import { dailyRatePence, PCOL_COLUMNS } from '../../domain/court/court-rules';
import { formatPenceAsDecimal, formatPounds } from '../../domain/money/pence';
import { formatLongDate } from '../../domain/statements/dates';
import { contentWidth, ensureSpace, FONT, FONT_BOLD, pdfSafeText, SECONDARY_COLOUR, startPdf, TEXT_COLOUR, type PdfDoc, type PdfOptions } from '../pdf/pdf-document';
import { csvField, safeText } from '../statements/render/csv';
import type { ClaimParticulars, N325Data } from './court-case';

const TENURE_WORDS: Record<string, string> = {
  secure: 'Secure tenancy (Housing Act 1985)',
  introductory: 'Introductory tenancy (Housing Act 1996)',
  flexible: 'Flexible tenancy (Housing Act 1985)',
  assured: 'Assured tenancy (Housing Act 1988)',
  starter: 'Starter (assured shorthold) tenancy (Housing Act 1988)',
  licence: 'Licence',
  non_secure: 'Non-secure tenancy',
};

const NOTICE_WORDS: Record<string, string> = {
  nosp: 'Notice of seeking possession',
  section_8: 'Notice under section 8 (Form 3)',
  section_128: 'Notice of proceedings (section 128)',
  notice_to_quit: 'Notice to quit',
};

const ORDER_WORDS: Record<string, string> = {
  outright: 'Outright possession order',
  suspended: 'Suspended possession order',
  postponed: 'Postponed possession order',
  adjourned_on_terms: 'Adjourned on terms',
  adjourned_generally: 'Adjourned generally',
  money_judgment: 'Money judgment',
  dismissed: 'Claim dismissed',
};

export const tenureWords = (t: string): string => TENURE_WORDS[t] ?? t;
export const noticeWords = (t: string): string => NOTICE_WORDS[t] ?? t;
export const orderWords = (t: string): string => ORDER_WORDS[t] ?? t.replace(/_/g, ' ');
const frequencyWords = (f: string | null): string => (f ? f.replace(/_/g, '-') : '');

function heading(doc: PdfDoc, text: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.8).font(FONT_BOLD).fontSize(12).fillColor(TEXT_COLOUR).text(pdfSafeText(text)).moveDown(0.3).font(FONT).fontSize(10);
}

function row(doc: PdfDoc, key: string, value: string): void {
  ensureSpace(doc, 16);
  const x = doc.page.margins.left;
  const y = doc.y;
  const keyWidth = 170;
  doc.font(FONT_BOLD).fontSize(10).fillColor(TEXT_COLOUR).text(pdfSafeText(key), x, y, { width: keyWidth - 8 });
  const afterKey = doc.y;
  doc.font(FONT).text(pdfSafeText(value), x + keyWidth, y, { width: contentWidth(doc) - keyWidth });
  doc.y = Math.max(afterKey, doc.y) + 3;
  doc.x = x;
}

function para(doc: PdfDoc, text: string): void {
  ensureSpace(doc, 16);
  doc.font(FONT).fontSize(10).fillColor(TEXT_COLOUR).text(pdfSafeText(text), doc.page.margins.left, doc.y, { width: contentWidth(doc) }).moveDown(0.2);
}

/** The particulars of claim (N119 fields), one document. */
export async function renderParticularsPdf(p: ClaimParticulars, asOf: BusinessDate, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, finish } = startPdf({ title: `Particulars of claim: ${p.claimReference}`, subject: 'Particulars of claim for possession (N119)', date: asOf }, options);
  doc.font(FONT_BOLD).fontSize(16).text('Particulars of claim for possession (rented residential premises)');
  doc.font(FONT).fontSize(9).fillColor(SECONDARY_COLOUR).text(pdfSafeText(`Data for form N119. Claim reference ${p.claimReference}. Prepared ${formatLongDate(asOf)}.`)).fillColor(TEXT_COLOUR);

  heading(doc, '1. The parties');
  row(doc, 'Claimant', p.claimant);
  p.defendants.forEach((d, i) => row(doc, `Defendant ${i + 1}`, d));
  if (p.defendants.length === 0) row(doc, 'Defendants', 'No tenant recorded');

  heading(doc, '2. The property');
  row(doc, 'Address', [p.propertyAddress, p.postcode].filter(Boolean).join(', '));

  heading(doc, '3. The tenancy');
  row(doc, 'Type of tenancy', tenureWords(p.tenure));
  row(doc, 'Start date', formatLongDate(p.tenancyStartDate));
  row(doc, 'Rent', `${formatPounds(p.rentPerPeriodPence)} ${frequencyWords(p.rentFrequency)}`);
  row(doc, 'Weekly charge', formatPounds(p.weeklyRentPence));
  row(doc, 'Daily rate of rent', `${formatPounds(p.dailyRatePence)} (weekly charge divided by 7, rounded half-up to the penny)`);

  heading(doc, '4. The arrears');
  row(doc, 'Arrears at the date of claim', `${formatPounds(p.arrearsAtClaimPence)} on ${formatLongDate(p.arrearsDate)}`);
  row(doc, 'Rent schedule', `Attached: every transaction with a running balance from ${formatLongDate(p.scheduleFrom)}`);

  heading(doc, '5. Notice');
  if (p.notice) {
    row(doc, 'Notice served', noticeWords(p.notice.type));
    row(doc, 'Date of service', formatLongDate(p.notice.servedOn));
    if (p.notice.grounds.length > 0) row(doc, 'Grounds', p.notice.grounds.map((g) => `Ground ${g}`).join(', '));
    if (p.notice.expiresOn) row(doc, 'Notice valid until', formatLongDate(p.notice.expiresOn));
  } else {
    para(doc, 'No notice is recorded on the case.');
  }

  heading(doc, '6. Steps taken to recover the arrears');
  if (p.stepsTaken.length === 0) para(doc, 'None recorded.');
  for (const s of p.stepsTaken) row(doc, formatLongDate(s.date), s.what);

  heading(doc, "7. The defendants' circumstances known to the claimant");
  row(doc, 'Benefits', p.circumstances.benefits.length > 0 ? p.circumstances.benefits.join('; ') : 'None known');
  row(doc, 'Vulnerabilities', p.circumstances.vulnerabilities.length > 0 ? p.circumstances.vulnerabilities.join('; ') : 'None known');

  heading(doc, '8. What the claimant asks for');
  para(doc, `Possession of the property; the arrears of ${formatPounds(p.arrearsAtClaimPence)}; further rent (use and occupation) at ${formatPounds(p.dailyRatePence)} a day from the date of claim until possession; costs.`);

  return finish((page, pages) => `Particulars of claim ${p.claimReference} - page ${page} of ${pages}`);
}

/** The PCOL upload: a header and one row (columns: PCOL_COLUMNS). */
export function renderPcolCsv(p: ClaimParticulars): string {
  const d = (i: number) => p.defendants[i] ?? '';
  const values: Record<(typeof PCOL_COLUMNS)[number], string> = {
    claimant_reference: p.claimReference,
    defendant_1_name: d(0),
    defendant_2_name: d(1),
    defendant_3_name: d(2),
    defendant_4_name: d(3),
    property_address: p.propertyAddress,
    property_postcode: p.postcode ?? '',
    tenancy_type: p.tenure,
    tenancy_start_date: p.tenancyStartDate,
    rent_amount: formatPenceAsDecimal(p.rentPerPeriodPence),
    rent_frequency: p.rentFrequency,
    daily_rate: formatPenceAsDecimal(dailyRatePence(p.weeklyRentPence)),
    arrears_amount: formatPenceAsDecimal(p.arrearsAtClaimPence),
    arrears_date: p.arrearsDate,
    notice_type: p.notice?.type ?? '',
    notice_served_date: p.notice?.servedOn ?? '',
    notice_expiry_date: p.notice?.expiresOn ?? '',
  };
  return `${PCOL_COLUMNS.join(',')}\r\n${PCOL_COLUMNS.map((c) => csvField(safeText(values[c]))).join(',')}\r\n`;
}

/** The warrant request's data (N325 / N325A with the payments since the order). */
export async function renderN325Pdf(ref: string, defendants: readonly string[], address: string, n: N325Data, asOf: BusinessDate, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, finish } = startPdf({ title: `Request for warrant of possession: ${ref}`, subject: 'Request for warrant of possession (N325)', date: asOf }, options);
  doc.font(FONT_BOLD).fontSize(16).text('Request for warrant of possession');
  doc.font(FONT).fontSize(9).fillColor(SECONDARY_COLOUR).text(pdfSafeText(`Data for form N325. Claim reference ${ref}. Prepared ${formatLongDate(asOf)}.`)).fillColor(TEXT_COLOUR);
  heading(doc, 'The parties and the property');
  defendants.forEach((d, i) => row(doc, `Defendant ${i + 1}`, d));
  row(doc, 'Property', address);
  heading(doc, 'The order');
  row(doc, 'Date of the order', formatLongDate(n.orderDate));
  row(doc, 'Type of order', orderWords(n.orderType));
  if (n.possessionDate) row(doc, 'Possession date', formatLongDate(n.possessionDate));
  if (n.instalmentPence !== null) row(doc, 'Terms', `The rent plus ${formatPounds(n.instalmentPence)} ${frequencyWords(n.frequency)} towards the arrears`);
  heading(doc, 'Why the warrant is asked for');
  para(doc, n.breach);
  heading(doc, 'The amount outstanding');
  row(doc, 'Arrears now', formatPounds(n.outstandingPence));
  row(doc, 'Of which court costs', formatPounds(n.costsPence));
  heading(doc, 'Payments since the order');
  row(doc, 'Total paid since the order', formatPounds(n.paymentsSinceOrderPence));
  if (n.payments.length === 0) para(doc, 'No payments since the order.');
  for (const p of n.payments) row(doc, formatLongDate(p.date), `${formatPounds(p.amountPence)} (${p.kind === 'benefit' ? 'benefit credit' : 'payment'})`);
  return finish((page, pages) => `Warrant request ${ref} - page ${page} of ${pages}`);
}
