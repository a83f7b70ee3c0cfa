import { describe, expect, it } from 'vitest';
import type { CaseData } from '../../persistence/stores/case-data-store';
import { combinedSchedule } from './build-case-file';

type Row = CaseData['charges'][number];
const row = (sub_account: string, effective_from: string, weekly_pence: number): Row => ({ sub_account, effective_from, weekly_pence });

/** The rule as the case-file contract states it: at each date a charge changes, every sub-account's latest charge from on or before it, summed. */
function reference(charges: readonly Row[]): { from: string; weeklyPence: number }[] {
  const dates = [...new Set(charges.map((c) => c.effective_from))].sort();
  return dates.map((from) => {
    const latest = new Map<string, number>();
    for (const c of charges) if (c.effective_from <= from) latest.set(c.sub_account, c.weekly_pence);
    return { from, weeklyPence: [...latest.values()].reduce((a, b) => a + b, 0) };
  });
}

describe('combinedSchedule: the weekly charge of the rent account at each date a sub-account changes', () => {
  it.each<[string, Row[], { from: string; weeklyPence: number }[]]>([
    ['no schedule', [], []],
    ['one rent', [row('rent', '2024-04-01', 10000)], [{ from: '2024-04-01', weeklyPence: 10000 }]],
    [
      'rent and service charge from one date: one entry',
      [row('rent', '2024-04-01', 10000), row('service_charge', '2024-04-01', 500)],
      [{ from: '2024-04-01', weeklyPence: 10500 }],
    ],
    [
      'a later change to one keeps the other',
      [row('rent', '2024-04-01', 10000), row('service_charge', '2024-04-01', 500), row('rent', '2025-04-07', 10300)],
      [
        { from: '2024-04-01', weeklyPence: 10500 },
        { from: '2025-04-07', weeklyPence: 10800 },
      ],
    ],
    [
      'two rows of one sub-account on one date: the later row',
      [row('rent', '2024-04-01', 10000), row('rent', '2024-04-01', 9000)],
      [{ from: '2024-04-01', weeklyPence: 9000 }],
    ],
    [
      'rows out of date order: each date sums what was last given from on or before it',
      [row('rent', '2025-04-07', 10300), row('rent', '2024-04-01', 10000), row('service_charge', '2024-10-07', 500)],
      [
        { from: '2024-04-01', weeklyPence: 10000 },
        { from: '2024-10-07', weeklyPence: 10500 },
        { from: '2025-04-07', weeklyPence: 10500 },
      ],
    ],
  ])('%s', (_name, charges, expected) => {
    expect(combinedSchedule(charges)).toEqual(expected);
    expect(reference(charges)).toEqual(expected);
  });

  it('in date order, as the schedules are read, equals the rule on 500 generated schedules', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const subAccounts = ['rent', 'service_charge', 'garage'];
    for (let k = 0; k < 500; k++) {
      const charges: Row[] = [];
      const count = next(25);
      for (let i = 0; i < count; i++) {
        charges.push(row(subAccounts[next(subAccounts.length)]!, `202${next(5)}-0${1 + next(9)}-1${next(10)}`, 100 * (1 + next(200))));
      }
      // Sorted by date only: rows of one date keep the order they were made in, as reading by (date, id) gives.
      const inDateOrder = charges.map((c, i) => ({ c, i })).sort((a, b) => (a.c.effective_from < b.c.effective_from ? -1 : a.c.effective_from > b.c.effective_from ? 1 : a.i - b.i)).map((x) => x.c);
      expect(combinedSchedule(inDateOrder)).toEqual(reference(inDateOrder));
      expect(combinedSchedule(charges)).toEqual(reference(charges));
    }
  });
});
