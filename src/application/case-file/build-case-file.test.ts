import { describe, expect, it } from 'vitest';
import type { Tenure } from '../../domain/case-file/case-file';
import { parseCaseFile } from '../../domain/case-file/parse-case-file';
import type { CaseData } from '../../persistence/stores/case-data-store';
import { buildCaseFile, caseFileOf } from './build-case-file';

function caseData(overrides: Partial<CaseData> = {}): CaseData {
  return {
    tenancy: {
      id: 1,
      ref: 'TEN-1',
      payment_reference: 'PR1',
      tenure: 'secure',
      landlord_type: 'local_authority',
      start_date: '2024-04-01',
      end_date: null,
      end_reason: null,
      rent_frequency: 'weekly',
      address: '1 High Street',
      postcode: null,
      patch_id: 1,
      patch_name: 'North',
    },
    tenants: [{ name: 'A Tenant', has_forwarding_address: false }],
    charges: [
      { sub_account: 'rent', effective_from: '2024-04-01', weekly_pence: 10000 },
      { sub_account: 'service_charge', effective_from: '2025-04-07', weekly_pence: 500 },
    ],
    rentFreeWeeks: ['2024-12-23', '2023-12-25', '2024-12-23'],
    transactions: [
      { id: 1, business_date: '2024-04-01', kind: 'charge', method: null, amount_pence: 10000, period_from: '2024-04-01', period_to: '2024-04-07', note: null, sub_account: 'rent', reverses_id: null, reason: null },
      { id: 2, business_date: '2024-04-03', kind: 'payment', method: 'debit_card', amount_pence: -10000, period_from: null, period_to: null, note: 'thank you', sub_account: 'rent', reverses_id: null, reason: null },
      { id: 3, business_date: '2024-04-05', kind: 'reversal', method: null, amount_pence: 10000, period_from: null, period_to: null, note: null, sub_account: 'rent', reverses_id: 2, reason: 'returned' },
    ],
    benefits: [
      { type: 'housing_benefit', status: 'in_payment', from_date: '2024-04-01', weekly_pence: 5000, paid_every_weeks: 4, evidence_complete: true, housing_costs_to: null, monthly_housing_pence: null, assessment_period_start_day: null, details: {} },
    ],
    events: [
      { id: 1, event_date: '2024-05-01', type: 'arrangement', details: { instalmentPence: 500, frequency: 'weekly' } },
      { id: 2, event_date: '2024-06-01', type: 'contact', details: { channel: 'phone', outcome: 'no_answer', extra: 1 } },
    ],
    ...overrides,
  };
}

describe('caseFileOf: the typed case file without the JSON round trip', () => {
  it('equals parsing the built case file, field for field', () => {
    const data = caseData();
    const roundTrip = parseCaseFile(JSON.parse(JSON.stringify(buildCaseFile(data, '2024-07-01'))));
    expect(roundTrip.ok).toBe(true);
    expect(caseFileOf(data, '2024-07-01')).toEqual(roundTrip);
  });

  it.each([
    ['an event detail of the wrong type', { events: [{ id: 1, event_date: '2024-05-01', type: 'court_order', details: { hearingDate: '2024-02-30' } }] }],
    ['an arrangement without its instalment', { events: [{ id: 1, event_date: '2024-05-01', type: 'arrangement', details: {} }] }],
    ['a transaction kind outside the contract', { transactions: [{ id: 1, business_date: '2024-04-01', kind: 'bonus', method: null, amount_pence: 1, period_from: null, period_to: null, note: null, sub_account: 'rent', reverses_id: null, reason: null }] }],
  ] as [string, Partial<CaseData>][])('names the problem exactly as the parser does: %s', (_, overrides) => {
    const data = caseData(overrides);
    const expected = parseCaseFile(buildCaseFile(data, '2024-07-01'));
    expect(expected.ok).toBe(false);
    expect(caseFileOf(data, '2024-07-01')).toEqual(expected);
  });

  it('refuses a tenure outside the contract the same way', () => {
    const data = caseData();
    data.tenancy.tenure = 'freehold' as Tenure; // the database's check refuses it; a row that got past one still is named
    expect(caseFileOf(data, '2024-07-01')).toEqual(parseCaseFile(buildCaseFile(data, '2024-07-01')));
  });
});
