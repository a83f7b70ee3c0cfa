import { describe, expect, it } from 'vitest';
import { aCharge } from '../../../../test/builders/case-file';
import { anIndex, day } from '../../../../test/builders/case-index';
import { weeklyChargeOn } from './weekly-charge';

describe('weekly charge on a day', () => {
  it.each([
    ['the latest entry with from on or before the day', [{ from: '2025-04-07', weeklyPence: 9000 }, { from: '2026-04-06', weeklyPence: 9500 }], [], '2026-04-06', 9500],
    ['an entry starting later is not used yet', [{ from: '2025-04-07', weeklyPence: 9000 }, { from: '2026-04-06', weeklyPence: 9500 }], [], '2026-04-05', 9000],
    ['of two entries with the same from, the one listed last', [{ from: '2025-04-07', weeklyPence: 9000 }, { from: '2025-04-07', weeklyPence: 9100 }], [], '2026-01-01', 9100],
    ['entries out of order: the latest from wins', [{ from: '2026-04-06', weeklyPence: 9500 }, { from: '2025-04-07', weeklyPence: 9000 }], [], '2026-05-01', 9500],
    [
      'no entry yet: the charges on the most recent Monday with any, summed',
      [{ from: '2027-01-04', weeklyPence: 1 }],
      [aCharge('2026-03-02', 9000), aCharge('2026-03-02', 500), aCharge('2026-03-04', 7777)],
      '2026-03-08',
      9500,
    ],
    ['no entries: a rent-free week looks back to the last charged Monday', [], [aCharge('2026-03-02', 9000)], '2026-03-12', 9000],
    ['charges dated on other days are not looked at', [], [aCharge('2026-03-03', 9000)], '2026-03-12', 0],
    ['no charge at all', [], [], '2026-03-12', 0],
  ])('%s', (_name, charges, transactions, on, expected) => {
    expect(weeklyChargeOn(anIndex({ charges, transactions, asOf: '2026-12-31' }), day(on))).toBe(expected);
  });

  it('ignores charge transactions after asOf', () => {
    expect(weeklyChargeOn(anIndex({ charges: [], transactions: [aCharge('2026-03-02', 9000), aCharge('2026-03-09', 9900)], asOf: '2026-03-08' }), day('2026-03-08'))).toBe(9000);
  });
});
