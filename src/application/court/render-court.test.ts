import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { PCOL_COLUMNS } from '../../domain/court/court-rules';
import { pdfText } from '../../../test/support/pdf-text';
import type { ClaimParticulars, N325Data } from './court-case';
import { renderN325Pdf, renderParticularsPdf, renderPcolCsv } from './render-court';

const particulars: ClaimParticulars = {
  claimant: 'Example Council',
  claimReference: 'TEN-R1',
  defendants: ['Ann Example', '=Ben, "Junior" Example'],
  propertyAddress: '1 Test Street, Testtown',
  postcode: 'TE1 1ST',
  tenure: 'assured',
  tenancyStartDate: '2019-06-03',
  rentFrequency: 'monthly',
  weeklyRentPence: 11_820,
  rentPerPeriodPence: 51_220,
  dailyRatePence: 1_689,
  arrearsAtClaimPence: 123_456,
  arrearsDate: '2026-10-27',
  notice: { type: 'section_8', servedOn: '2026-08-03', grounds: ['8', '10', '11'], expiresOn: '2027-08-03' },
  claimIssuedOn: '2026-10-27',
  stepsTaken: [{ date: '2026-06-01', what: 'First arrears letter sent' }],
  circumstances: { benefits: ['universal credit (in payment from 2025-03-15)'], vulnerabilities: ['mental health'] },
  scheduleFrom: '2024-10-28',
};

describe('claim bundle documents', () => {
  it('the PCOL row: the documented columns, one row, quoted and guarded text', () => {
    const csv = renderPcolCsv(particulars);
    expect(csv.split('\r\n')[0]).toBe(PCOL_COLUMNS.join(','));
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      {
        claimant_reference: 'TEN-R1',
        defendant_1_name: 'Ann Example',
        defendant_2_name: '\'=Ben, "Junior" Example',
        defendant_3_name: '',
        defendant_4_name: '',
        property_address: '1 Test Street, Testtown',
        property_postcode: 'TE1 1ST',
        tenancy_type: 'assured',
        tenancy_start_date: '2019-06-03',
        rent_amount: '512.20',
        rent_frequency: 'monthly',
        daily_rate: '16.89',
        arrears_amount: '1234.56',
        arrears_date: '2026-10-27',
        notice_type: 'section_8',
        notice_served_date: '2026-08-03',
        notice_expiry_date: '2027-08-03',
      },
    ]);
  });

  it('the particulars PDF names everyone, the figures and the dates, and states the rounding', async () => {
    const text = pdfText(await renderParticularsPdf(particulars, '2026-11-23', { compress: false })).replace(/\s+/g, ' ');
    for (const s of ['Example Council', 'Ann Example', 'Junior', '£1,234.56', '£16.89', 'rounded half-up to the penny', '3 August 2026', 'Ground 8', 'First arrears letter sent', 'universal credit', 'mental health', '28 October 2024']) {
      expect(text).toContain(s);
    }
  });

  it('the N325 PDF: order, terms, outstanding and the payments since', async () => {
    const n: N325Data = { orderDate: '2026-08-10', orderType: 'suspended', possessionDate: null, instalmentPence: 500, frequency: 'weekly', outstandingPence: 98_765, costsPence: 35_500, breach: 'The terms of the order have not been kept', paymentsSinceOrderPence: 2_000, payments: [{ date: '2026-09-01', amountPence: 2_000, kind: 'payment' }] };
    const text = pdfText(await renderN325Pdf('TEN-R1', ['Ann Example'], '1 Test Street', n, '2026-11-23', { compress: false }));
    for (const s of ['10 August 2026', 'Suspended possession order', '£5.00', '£987.65', '£355.00', '£20.00', '1 September 2026']) expect(text).toContain(s);
  });
});
