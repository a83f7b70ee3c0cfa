import { describe, expect, it } from 'vitest';
import { addDays, addMonths, mondayOnOrBefore, type BusinessDate } from '../calendar/business-date';
import { assessCase } from '../assessment/assess-case';
import type { CaseEvent, CaseFile, Transaction } from './case-file';
import { compactCaseFile, historyHorizon, lastClearDateOf, openingTransactions, totalsOf, HISTORY_MARGIN_DAYS } from './compact-history';
import { aBenefit, aCaseFile, anEvent, anHbCredit, aPayment, aTransaction, aUcCredit } from '../../../test/builders/case-file';
import { loadExampleCases } from '../../../test/builders/example-cases';
import { parseCaseFile } from './parse-case-file';
import { seededRandom } from '../../../test/builders/seeded-random';


/** A varied history: rent changes, payers of every pattern with gaps, HB and UC, reversals, court costs, events. */
function generatedCase(seed: number): CaseFile {
  const r = seededRandom(seed);
  // About a third of the tenancies have ended (former tenancies, some long enough ago to be statute-barred).
  const ends = r.next() < 0.35;
  const start: BusinessDate = mondayOnOrBefore(addDays(ends ? '2017-01-02' : '2020-01-06', r.int(700)));
  const asOf: BusinessDate = addDays('2026-06-01', r.int(170));
  const endDate: BusinessDate | null = ends ? addDays(start, 200 + r.int(2400)) : null;
  const weekly = 8000 + r.int(6000);
  const rise = 200 + r.int(600);
  const charges = [
    { from: start, weeklyPence: weekly },
    { from: '2025-04-07', weeklyPence: weekly + rise },
  ];
  const transactions: Transaction[] = [];
  for (let d = start; d <= asOf; d = addDays(d, 7)) transactions.push(aTransaction('charge', d, d >= '2025-04-07' ? weekly + rise : weekly));
  const pattern = r.pick(['weekly', 'fortnightly', 'four_weekly', 'monthly', 'irregular', 'hb', 'uc'] as const);
  const paidShare = r.pick([1, 1, 1, 0.9, 0.6, 1.1, 0]);
  // A gap in payments, often just before asOf (the account went into arrears lately).
  const gapFrom = addDays(asOf, -(r.next() < 0.4 ? 10 + r.int(40) : r.int(400)));
  const gapTo = addDays(gapFrom, r.int(120));
  const inGap = (d: BusinessDate) => d >= gapFrom && d <= gapTo;
  const amount = (weeks: number) => Math.round(weekly * weeks * paidShare * (0.8 + r.next() * 0.4));
  const benefits = [];
  if (pattern === 'hb') {
    benefits.push(aBenefit({ from: start, weeklyPence: weekly, paidEveryWeeks: 4 }));
    for (let d = addDays(start, 25); d <= asOf; d = addDays(d, 28)) if (!inGap(d)) transactions.push(anHbCredit(d, weekly * 4, addDays(d, -4)));
  } else if (pattern === 'uc') {
    benefits.push(aBenefit({ type: 'universal_credit', from: start, housingCostsTo: 'landlord', monthlyHousingPence: Math.round((weekly * 52) / 12), weeklyPence: null, paidEveryWeeks: null, assessmentPeriodStartDay: 15 }));
    for (let d = addMonths(start, 1); d <= asOf; d = addMonths(d, 1)) if (!inGap(d)) transactions.push(aUcCredit(d, Math.round((weekly * 52) / 12)));
  }
  const every = pattern === 'weekly' ? 7 : pattern === 'fortnightly' ? 14 : pattern === 'four_weekly' ? 28 : 0;
  if (every > 0) for (let d = addDays(start, 4 + r.int(3)); d <= asOf; d = addDays(d, every)) { if (!inGap(d) && amount(every / 7) > 0) transactions.push(aPayment(d, amount(every / 7))); }
  if (pattern === 'monthly') for (let d = addDays(start, 10); d <= asOf; d = addMonths(d, 1)) if (!inGap(d) && amount(52 / 12) > 0) transactions.push(aPayment(d, amount(52 / 12)));
  if (pattern === 'irregular' || pattern === 'hb' || pattern === 'uc') for (let d = addDays(start, r.int(20)); d <= asOf; d = addDays(d, 3 + r.int(40))) if (!inGap(d) && r.next() < 0.6) transactions.push(aPayment(d, 1000 + r.int(weekly * 2)));
  for (let i = 0; i < 4; i++) {
    const d = addDays(asOf, -r.int(1500));
    if (d < start) continue;
    const kind = r.pick(['reversal', 'adjustment', 'court_costs', 'refund', 'write_off'] as const);
    const amt = kind === 'court_costs' || kind === 'refund' ? 5000 + r.int(30000) : kind === 'write_off' ? -(1000 + r.int(20000)) : (r.next() < 0.5 ? 1 : -1) * (1000 + r.int(20000));
    transactions.push(aTransaction(kind, d, amt));
  }
  const events: CaseEvent[] = [];
  if (r.next() < 0.4) events.push(anEvent('action', addDays(asOf, -r.int(200)), { action: 'send_letter_1' }));
  if (r.next() < 0.2) events.push(anEvent('arrangement', addDays(asOf, -r.int(300)), { instalmentPence: 500 + r.int(3000), frequency: 'weekly' }));
  if (r.next() < 0.15) events.push(anEvent('notice_served', addDays(asOf, -r.int(500)), { notice: 'nosp' }));
  if (r.next() < 0.1) events.push(anEvent('court_order', addDays(asOf, -r.int(700)), { order: 'suspended', instalmentPence: 300 + r.int(2000), frequency: 'weekly' }));
  if (r.next() < 0.1) events.push(anEvent('breathing_space', addDays(asOf, -r.int(90)), { kind: 'standard' }));
  if (r.next() < 0.1) events.push(anEvent('vulnerability', addDays(asOf, -r.int(900)), { flag: 'mental_health' }));
  if (endDate !== null && endDate < asOf) {
    // No charges after the end; now and then a payment; the former-tenant steps of §7.
    // Sometimes the last months were not charged here (the latest debit well before the end).
    const chargedTo = r.next() < 0.3 ? addDays(endDate, -(70 + r.int(140))) : endDate;
    for (let i = transactions.length - 1; i >= 0; i--) {
      const t = transactions[i]!;
      if ((t.kind === 'charge' && t.date > chargedTo) || (t.date > endDate && r.next() < 0.85)) transactions.splice(i, 1);
    }
    const after = (days: number) => addDays(endDate, r.int(days));
    const inPast = (e: CaseEvent) => e.date <= asOf;
    const former: CaseEvent[] = [];
    if (r.next() < 0.6) former.push(anEvent('action', after(90), { action: 'send_fta_letter' }));
    if (r.next() < 0.25) former.push(anEvent('agency_referral', after(200), r.next() < 0.5 ? { agency: 'trace' } : { agency: 'debt_collection', returnedOn: after(400), result: r.pick(['collected', 'uncollectable']) }));
    if (r.next() < 0.2) former.push(anEvent('acknowledgment', after(600)));
    if (r.next() < 0.2) former.push(anEvent('arrangement', after(300), { instalmentPence: 500 + r.int(2000), frequency: 'weekly' }));
    if (r.next() < 0.3) former.push(anEvent('forwarding_address', after(100)));
    events.push(...former.filter(inPast));
  }
  // File order is not date order.
  for (let i = transactions.length - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [transactions[i], transactions[j]] = [transactions[j]!, transactions[i]!];
  }
  return aCaseFile({ asOf, tenancy: { startDate: start, endDate, endReason: endDate === null ? null : 'moved_out' }, charges, transactions, benefits, events });
}

