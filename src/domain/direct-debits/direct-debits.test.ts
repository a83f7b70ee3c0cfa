import { describe, expect, it } from 'vitest';
import { maskAccountNumber, maskSortCode, parseAccountNumber, parseSortCode } from './bank-details';
import { advanceNoticeBy, collectionDates, earliestFirstCollection, firstCollection, firstCollectionAtNewAmount, isOfferedCollectionDay } from './collection-schedule';
import { validateMandateInput } from './mandate-input';
import { aruddCodeOf, failureAction, isReturnTooOldToAct } from './return-codes';
import { addWorkingDays, ENGLAND_AND_WALES_BANK_HOLIDAYS, isWorkingDay, subtractWorkingDays, workingDayOnOrAfter } from '../calendar/working-days';

describe('working days (weekends and England and Wales bank holidays 2025–2028)', () => {
  it.each([
    ['2026-11-23', true], // Monday
    ['2026-11-28', false], // Saturday
    ['2026-12-25', false], // Christmas
    ['2026-12-28', false], // Boxing Day substitute
    ['2027-03-26', false], // Good Friday
    ['2028-01-03', false], // New Year substitute
    ['2026-12-29', true],
  ])('%s working day: %s', (date, expected) => expect(isWorkingDay(date)).toBe(expected));

  it.each([
    ['2026-11-23', 10, '2026-12-07'],
    ['2026-12-18', 3, '2026-12-23'], // Friday + 3: skips the weekend
    ['2026-12-24', 1, '2026-12-29'], // skips Christmas, weekend and Boxing Day substitute
    ['2026-11-28', 0, '2026-11-28'],
  ])('%s + %i working days = %s', (date, n, expected) => expect(addWorkingDays(date, n)).toBe(expected));

  it.each([
    ['2026-12-29', 1, '2026-12-24'],
    ['2027-01-15', 10, '2026-12-31'],
  ])('%s - %i working days = %s', (date, n, expected) => expect(subtractWorkingDays(date, n)).toBe(expected));

  it('moves a non-working day forward', () => {
    expect(workingDayOnOrAfter('2026-12-25')).toBe('2026-12-29');
    expect(workingDayOnOrAfter('2026-12-23')).toBe('2026-12-23');
  });

  it('has eight holidays a year for every year covered', () => {
    for (const year of ['2025', '2026', '2027', '2028']) expect([...ENGLAND_AND_WALES_BANK_HOLIDAYS].filter((d) => d.startsWith(year))).toHaveLength(8);
  });
});

describe('sort code and account number', () => {
  it.each([
    ['30-94-57', '309457'],
    ['30 94 57', '309457'],
    ['309457', '309457'],
  ])('accepts %s', (text, digits) => expect(parseSortCode(text)).toEqual({ ok: true, value: digits }));
  it.each(['00-00-00', '00-12-34', '11-11-11', '30-94', '30-9457', 'ab-cd-ef', '', '30-94-577'])('refuses %s', (text) => expect(parseSortCode(text).ok).toBe(false));
  it.each([
    ['12345678', true],
    ['1234 5678', true],
    ['1234567', false],
    ['123456789', false],
    ['00000000', false],
    ['', false],
  ])('account %s ok: %s', (text, ok) => expect(parseAccountNumber(text).ok).toBe(ok));
  it('masks all but the last digits', () => {
    expect(maskSortCode('309457')).toBe('**-**-57');
    expect(maskAccountNumber('12345678')).toBe('****5678');
  });
});

