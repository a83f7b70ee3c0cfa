import { describe, expect, it } from 'vitest';
import { formatDateRange, formatLongDate, formatShortDate } from './dates';
import type { StatementTransaction } from './describe-transaction';
import { describeTransaction, subAccountLabel } from './describe-transaction';

const base: StatementTransaction = { businessDate: '2026-11-16', subAccount: 'rent', kind: 'charge', method: null, amountPence: 11820 };

describe('describeTransaction', () => {
  const cases: [string, Partial<StatementTransaction>, string][] = [
    ['weekly rent charge', {}, 'Rent w/c 16 Nov 2026'],
    ['a part-week charge names its rent week', { businessDate: '2026-11-18' }, 'Rent w/c 16 Nov 2026'],
    ['a charge with a period uses its start', { businessDate: '2026-11-23', periodFrom: '2026-11-16', periodTo: '2026-11-22' }, 'Rent w/c 16 Nov 2026'],
    ['service charge', { subAccount: 'service_charge' }, 'Service charge w/c 16 Nov 2026'],
    ['garage', { subAccount: 'garage' }, 'Garage rent w/c 16 Nov 2026'],
    ['a one-off debt with a note', { subAccount: 'rechargeable_repairs', note: 'broken door' }, 'Rechargeable repairs (broken door)'],
    ['direct debit', { kind: 'payment', method: 'direct_debit', amountPence: -11820 }, 'Direct debit payment'],
    ['standing order', { kind: 'payment', method: 'standing_order', amountPence: -11820 }, 'Standing order payment'],
    ['cash', { kind: 'payment', method: 'cash', amountPence: -500 }, 'Cash payment'],
    ['unknown method', { kind: 'payment', method: 'carrier_pigeon', amountPence: -500 }, 'Payment'],
    ['no method', { kind: 'payment', amountPence: -500 }, 'Payment'],
    ['a returned payment posted as a positive payment', { kind: 'payment', method: 'cheque', amountPence: 500, note: 'refer to drawer' }, 'Returned cheque (refer to drawer)'],
    [
      'Housing Benefit with its period',
      { kind: 'benefit', method: 'housing_benefit', amountPence: -40000, periodFrom: '2026-10-19', periodTo: '2026-11-15' },
      'Housing Benefit 19 Oct–15 Nov',
    ],
    [
      'Housing Benefit across a year end',
      { kind: 'benefit', method: 'housing_benefit', amountPence: -40000, periodFrom: '2025-12-22', periodTo: '2026-01-18' },
      'Housing Benefit 22 Dec 2025–18 Jan 2026',
    ],
    ['Housing Benefit without a period', { kind: 'benefit', method: 'housing_benefit', amountPence: -40000 }, 'Housing Benefit'],
    ['Universal Credit', { kind: 'benefit', method: 'uc_housing_costs', amountPence: -51220 }, 'Universal Credit housing costs'],
    ['DHP', { kind: 'benefit', method: 'discretionary_housing_payment', amountPence: -1000 }, 'Discretionary Housing Payment'],
    ['a benefit sent as a payment', { kind: 'payment', method: 'housing_benefit', amountPence: -1000 }, 'Housing Benefit'],
    ['benefit taken back', { kind: 'benefit', method: 'housing_benefit', amountPence: 2000, note: 'overpaid' }, 'Housing Benefit taken back (overpaid)'],
    [
      'returned direct debit',
      { kind: 'reversal', method: 'direct_debit', amountPence: 11820, reason: 'ARUDD 0 refer to payer' },
      'Returned direct debit (ARUDD 0 refer to payer)',
    ],
    ['a reversed payment without a method', { kind: 'reversal', amountPence: 500, reason: 'posted to the wrong account' }, 'Payment reversed (posted to the wrong account)'],
    ['a reversed charge', { kind: 'reversal', amountPence: -11820, reason: 'charged twice' }, 'Charge reversed (charged twice)'],
    ['adjustment with a note', { kind: 'adjustment', amountPence: -500, note: 'goodwill' }, 'Adjustment (goodwill)'],
    ['adjustment: the reason wins over the note', { kind: 'adjustment', amountPence: -500, note: 'n', reason: 'r' }, 'Adjustment (r)'],
    ['court costs', { kind: 'court_costs', subAccount: 'court_costs', amountPence: 35500 }, 'Court costs'],
    ['write-off', { kind: 'write_off', amountPence: -1000, reason: 'uneconomic' }, 'Written off (uneconomic)'],
    ['refund', { kind: 'refund', amountPence: 1000 }, 'Refund of credit'],
    ['a blank detail is left out', { kind: 'adjustment', amountPence: -500, note: '  ' }, 'Adjustment'],
  ];
  it.each(cases)('%s', (_name, overrides, expected) => {
    expect(describeTransaction({ ...base, ...overrides })).toBe(expected);
  });
});

describe('dates and labels', () => {
  it.each([
    ['2026-11-16', '16 Nov 2026', '16 November 2026'],
    ['2024-02-29', '29 Feb 2024', '29 February 2024'],
    ['2027-01-01', '1 Jan 2027', '1 January 2027'],
  ])('%s', (date, short, long) => {
    expect(formatShortDate(date)).toBe(short);
    expect(formatLongDate(date)).toBe(long);
  });

  it('ranges', () => {
    expect(formatDateRange('2026-10-19', '2026-11-15')).toBe('19 Oct–15 Nov');
    expect(formatDateRange('2026-12-28', '2027-01-03')).toBe('28 Dec 2026–3 Jan 2027');
  });

  it('sub-account labels', () => {
    expect(subAccountLabel('rent')).toBe('Rent');
    expect(subAccountLabel('former_tenant_arrears')).toBe('Former tenancy arrears');
    expect(subAccountLabel('something_new')).toBe('Something new');
  });
});
