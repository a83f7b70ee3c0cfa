import { describe, expect, it } from 'vitest';
import { monthlyEquivalentPence } from './equivalents';
import { technicalArrears, weeksInArrearsHundredths } from './real-arrears';

describe('weeksInArrears, in hundredths, rounded half-up', () => {
  it.each([
    [9950, 10000, 100], // 0.995 → 1.00
    [9949, 10000, 99], // 0.9949 → 0.99
    [13462, 12488, 108], // 1.078 → 1.08
    [10005, 10000, 100], // 1.0005 → 1.00
    [0, 10000, 0],
    [5000, 0, 0], // no weekly charge: 0
    [5000, -100, 0],
  ])('%i / %i', (real, weekly, expected) => {
    expect(weeksInArrearsHundredths(real, weekly)).toBe(expected);
  });
});

describe('technical arrears', () => {
  it.each([
    [50000, 30000, 30000],
    [20000, 30000, 20000], // capped by arrears
    [0, 30000, 0],
    [20000, -500, 0],
  ])('arrears %i, in transit %i', (arrears, transit, expected) => {
    expect(technicalArrears(arrears, transit)).toBe(expected);
  });
});

describe('monthly equivalent = weekly × 52 / 12, half-up', () => {
  it.each([
    [12488, 54115], // 54114.67
    [10000, 43333], // 43333.33
    [9687, 41977], // 41977.0
    [0, 0],
  ])('%i a week', (weekly, monthly) => {
    expect(monthlyEquivalentPence(weekly)).toBe(monthly);
  });
});