describe('collection days and the schedule', () => {
  it.each([
    [{ frequency: 'monthly', day: 1 }, true],
    [{ frequency: 'monthly', day: 28 }, true],
    [{ frequency: 'monthly', day: 2 }, false],
    [{ frequency: 'weekly', day: 4 }, true],
    [{ frequency: 'weekly', day: 5 }, false],
  ] as const)('%o offered: %s', (c, ok) => expect(isOfferedCollectionDay(c)).toBe(ok));

  it('monthly on the 1st, moved past bank holidays and weekends', () => {
    expect(collectionDates({ frequency: 'monthly', day: 1 }, '2026-11-23', 4)).toEqual(['2026-12-01', '2027-01-04', '2027-02-01', '2027-03-01']);
  });
  it('weekly on Friday, Christmas moved on', () => {
    expect(collectionDates({ frequency: 'weekly', day: 4 }, '2026-12-17', 3)).toEqual(['2026-12-18', '2026-12-29', '2027-01-04']);
  });
  it('first collection: at least 10 working days after set-up (advance notice) and the Bacs lead time', () => {
    expect(earliestFirstCollection('2026-11-23')).toBe('2026-12-07');
    expect(firstCollection({ frequency: 'monthly', day: 1 }, '2026-11-23', '2026-11-23')).toBe('2027-01-04');
    expect(firstCollection({ frequency: 'monthly', day: 8 }, '2026-11-23', '2026-11-23')).toBe('2026-12-08');
    expect(firstCollection({ frequency: 'weekly', day: 0 }, '2027-02-01', '2026-11-23')).toBe('2027-02-01');
  });
  it('advance notice of a change: 10 working days before the first collection at the new amount', () => {
    expect(advanceNoticeBy('2027-04-01')).toBe('2027-03-16');
    expect(firstCollectionAtNewAmount({ frequency: 'monthly', day: 1 }, '2027-04-05', '2026-11-23')).toEqual({ collectionOn: '2027-05-04', noticeBy: '2027-04-19' });
  });
});

describe('mandate form validation', () => {
  const good = { payerName: 'A Tenant', sortCode: '30-94-57', accountNumber: '12345678', collectionDay: 'monthly:1', amount: '95.50', startOn: '2026-12-01' };
  it('accepts a good mandate (pounds to pence)', () => {
    const r = validateMandateInput(good, '2026-11-23');
    expect(r.ok && r.value.amountPence).toBe(9550);
  });
  it.each([
    ['sortCode', { sortCode: '00-00-00' }],
    ['amount', { amount: '0' }],
    ['amount', { amount: '-5' }],
    ['startOn', { startOn: '2026-11-22' }],
    ['collectionDay', { collectionDay: 'monthly:2' }],
    ['accountNumber', { accountNumber: '123' }],
    ['payerName', { payerName: ' ' }],
  ])('names %s', (field, change) => {
    const r = validateMandateInput({ ...good, ...change }, '2026-11-23');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual([field]);
  });
});

describe('returned collections', () => {
  it.each([
    ['ARUDD 0: Refer to payer', '0'],
    ['ARUDD B', 'B'],
    ['returned payment', null],
  ])('%s → %s', (reason, code) => expect(aruddCodeOf(reason)).toBe(code));
  const monthly1 = { frequency: 'monthly', day: 1 } as const;
  it.each([
    ['0', false, { kind: 're_present', representOn: '2027-01-04' }],
    ['0', true, { kind: 'contact', cancelMandate: false }],
    ['1', false, { kind: 'contact', cancelMandate: true }],
    ['B', false, { kind: 'contact', cancelMandate: true }],
    ['7', false, { kind: 'contact', cancelMandate: false }],
  ])('code %s (already re-presented %s)', (code, already, expected) => expect(failureAction(code, '2026-12-02', monthly1, already)).toEqual(expected));
});

describe('a collection moved past a holiday is still in the schedule', () => {
  it.each([
    [{ frequency: 'monthly', day: 1 }, '2027-01-04', ['2027-01-04', '2027-02-01']],
    [{ frequency: 'monthly', day: 1 }, '2027-01-02', ['2027-01-04', '2027-02-01']],
    [{ frequency: 'monthly', day: 1 }, '2027-01-05', ['2027-02-01', '2027-03-01']],
    [{ frequency: 'weekly', day: 4 }, '2026-12-29', ['2026-12-29', '2027-01-04']],
  ] as const)('%o from %s', (c, from, expected) => expect(collectionDates(c, from, 2)).toEqual(expected));
});

describe('returns too old to act on', () => {
  it.each([
    ['2026-11-23', false],
    ['2026-10-26', false],
    ['2026-10-25', true],
    ['2024-03-01', true],
  ] as const)('returned on %s, run on 23 November 2026: too old %s', (returnedOn, tooOld) => {
    expect(isReturnTooOldToAct(returnedOn, '2026-11-23')).toBe(tooOld);
  });
});
