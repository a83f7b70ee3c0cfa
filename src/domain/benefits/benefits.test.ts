import { describe, expect, it } from 'vitest';
import {
  dwpRequestReason,
  hbNextPaymentOn,
  needsHbDirectPayment,
  recordProblems,
  shortfall,
  ucPaymentDates,
  underOccupancyPercent,
  underOccupancyWeeklyPence,
  workingDayOnOrBefore,
  type BenefitRecordInput,
} from './benefits';

const uc: BenefitRecordInput = {
  type: 'universal_credit', status: 'in_payment', from: '2026-06-05', weeklyPence: null, paidEveryWeeks: null, nextPaymentOn: null,
  monthlyHousingPence: 43333, assessmentPeriodStartDay: 5, housingCostsTo: 'tenant', evidenceComplete: true,
  benefitCapWeeklyPence: null, spareBedrooms: null, deductionsFrom: null,
};

describe('under-occupancy reduction (14% one spare bedroom, 25% two or more)', () => {
  it.each([
    [0, 10000, 0, 0],
    [1, 10000, 14, 1400],
    [2, 10000, 25, 2500],
    [3, 10000, 25, 2500],
    [1, 9250, 14, 1295],
    [1, 9253, 14, 1295], // 1295.42 → 1295
    [2, 9250, 25, 2313], // 2312.5 → 2313 (half up)
  ])('%i spare bedroom(s) on %i pence: %i%% = %i pence', (rooms, rent, percent, pence) => {
    expect(underOccupancyPercent(rooms)).toBe(percent);
    expect(underOccupancyWeeklyPence(rent, rooms)).toBe(pence);
  });
});

describe('the shortfall the tenant pays themselves', () => {
  it.each([
    // charge, benefit, in payment, under-occupancy, cap → shortfall, uo, cap, other
    [10000, 10000, true, 0, 0, 0, 0, 0, 0],
    [10000, 8600, true, 1400, 0, 1400, 1400, 0, 0],
    [10000, 6100, true, 1400, 2500, 3900, 1400, 2500, 0],
    [10500, 8600, true, 1400, 0, 1900, 1400, 0, 500],
    [10000, 0, false, 0, 0, 10000, 0, 0, 10000],
    [10000, 12000, true, 0, 0, 0, 0, 0, 0],
    [10000, 9000, true, 2500, 0, 1000, 1000, 0, 0], // deduction larger than the gap: only the gap counts
  ])('%i charge, %i benefit (in payment %s), %i + %i deductions → %i', (charge, benefit, inPayment, uo, cap, total, eUo, eCap, other) => {
    const s = shortfall({ weeklyChargePence: charge, benefitWeeklyPence: benefit, inPayment, underOccupancyWeeklyPence: uo, benefitCapWeeklyPence: cap });
    expect(s).toMatchObject({ shortfallWeeklyPence: total, underOccupancyWeeklyPence: eUo, benefitCapWeeklyPence: eCap, otherWeeklyPence: other });
  });
  it('gives the monthly equivalent (× 52 / 12)', () => {
    expect(shortfall({ weeklyChargePence: 10000, benefitWeeklyPence: 8600, inPayment: true, underOccupancyWeeklyPence: 1400, benefitCapWeeklyPence: 0 }).shortfallMonthlyPence).toBe(6067);
  });
});

