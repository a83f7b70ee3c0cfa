import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addMonthsToDayNumber,
  daysBetween,
  fromDayNumber,
  isBusinessDate,
  isoWeekday,
  monthIndexDifference,
  mondayOnOrBefore,
  parseUkOrIsoDate,
  toDayNumber,
  weekdayOfDayNumber,
} from './business-date';

describe('business dates', () => {
  it.each([
    ['2026-11-23', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    [20261123, false],
  ])('isBusinessDate(%s) is %s', (value, expected) => {
    expect(isBusinessDate(value)).toBe(expected);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-23', 12, '2027-11-23'],
    ['2026-12-15', 1, '2027-01-15'],
  ])('addMonths(%s, %i) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('counts days and weekdays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-11-01', '2026-11-23')).toBe(22);
    expect(isoWeekday('2026-11-23')).toBe(0); // a Monday
    expect(mondayOnOrBefore('2026-11-29')).toBe('2026-11-23');
  });

  it('parses UK and ISO dates', () => {
    expect(parseUkOrIsoDate('05/04/2026')).toBe('2026-04-05');
    expect(parseUkOrIsoDate('31/02/2026')).toBeNull();
    expect(parseUkOrIsoDate('2026-04-05')).toBe('2026-04-05');
  });
});

describe('day-number helpers', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', -72, '2018-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('addMonthsToDayNumber(%s, %i) = %s', (date, months, expected) => {
    expect(fromDayNumber(addMonthsToDayNumber(toDayNumber(date), months))).toBe(expected);
  });

  it('weekday and month difference', () => {
    expect(weekdayOfDayNumber(toDayNumber('2026-11-23'))).toBe(0);
    expect(weekdayOfDayNumber(toDayNumber('1969-12-28'))).toBe(6);
    expect(monthIndexDifference(toDayNumber('2025-12-31'), toDayNumber('2026-02-01'))).toBe(2);
  });

  it.each(['2026-1-01', '2026/01/01', '20260101', '2026-01-0a', ''])('toDayNumber rejects %j', (text) => {
    expect(() => toDayNumber(text)).toThrow(RangeError);
  });

  it('toDayNumber and fromDayNumber round-trip', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    for (const d of ['2000-02-29', '2026-11-23', '1999-12-31']) expect(fromDayNumber(toDayNumber(d))).toBe(d);
  });
});
