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
    ['2000-02-29', true],
    ['2100-02-29', false],
    ['2026-12-31', true],
    ['2026-12-32', false],
    ['2026-11-00', false],
    ['2026-00-10', false],
    ['0000-01-01', true],
    ['2026-11-23 ', false],
    [' 2026-11-23', false],
    ['2026-11-23\n', false],
    ['2026/11/23', false],
    ['2026-11-2a', false],
    ['２０２６-11-23', false],
    ['', false],
    [null, false],
  ])('isBusinessDate(%j) is %s', (value, expected) => {
    expect(isBusinessDate(value)).toBe(expected);
  });

  it('isBusinessDate accepts exactly the strings of four, two and two digits that name a real day', () => {
    const reference = (value: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m) return false;
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
      const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
      return days !== undefined && day >= 1 && day <= days;
    };
    const replacements = ['0', '1', '2', '3', '9', '-', '/', ' ', 'a'];
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let k = 0; k < 20000; k++) {
      // Mostly well-formed dates (months 00 to 13, days 00 to 32), a character replaced now and then, a few cut short.
      const characters = [...`${1900 + next(300)}-${String(next(14)).padStart(2, '0')}-${String(next(33)).padStart(2, '0')}`];
      if (next(3) === 0) characters[next(10)] = replacements[next(replacements.length)]!;
      const value = next(20) === 0 ? characters.join('').slice(0, 9) : characters.join('');
      expect(isBusinessDate(value), value).toBe(reference(value));
    }
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
