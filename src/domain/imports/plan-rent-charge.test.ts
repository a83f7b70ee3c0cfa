import { describe, expect, it } from 'vitest';
import { planRentCharge } from './plan-rent-charge';

const row = { weeklyRentPence: 11820, rentFrom: null, startDate: '2019-06-03', endDate: null };
const schedule = [
  { effectiveFrom: '2019-06-03', weeklyPence: 10000 },
  { effectiveFrom: '2026-04-06', weeklyPence: 11820 },
];

describe('planRentCharge', () => {
  it('adds the first entry from start_date, or rent_from', () => {
    expect(planRentCharge([], row, '2026-11-23')).toEqual({ kind: 'add', effectiveFrom: '2019-06-03', weeklyPence: 11820 });
    expect(planRentCharge([], { ...row, rentFrom: '2026-04-06' }, '2026-11-23')).toEqual({ kind: 'add', effectiveFrom: '2026-04-06', weeklyPence: 11820 });
  });
  it('changes nothing when the rent is the charge in force today', () => {
    expect(planRentCharge(schedule, row, '2026-11-23')).toEqual({ kind: 'none' });
  });
  it('requires rent_from when the rent differs from the charge in force', () => {
    expect(planRentCharge(schedule, { ...row, weeklyRentPence: 12500 }, '2026-11-23')).toMatchObject({ kind: 'reject', field: 'rent_from' });
  });
  it('adds an entry from rent_from when the rent differs', () => {
    expect(planRentCharge(schedule, { ...row, weeklyRentPence: 12500, rentFrom: '2027-04-05' }, '2026-11-23')).toEqual({ kind: 'add', effectiveFrom: '2027-04-05', weeklyPence: 12500 });
  });
  it('changes nothing when the rent is the charge in force on rent_from', () => {
    expect(planRentCharge(schedule, { ...row, weeklyRentPence: 10000, rentFrom: '2020-01-06' }, '2026-11-23')).toEqual({ kind: 'none' });
  });
  it('never rewrites an entry: another amount from the same date is rejected', () => {
    expect(planRentCharge(schedule, { ...row, weeklyRentPence: 12000, rentFrom: '2026-04-06' }, '2026-11-23')).toMatchObject({ kind: 'reject', field: 'weekly_rent' });
  });
  it('compares a former tenancy with the charge in force when it ended', () => {
    expect(planRentCharge(schedule, { ...row, weeklyRentPence: 10000, endDate: '2025-01-05' }, '2026-11-23')).toEqual({ kind: 'none' });
  });
  it('compares a tenancy not yet begun with its first charge', () => {
    const future = [{ effectiveFrom: '2027-01-04', weeklyPence: 9000 }];
    expect(planRentCharge(future, { ...row, weeklyRentPence: 9000, startDate: '2027-01-04' }, '2026-11-23')).toEqual({ kind: 'none' });
  });
});
