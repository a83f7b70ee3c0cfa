import { describe, expect, it } from 'vitest';
import { isMonday } from '../calendar/business-date';
import { annualSchedule, christmasRentFreeMondays, rentIncreaseBasisPoints, rentYearOf, rentYearStart } from './rent-setting';

describe('rent setting', () => {
  it('starts each rent year on the first Monday in April', () => {
    expect(rentYearStart(2026)).toBe('2026-04-06');
    expect(rentYearStart(2024)).toBe('2024-04-01');
    for (let y = 2015; y <= 2035; y++) {
      const d = rentYearStart(y);
      expect(isMonday(d)).toBe(true);
      expect(d >= `${y}-04-01` && d <= `${y}-04-07`).toBe(true);
    }
    expect(rentYearOf('2026-04-05')).toBe(2025);
    expect(rentYearOf('2026-04-06')).toBe(2026);
  });

  it('uses the settlement increases (CPI + 1%, the 7% ceiling of 2023)', () => {
    expect(rentIncreaseBasisPoints(2023)).toBe(700);
    expect(rentIncreaseBasisPoints(2024)).toBe(770);
    expect(rentIncreaseBasisPoints(2025)).toBe(270);
    expect(rentIncreaseBasisPoints(2026)).toBe(480);
  });

  it('builds a schedule from the start with an entry each April, ending near the rent of today', () => {
    const schedule = annualSchedule('2021-09-15', '2026-11-23', 11820, 'start');
    expect(schedule.map((c) => c.effectiveFrom)).toEqual(['2021-09-15', '2022-04-04', '2023-04-03', '2024-04-01', '2025-04-07', '2026-04-06']);
    const last = schedule[schedule.length - 1];
    expect(Math.abs((last?.weeklyPence ?? 0) - 11820)).toBeLessThanOrEqual(3);
    for (const c of schedule) expect(Number.isInteger(c.weeklyPence)).toBe(true);
  });

  it('puts two rent-free weeks at Christmas, both Mondays', () => {
    expect(christmasRentFreeMondays(2026)).toEqual(['2026-12-21', '2026-12-28']);
    expect(christmasRentFreeMondays(2022)).toEqual(['2022-12-19', '2022-12-26']);
    for (let y = 2015; y <= 2030; y++) for (const m of christmasRentFreeMondays(y)) expect(isMonday(m)).toBe(true);
  });
});
