import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber } from '../../calendar/business-date';
import { aBenefit, aCaseFile, aCharge, anHbCredit, aPayment, aTransaction } from '../../../../test/builders/case-file';
import type { CaseFile, Transaction } from '../../case-file/case-file';
import { DEFAULT_POLICY_PARAMETERS } from '../../policy/default-policy';
import { findArrearsEpisode } from './arrears-episode';
import { buildCaseIndex } from './case-index';
import { realArrearsOn } from './real-arrears';
import { seededRandom } from '../../../../test/builders/seeded-random';

const policy = DEFAULT_POLICY_PARAMETERS;

function episodeStart(caseFile: CaseFile): string | null {
  const found = findArrearsEpisode(buildCaseIndex(caseFile), policy).startDay;
  return found === null ? null : fromDayNumber(found);
}

/** The definition, day by day (slow but obviously right). */
function episodeStartByDefinition(caseFile: CaseFile): string | null {
  const index = buildCaseIndex(caseFile);
  if (realArrearsOn(index, policy, index.asOfDay) === 0) return null;
  for (let d = index.asOfDay - 1; d >= index.startDay; d--) {
    if (realArrearsOn(index, policy, d) === 0) return fromDayNumber(d + 1);
  }
  return fromDayNumber(index.startDay);
}

describe('arrears episode', () => {
  it('no real arrears on asOf: no episode', () => {
    expect(episodeStart(aCaseFile({ transactions: [aCharge('2026-03-02'), aPayment('2026-03-02')] }))).toBeNull();
  });

  it('starts the day after the regular payer’s grace ran out', () => {
    // weekly payer, last paid Monday 02-16; expected 02-23, grace to 02-26 → episode from 02-27
    const tx: Transaction[] = [];
    for (let d = '2026-01-05'; d <= '2026-03-02'; d = addDays(d, 7)) {
      tx.push(aCharge(d));
      if (d <= '2026-02-16') tx.push(aPayment(d));
    }
    expect(episodeStart(aCaseFile({ asOf: '2026-03-04', tenancy: { startDate: '2026-01-05' }, transactions: tx }))).toBe('2026-02-27');
  });

  it('with no clear day since the start: startDate', () => {
    expect(episodeStart(aCaseFile({ asOf: '2026-03-04', tenancy: { startDate: '2026-03-02' }, transactions: [aCharge('2026-03-02')] }))).toBe('2026-03-02');
  });

  it('never looks before startDate, though an opening balance dated earlier counts', () => {
    const caseFile = aCaseFile({
      asOf: '2026-03-04',
      tenancy: { startDate: '2026-03-02' },
      transactions: [aTransaction('adjustment', '2026-01-01', 5000), aCharge('2026-03-02'), aPayment('2026-03-02')],
    });
    expect(episodeStart(caseFile)).toBe('2026-03-02');
  });

  it('a day whose balance is 0 ends it; the episode starts the next day', () => {
    const caseFile = aCaseFile({
      asOf: '2026-03-20',
      tenancy: { startDate: '2026-01-05' },
      transactions: [aCharge('2026-03-02'), aPayment('2026-03-04'), aCharge('2026-03-09'), aPayment('2026-03-10', 5000), aCharge('2026-03-16')],
    });
    expect(episodeStart(caseFile)).toBe('2026-03-09');
  });

  it('Housing Benefit in transit keeps days clear', () => {
    const tx: Transaction[] = [];
    for (let d = '2026-01-05'; d <= '2026-03-30'; d = addDays(d, 7)) tx.push(aCharge(d));
    tx.push(anHbCredit('2026-02-04', 40000, '2026-02-01'));
    const caseFile = aCaseFile({ asOf: '2026-04-01', tenancy: { startDate: '2026-01-05' }, transactions: tx, benefits: [aBenefit({ from: '2026-01-05' })] });
    // HB expected 03-04, grace to 03-11: day 03-11 has 6 weeks charged since 02-01 minus... balance vs cap 5 weeks
    expect(episodeStart(caseFile)).toBe(episodeStartByDefinition(caseFile));
  });

  it('agrees with the day-by-day definition on many generated histories', () => {
    const { next: random } = seededRandom(12345);
    for (let run = 0; run < 150; run++) {
      const tx: Transaction[] = [];
      const start = addDays('2024-01-01', Math.floor(random() * 60));
      const asOf = addDays('2025-06-01', Math.floor(random() * 60));
      const payEvery = [7, 7, 14, 28, 30][Math.floor(random() * 5)] as number;
      const payRatio = 0.85 + random() * 0.3;
      for (let d = '2023-12-25'; d <= asOf; d = addDays(d, 7)) if (random() > 0.05) tx.push(aCharge(d, 9000));
      for (let d = addDays(start, Math.floor(random() * 5)); d <= asOf; d = addDays(d, payEvery + (random() < 0.2 ? 3 : 0))) {
        if (random() > 0.15) tx.push(aPayment(d, Math.round((9000 * payEvery * payRatio) / 7)));
      }
      const hbFrom = addDays(start, 100);
      if (random() < 0.4) for (let d = addDays(hbFrom, 30); d <= asOf; d = addDays(d, 28)) if (random() > 0.2) tx.push(anHbCredit(d, 20000, addDays(d, -3)));
      const caseFile = aCaseFile({
        asOf,
        tenancy: { startDate: start },
        charges: random() < 0.5 ? [{ from: '2023-12-25', weeklyPence: 9000 }] : [],
        rentFreeWeeks: ['2024-12-23', '2024-12-30'],
        transactions: tx,
        benefits: random() < 0.5 ? [aBenefit({ from: hbFrom, weeklyPence: 5000, paidEveryWeeks: 4 })] : [],
      });
      expect(episodeStart(caseFile), `run ${run}`).toBe(episodeStartByDefinition(caseFile));
    }
  });
});
