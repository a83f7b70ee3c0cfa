import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText } from '../../../test/support/pdf-text';
import { buildStatementModel } from '../../domain/statements/statement';
import { joinNames } from './letter';
import { renderLetterPdf } from './render-letter-pdf';
import type { LetterAction, LetterContext } from './templates';
import { buildLetter, buildLettersForEachTenant, isLetterAction, LETTER_ACTIONS } from './templates';

const statement = buildStatementModel({
  tenancy: { ref: 'TEN-9', paymentReference: '900009', address: '9 Letter Lane, Testtown', postcode: 'TE9 9LL' },
  tenants: [{ name: 'Alex Tenant' }, { name: 'Sam Tenant' }],
  transactions: [
    { businessDate: '2026-09-07', subAccount: 'rent', kind: 'charge', method: null, amountPence: 11820 },
    { businessDate: '2026-09-14', subAccount: 'rent', kind: 'charge', method: null, amountPence: 11820 },
    { businessDate: '2026-09-16', subAccount: 'rent', kind: 'payment', method: 'cash', amountPence: -5000 },
  ],
  from: '2026-08-31',
  to: '2026-11-23',
  asOf: '2026-11-23',
  mode: 'thirteen-weeks',
});

const context: LetterContext = {
  date: '2026-11-23',
  tenancyRef: 'TEN-9',
  paymentReference: '900009',
  tenants: ['Alex Tenant', 'Sam Tenant'],
  address: '9 Letter Lane, Testtown, TE9 9LL',
  arrearsPence: 18640,
  weeklyChargePence: 11820,
  statement,
  officerName: 'Jo Officer',
};

const everyLetter = [
  '£186.40',
  '£118.20 a week',
  'StepChange',
  'Citizens Advice',
  'National Debtline',
  'income and spending',
  'income and expenditure',
  'Housing Benefit',
  'Universal Credit',
  'Discretionary Housing Payment',
  'priority debt',
  'TEN-9',
  'another format or language',
  'statement of your rent account for the 13 weeks to 23 November 2026',
];

describe('buildLetter', () => {
  const cases: [LetterAction, string, string, string[]][] = [
    ['send_letter_1', 'Your rent account is behind', '30 November 2026', ['contact us by 30 November 2026']],
    ['send_letter_2', 'Your rent account: please contact us now', '30 November 2026', ['We wrote to you recently', 'legal action']],
    [
      'send_final_warning',
      'Final warning: your home is at risk',
      '7 December 2026',
      ['by 7 December 2026, we may serve a Notice of Seeking Possession', 'lose your home', 'Housing Loss Prevention Advice Service', 'at least four weeks'],
    ],
  ];
  it.each(cases)('%s', (action, title, replyBy, specific) => {
    const letter = buildLetter(action, context);
    expect(letter.title).toBe(title);
    expect(letter).toMatchObject({ date: '2026-11-23', recipients: ['Alex Tenant', 'Sam Tenant'], reference: 'TEN-9', salutation: 'Dear Alex Tenant and Sam Tenant,', statement });
    const body = letter.paragraphs.join('\n');
    for (const text of [...everyLetter, ...specific]) expect(body).toContain(text);
    expect(letter.figures).toEqual([
      { label: 'Amount you owe', value: '£186.40' },
      { label: 'Weekly rent and charges', value: '£118.20' },
      { label: 'Your payment reference', value: '900009' },
      { label: action === 'send_final_warning' ? 'Pay or contact us by' : 'Please contact us by', value: replyBy },
    ]);
    expect(letter.signOff).toBe('Yours sincerely,\n\nJo Officer\nRentwise demo council');
  });

  it.each([
    ['section_8', 'section 8 of the Housing Act 1988'],
    ['section_128', 'introductory tenancy'],
    ['notice_to_quit', 'a notice to quit'],
  ] as const)('the final warning names the %s notice', (noticeType, text) => {
    expect(buildLetter('send_final_warning', { ...context, noticeType }).paragraphs.join('\n')).toContain(text);
  });

  it('uses the previous letter date and the reply time given; no statement, no statement sentence', () => {
    const letter = buildLetter('send_letter_2', { ...context, previousLetterDate: '2026-11-09', replyWithinDays: 10, statement: null, officerName: null });
    const body = letter.paragraphs.join('\n');
    expect(body).toContain('We wrote to you on 9 November 2026');
    expect(body).toContain('by 3 December 2026');
    expect(body).not.toContain('We have included a statement');
    expect(letter.statement).toBeUndefined();
    expect(letter.signOff).toContain('The Income Team');
  });

  it('one letter for each named tenant', () => {
    const letters = buildLettersForEachTenant('send_letter_1', context);
    expect(letters.map((l) => [l.recipients, l.salutation])).toEqual([
      [['Alex Tenant'], 'Dear Alex Tenant,'],
      [['Sam Tenant'], 'Dear Sam Tenant,'],
    ]);
  });

  it('actions and names', () => {
    expect(LETTER_ACTIONS.every(isLetterAction)).toBe(true);
    expect(isLetterAction('serve_notice')).toBe(false);
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(joinNames([])).toBe('');
  });
});

describe('renderLetterPdf', () => {
  it('draws the letter, then the 13-week statement on its own page', async () => {
    const letter = buildLetter('send_final_warning', context);
    const pdf = await renderLetterPdf(letter, { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of ['Rentwise demo council', 'Alex Tenant', 'Sam Tenant', '9 Letter Lane', 'TE9 9LL', '23 November 2026', 'Our reference: TEN-9', 'Final warning: your home is at risk', 'Dear Alex Tenant and Sam Tenant,', 'Amount you owe', '£186.40', 'Jo Officer', 'Your rent statement', 'Rent w/c 14 Sep 2026', 'Cash payment']) {
      expect(text).toContain(expected);
    }
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it('same letter, same bytes; a letter without a statement', async () => {
    const letter = { ...buildLetter('send_letter_1', { ...context, statement: null }) };
    const [a, b] = await Promise.all([renderLetterPdf(letter), renderLetterPdf(letter)]);
    expect(a.equals(b)).toBe(true);
    const text = pdfText(await renderLetterPdf(letter, { compress: false }));
    expect(text).not.toContain('Your rent statement');
  });

  it('renders a minimal letter (no figures, no address)', async () => {
    const pdf = await renderLetterPdf({ title: 'A note', date: '2026-11-23', recipients: [], address: null, reference: 'X1', paragraphs: ['Hello.'], signOff: 'Thanks' }, { compress: false });
    const text = pdfText(pdf);
    expect(text).toContain('Dear tenant,');
    expect(text).toContain('Hello.');
  });
});
