import { describe, expect, it } from 'vitest';
import { applyPercent, newDirectDebitAmount, parsePercentToBasisPoints } from './rent-change';

describe('rent change', () => {
  it.each([
    ['2.7', 270],
    ['4', 400],
    ['-1.25', -125],
    ['0.05', 5],
    ['2.705', null],
    ['abc', null],
    ['101', null],
  ])('percent %s → %s bp', (text, bp) => expect(parsePercentToBasisPoints(text)).toBe(bp));
  it.each([
    [10000, 270, 10270],
    [9550, 270, 9808], // 9807.85 → 9808
    [10050, 50, 10100], // 10100.25 → 10100
    [10010, 50, 10060], // 10060.05 → 10060
    [9990, 50, 10040], // 10039.95 → 10040
    [100, 50, 101], // 100.5 → 101 (half up)
    [12345, -125, 12191], // 12190.69 → 12191
  ])('%i pence + %i bp = %i pence (half-up at the penny)', (old, bp, expected) => expect(applyPercent(old, bp)).toBe(expected));
  it.each([
    [10000, 270, 'weekly', 10270],
    [43333, 270, 'monthly', 44503], // 270 × 52 / 12 = 1170
    [43333, 1, 'monthly', 43337], // 4.33 → 4
    [43333, -270, 'monthly', 42163],
  ] as const)('DD %i changed by %i weekly (%s) = %i', (old, change, freq, expected) => expect(newDirectDebitAmount(old, change, freq)).toBe(expected));
});
