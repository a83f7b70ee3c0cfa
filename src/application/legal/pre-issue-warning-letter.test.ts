import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text';
import { renderLetterPdf } from '../letters/render-letter-pdf';
import { buildPreIssueWarningLetter } from './pre-issue-warning-letter';

describe('the pre-issue warning letter', () => {
  const letter = buildPreIssueWarningLetter({
    ref: 'TEN-9',
    tenants: ['Bob Jones', 'Carol Jones'],
    address: '4 Mill Lane, Northtown, NT2 9ZZ',
    letterDate: '2026-11-23',
    deadline: '2026-12-07',
    timeLimitDays: 14,
    arrearsPence: 135000,
    weeklyChargePence: 9000,
    officerName: 'Olive Officer',
  });

  it('names every tenant and gives the arrears and a clear time limit', () => {
    expect(letter.recipients).toEqual(['Bob Jones', 'Carol Jones']);
    expect(letter.paragraphs.join(' ')).toContain('by 7 December 2026 (14 days from the date of this letter)');
    expect(letter.figures).toEqual([
      { label: 'Arrears today', value: '£1,350.00' },
      { label: 'Contact us by', value: '7 December 2026' },
    ]);
  });

  it('renders as a PDF that reads back', async () => {
    const text = pdfText(await renderLetterPdf(letter, { compress: false })).replace(/\s+/g, ' ');
    for (const s of ['Bob Jones', 'Carol Jones', '£1,350.00', '7 December 2026', 'Housing Loss Prevention Advice Service']) expect(text).toContain(s);
  });
});
