import { describe, expect, it } from 'vitest';
import { divideRoundHalfUp, formatPenceAsDecimal, formatPounds, parsePoundsToPence } from './pence';

describe('pence', () => {
  it.each([
    ['112.50', 11250],
    ['112.5', 11250],
    ['-5', -500],
    ['£1,234.56', 123456],
    ['(12.00)', -1200],
    ['0.07', 7],
    ['.5', 50],
    ['12.345', null],
    ['abc', null],
    ['', null],
    ['10,000,000.00', 1_000_000_000],
    ['-10000000.00', -1_000_000_000],
    ['10000000.01', null],
    ['(10000000.01)', null],
    ['90071992547409.91', null],
  ])('parsePoundsToPence(%s) = %s', (text, expected) => {
    expect(parsePoundsToPence(text)).toBe(expected);
  });

  it('formats', () => {
    expect(formatPenceAsDecimal(-5)).toBe('-0.05');
    expect(formatPounds(123456)).toBe('£1,234.56');
  });

  it.each([0, 5, 99, 100, 99999, 100000, 123456789, 100000000000, 999999999999999, -1, -123456, -100000000])('formats %i pence as en-GB writes pounds', (pence) => {
    const abs = Math.abs(pence);
    const expected = `${pence < 0 ? '-' : ''}£${Math.floor(abs / 100).toLocaleString('en-GB')}.${String(abs % 100).padStart(2, '0')}`;
    expect(formatPounds(pence)).toBe(expected);
  });

  it('rounds half up on integers', () => {
    expect(divideRoundHalfUp(5, 2)).toBe(3);
    expect(divideRoundHalfUp(4, 3)).toBe(1);
    expect(divideRoundHalfUp(-5, 2)).toBe(-2);
  });
});