/**
 * The case with a payment on asOf that leaves it zero or in credit at the end of the day (the latest clear day
 * is asOf itself): now and then exactly zero, otherwise up to £50 in credit.
 */
function clearOnAsOf(caseFile: CaseFile, seed: number): CaseFile {
  const r = seededRandom(seed);
  const balance = caseFile.transactions.filter((t) => t.date <= caseFile.asOf).reduce((sum, t) => sum + t.amountPence, 0);
  const credit = r.next() < 0.2 ? 0 : 1 + r.int(5000);
  return { ...caseFile, transactions: [...caseFile.transactions, aPayment(caseFile.asOf, Math.max(1, balance + credit))] };
}

describe('reading only the recent history gives the same assessment', () => {
  it('opening entries carry every running sum exactly, with entries of the right sign', () => {
    const cases: Parameters<typeof totalsOf>[0][] = [
      [{ kind: 'charge', amountPence: 100 }, { kind: 'charge', amountPence: -150 }, { kind: 'payment', amountPence: -20 }],
      [{ kind: 'court_costs', amountPence: 30000 }, { kind: 'reversal', amountPence: 500 }, { kind: 'reversal', amountPence: -700 }, { kind: 'refund', amountPence: 900 }],
      [{ kind: 'write_off', amountPence: -5000 }, { kind: 'adjustment', amountPence: 40 }],
      [],
    ];
    for (const rows of cases) {
      const totals = totalsOf(rows);
      const opening = openingTransactions(totals, '2026-01-05');
      expect(totalsOf(opening)).toEqual(totals);
      expect(opening.every((t) => t.date === '2026-01-04')).toBe(true);
    }
  });

  it('the horizon: none without a clear day on or before asOf, a Monday at least the margin before it, and before every anchor event', () => {
    const current = { endDate: null, anchorDates: [] };
    expect(historyHorizon({ ...current, asOf: '2026-11-23', lastClearDate: null })).toBeNull();
    // The kept state's latest clear day is after asOf: the latest one on or before asOf is unknown.
    expect(historyHorizon({ ...current, asOf: '2026-11-23', lastClearDate: '2026-11-24' })).toBeNull();
    // Clear on asOf itself: the margin before asOf.
    expect(historyHorizon({ ...current, asOf: '2026-11-23', lastClearDate: '2026-11-23' })).toBe(mondayOnOrBefore(addDays('2026-11-23', -HISTORY_MARGIN_DAYS)));
    const h = historyHorizon({ ...current, asOf: '2026-11-23', lastClearDate: '2026-11-20' })!;
    expect(h <= addDays('2026-11-20', -HISTORY_MARGIN_DAYS)).toBe(true);
    expect(h).toBe(mondayOnOrBefore(h));
    expect(historyHorizon({ ...current, asOf: '2026-11-23', lastClearDate: '2026-11-20', anchorDates: ['2024-03-06'] })).toBe('2024-03-04');
  });

  it('the horizon of a tenancy with an end date: also the margin before the end', () => {
    const former = { asOf: '2026-11-23', lastClearDate: '2026-10-01', anchorDates: [] };
    // The margin before the clear day (2026-08-27 → Monday 2026-08-24) is already before the end.
    expect(historyHorizon({ ...former, endDate: '2026-11-01' })).toBe('2026-08-24');
    // Ended before the clear day: the margin before the end (2025-01-27, a Monday).
    expect(historyHorizon({ ...former, endDate: '2025-03-03' })).toBe('2025-01-27');
    expect(historyHorizon({ ...former, endDate: '2025-03-05' })).toBe('2025-01-27');
  });

  it('lastClearDateOf is the latest date whose end-of-day balance is zero or in credit', () => {
    expect(lastClearDateOf([aTransaction('charge', '2026-01-05', 100), aPayment('2026-01-06', 100), aTransaction('charge', '2026-01-12', 100)])).toBe('2026-01-06');
    expect(lastClearDateOf([aTransaction('charge', '2026-01-05', 100)])).toBeNull();
  });

  it('on 400 generated histories, most of them compacted, the result is the same as from the whole history', () => {
    let compacted = 0;
    let formerCompacted = 0;
    const formerActions = new Set<string>();
    for (let seed = 1; seed <= 400; seed++) {
      const full = generatedCase(seed);
      const compact = compactCaseFile(full);
      const isFormer = full.tenancy.endDate !== null && full.tenancy.endDate <= full.asOf;
      if (isFormer) formerActions.add(assessCase(full).output.recommendation.action);
      if (compact.transactions.length < full.transactions.length) {
        compacted++;
        if (isFormer) formerCompacted++;
      }
      // The result, and the trace figure for figure (its history counts include the summed transactions).
      expect(assessCase(compact), `seed ${seed}`).toEqual(assessCase(full));
    }
    expect(compacted).toBeGreaterThan(100);
    // Former tenancies too, across the rules of §7.
    expect(formerCompacted).toBeGreaterThan(30);
    expect([...formerActions].sort()).toEqual(expect.arrayContaining(['propose_write_off', 'send_fta_letter']));
  });

  it('reads the whole history when no charge schedule entry is in force by asOf (the weekly charge then comes from the latest charged Monday, however old)', () => {
    // Clear on asOf; a suspended order's terms kept only with the regular payer's 10000 in transit, which
    // needs the weekly charge of the Monday charge of 2026-09-07, before any horizon (summed away, it would
    // read as broken: apply_for_warrant).
    const full = aCaseFile({
      asOf: '2026-11-17',
      charges: [{ from: '2027-04-05', weeklyPence: 10500 }],
      transactions: [
        aTransaction('charge', '2026-09-07', 10000),
        aPayment('2026-10-30', 10000),
        aPayment('2026-11-06', 10000),
        aPayment('2026-11-13', 10000),
        aTransaction('adjustment', '2026-11-17', -1),
      ],
      events: [anEvent('court_order', '2026-11-02', { order: 'suspended', instalmentPence: 15000, frequency: 'weekly' })],
    });
    expect(compactCaseFile(full)).toBe(full);
    expect(assessCase(full).output).toMatchObject({ weeklyChargePence: 10000, recommendation: { action: 'monitor_order' } });
    // With an entry in force the schedule gives the charge, and the history is compacted.
    const scheduled = { ...full, charges: [{ from: '2020-01-06', weeklyPence: 10000 }, ...full.charges] };
    expect(compactCaseFile(scheduled).summarised).toMatchObject({ transactionCount: 1 });
    expect(assessCase(compactCaseFile(scheduled))).toEqual(assessCase(scheduled));
  });

  it('on 300 generated histories clear on asOf itself (a payment or credit that day; every fourth with a charge schedule starting after asOf), the result is the same as from the whole history', () => {
    let compacted = 0;
    for (let seed = 1001; seed <= 1300; seed++) {
      const generated = clearOnAsOf(generatedCase(seed), seed);
      const full = seed % 4 === 0 ? { ...generated, charges: [{ from: addDays(generated.asOf, 1 + (seed % 90)), weeklyPence: 9000 }] } : generated;
      expect(lastClearDateOf(full.transactions), `seed ${seed}`).toBe(full.asOf);
      const compact = compactCaseFile(full);
      if (compact.transactions.length < full.transactions.length) compacted++;
      expect(assessCase(compact), `seed ${seed}`).toEqual(assessCase(full));
    }
    expect(compacted).toBeGreaterThan(200);
    expect(compacted).toBeLessThanOrEqual(225);
  });

  it('on the worked examples', () => {
    const examples = loadExampleCases();
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      const parsed = parseCaseFile(example.caseFile);
      if (!parsed.ok) continue; // the examples of invalid input
      expect(assessCase(compactCaseFile(parsed.value)), example.name).toEqual(assessCase(parsed.value));
    }
  });
});