describe('UC payment dates: 7 days after the assessment period ends, the working day before a weekend or holiday', () => {
  it.each([
    // AP day, on or after, next 3 payments
    [5, '2026-11-01', ['2026-11-11', '2026-12-11', '2027-01-11']], // AP 5th–4th: 4 Nov + 7 = Wed 11 Nov
    [1, '2026-11-01', ['2026-11-06', '2026-12-07', '2027-01-07']], // AP 1st–end: 31 Oct + 7 = Sat 7 Nov → Fri 6 Nov
    [28, '2026-11-01', ['2026-11-03', '2026-12-04', '2026-12-31']], // AP 28th–27th: 27 Oct + 7 = 3 Nov; 27 Nov + 7 = Fri 4 Dec; 27 Dec + 7 = Sun 3 Jan → Fri 1 Jan is New Year's Day → Thu 31 Dec
    [31, '2027-02-01', ['2027-02-05', '2027-03-05', '2027-04-06']], // 31st → last day of short months: Sat 6 Feb → Fri 5; Sat 6 Mar → Fri 5; Tue 6 Apr
  ])('AP starting day %i, from %s', (day, from, expected) => {
    expect(ucPaymentDates(day, from, 3)).toEqual(expected);
  });
  it('skips the England and Wales bank holidays, or the given ones', () => {
    // AP 19th–18th: 18 Dec + 7 = Fri 25 Dec (Christmas) → Thu 24 Dec; with no holidays given, Fri 25 Dec.
    expect(ucPaymentDates(19, '2026-12-01', 1)).toEqual(['2026-12-24']);
    expect(ucPaymentDates(19, '2026-12-01', 1, [])).toEqual(['2026-12-25']);
    expect(workingDayOnOrBefore('2026-08-31')).toBe('2026-08-28'); // the summer bank holiday
    expect(ucPaymentDates(18, '2026-12-01', 1, ['2026-12-24'])).toEqual(['2026-12-23']);
    expect(workingDayOnOrBefore('2026-12-28', ['2026-12-25', '2026-12-28'])).toBe('2026-12-24');
  });
  it('refuses day 0 and 32', () => {
    expect(() => ucPaymentDates(0, '2026-11-01', 1)).toThrow(RangeError);
    expect(() => ucPaymentDates(32, '2026-11-01', 1)).toThrow(RangeError);
  });
});

describe('HB next payment on a schedule', () => {
  it.each([
    ['2026-11-30', 4, '2026-11-23', '2026-11-30'],
    ['2026-11-02', 4, '2026-11-23', '2026-11-30'],
    ['2026-11-02', 4, '2026-11-30', '2026-11-30'],
    ['2026-11-02', 2, '2026-11-23', '2026-11-30'],
    ['2026-11-02', 1, '2026-11-24', '2026-11-30'],
  ])('from %s every %i weeks, on or after %s: %s', (next, weeks, on, expected) => {
    expect(hbNextPaymentOn(next, weeks, on)).toBe(expected);
  });
});

describe('record problems', () => {
  it.each([
    [{}, []],
    [{ assessmentPeriodStartDay: 0 }, ['assessmentPeriodStartDay']],
    [{ assessmentPeriodStartDay: 32 }, ['assessmentPeriodStartDay']],
    [{ monthlyHousingPence: -1 }, ['monthlyHousingPence']],
    [{ monthlyHousingPence: null }, ['monthlyHousingPence']],
    [{ benefitCapWeeklyPence: 2000 }, ['deductionsFrom']],
    [{ spareBedrooms: 1, deductionsFrom: '2026-04-01' }, []],
    [{ type: 'housing_benefit', weeklyPence: null }, ['weeklyPence']],
    [{ type: 'housing_benefit', weeklyPence: 9000, paidEveryWeeks: 0 }, ['paidEveryWeeks']],
  ] as [Partial<BenefitRecordInput>, string[]][])('%j → %j', (change, fields) => {
    expect(recordProblems({ ...uc, ...change }).map((p) => p.field)).toEqual(fields);
  });
});

describe('HB direct payment from 8 weeks of arrears (paid to the tenant)', () => {
  it.each([
    ['housing_benefit', 'in_payment', 'tenant', 8, true],
    ['housing_benefit', 'in_payment', 'tenant', 7.99, false],
    ['housing_benefit', 'in_payment', 'landlord', 12, false],
    ['housing_benefit', 'suspended', 'tenant', 12, false],
    ['universal_credit', 'in_payment', 'tenant', 12, false],
  ])('%s %s to %s, %f weeks → %s', (type, status, to, weeks, expected) => {
    expect(needsHbDirectPayment({ type, status, housingCostsTo: to, weeksInArrears: weeks })).toBe(expected);
  });
});

describe('the reason on a DWP request', () => {
  it.each([
    [80000, 10000, 'weekly', '8.0 weeks of rent in arrears'],
    [135000, 9000, 'weekly', '15.0 weeks of rent in arrears'],
    [86667, 10000, 'monthly', '2.0 months of rent in arrears'],
    [100, 0, 'weekly', 'Rent arrears'],
  ])('%i arrears on %i a week (%s)', (arrears, weekly, freq, expected) => {
    expect(dwpRequestReason({ arrearsPence: arrears, weeklyChargePence: weekly, rentFrequency: freq })).toBe(expected);
  });
});
