import { describe, expect, it } from 'vitest';
import { addDays, addMonths, mondayOnOrBefore } from '../calendar/business-date';
import { assessCase } from '../assessment/assess-case';
import type { BenefitEntry, CaseEvent, CaseFile, Transaction } from './case-file';
import { compactCaseFile, lastClearDateOf } from './compact-history';
import { aBenefit, aCaseFile, anEvent, anHbCredit, aPayment, aTransaction, aUcCredit } from '../../../test/builders/case-file';
import { seededRandom } from '../../../test/builders/seeded-random';

/** The case with a payment on asOf leaving it zero or `credit` pence in credit at the end of the day. */
function clearOnAsOf(c: CaseFile, credit: number): CaseFile {
  const bal = c.transactions.filter((t) => t.date <= c.asOf).reduce((s, t) => s + t.amountPence, 0);
  return { ...c, transactions: [...c.transactions, aPayment(c.asOf, Math.max(1, bal + credit))] };
}

/**
 * A history built to find a look-back the horizon's margin does not cover: long credit spells and paying
 * ahead, payments ending long before asOf, HB every 1, 2 or 4 weeks (some without a period), UC to the
 * landlord or the tenant, large reversals, refunds, write-offs, charges and credits up to seven years back,
 * rent-free weeks, charges stopping early or posted on other days, old arrangements, notices, claims, orders
 * of every kind, evictions, breathing spaces, disputes, vulnerabilities and acknowledgments, former
 * tenancies with arrangements and letters after the end, and (a quarter) a schedule starting after asOf.
 */
function adversarial(seed: number): CaseFile {
  const r = seededRandom(seed);
  const ends = r.next() < 0.35;
  const start = mondayOnOrBefore(addDays(ends ? '2016-01-04' : '2019-01-07', r.int(900)));
  const asOf = addDays('2026-06-01', r.int(170));
  const endDate = ends ? addDays(start, 200 + r.int(2600)) : (r.next() < 0.1 ? addDays(asOf, r.int(60)) : null);
  const weekly = 8000 + r.int(6000);
  const futureOnly = r.next() < 0.25; // a schedule whose only entry starts after asOf
  const charges = futureOnly ? [{ from: addDays(asOf, 1 + r.int(90)), weeklyPence: weekly + 500 }] : [{ from: start, weeklyPence: weekly }, { from: '2025-04-07', weeklyPence: weekly + 300 }];
  const rentFree = new Set<string>();
  if (r.next() < 0.5) { const m = mondayOnOrBefore(addDays(asOf, -r.int(120))); const n = 1 + r.int(8); for (let i = 0; i < n; i++) rentFree.add(addDays(m, 7 * i)); }
  const chargeStop = r.next() < 0.3 ? addDays(asOf, -(30 + r.int(200))) : asOf;
  const tx: Transaction[] = [];
  for (let d = start; d <= asOf && d <= chargeStop; d = addDays(d, 7)) if (!rentFree.has(d) && (endDate === null || d <= endDate)) tx.push(aTransaction('charge', d, d >= '2025-04-07' ? weekly + 300 : weekly));
  if (r.next() < 0.2) for (let d = addDays(start, 3); d <= asOf; d = addMonths(d, 1)) tx.push(aTransaction('charge', d, 100 + r.int(500))); // non-Monday charges
  const pattern = r.pick(['weekly', 'fortnightly', 'four_weekly', 'monthly', 'irregular', 'hb', 'uc', 'ahead'] as const);
  const benefits: BenefitEntry[] = [];
  const payEnd = r.next() < 0.4 ? addDays(asOf, -(40 + r.int(400))) : asOf;
  if (pattern === 'hb') {
    benefits.push(aBenefit({ from: start, weeklyPence: weekly - r.int(2000), paidEveryWeeks: r.pick([1, 2, 4]) }));
    for (let d = addDays(start, 25); d <= payEnd; d = addDays(d, 28)) tx.push(anHbCredit(d, weekly * 4, r.next() < 0.3 ? null : addDays(d, -r.int(10))));
    if (r.next() < 0.5) tx.push(anHbCredit(addDays(payEnd, -r.int(30)), 100 + r.int(weekly), addDays(payEnd, 5)));
  } else if (pattern === 'uc') {
    benefits.push(aBenefit({ type: 'universal_credit', from: start, housingCostsTo: r.pick(['landlord', 'tenant']), monthlyHousingPence: Math.round((weekly * 52) / 12), weeklyPence: null, paidEveryWeeks: null, assessmentPeriodStartDay: 15 }));
    for (let d = addMonths(start, 1); d <= payEnd; d = addMonths(d, 1)) tx.push(aUcCredit(d, Math.round((weekly * 52) / 12)));
  }
  if (r.next() < 0.15) benefits.push(aBenefit({ type: r.pick(['housing_benefit', 'universal_credit']), status: r.pick(['claimed', 'suspended']), from: addDays(asOf, -r.int(400)), evidenceComplete: r.next() < 0.5 } ));
  const every = pattern === 'weekly' || pattern === 'ahead' ? 7 : pattern === 'fortnightly' ? 14 : pattern === 'four_weekly' ? 28 : 0;
  const share = pattern === 'ahead' ? 1.3 : r.pick([1, 1, 0.9, 0.6, 1.1, 2]);
  if (every > 0) for (let d = addDays(start, r.int(7)); d <= payEnd; d = addDays(d, every)) tx.push(aPayment(d, Math.round(weekly * (every / 7) * share)));
  if (pattern === 'monthly') for (let d = addDays(start, 10); d <= payEnd; d = addMonths(d, 1)) tx.push(aPayment(d, Math.round((weekly * 52 / 12) * share)));
  if (pattern === 'irregular' || pattern === 'hb' || pattern === 'uc') for (let d = addDays(start, r.int(20)); d <= payEnd; d = addDays(d, 3 + r.int(40))) if (r.next() < 0.6) tx.push(aPayment(d, 1000 + r.int(weekly * 2)));
  for (let i = 0; i < 6; i++) {
    const d = addDays(asOf, -r.int(2500));
    if (d < start) continue;
    const kind = r.pick(['reversal', 'adjustment', 'court_costs', 'refund', 'write_off', 'charge', 'payment', 'benefit'] as const);
    const amt = (r.next() < 0.5 ? 1 : -1) * (1000 + r.int(200000));
    tx.push(aTransaction(kind, d, amt, kind === 'benefit' ? { method: r.pick(['housing_benefit', 'uc_housing_costs']) } : {}));
  }
  const ev: CaseEvent[] = [];
  const old = () => addDays(asOf, -(36 + r.int(1500)));
  if (r.next() < 0.4) ev.push(anEvent('action', old(), { action: r.pick(['send_letter_1', 'serve_notice', 'review_arrangement', 'send_fta_letter']) }));
  if (r.next() < 0.3) ev.push(anEvent('arrangement', old(), { instalmentPence: 500 + r.int(3000), frequency: r.pick(['weekly', 'monthly']) }));
  if (r.next() < 0.3) ev.push(anEvent('notice_served', old(), { notice: r.pick(['nosp', 'section_8']) }));
  if (r.next() < 0.2) ev.push(anEvent('claim_issued', old(), {}));
  if (r.next() < 0.2) ev.push(anEvent('court_order', old(), { order: r.pick(['suspended', 'outright', 'postponed', 'adjourned_on_terms', 'dismissed']), instalmentPence: 300 + r.int(2000), frequency: 'weekly', possessionDate: addDays(asOf, r.int(100) - 50) }));
  if (r.next() < 0.1) ev.push(anEvent('eviction_scheduled', old(), { evictionDate: addDays(asOf, r.int(40)) }));
  if (r.next() < 0.2) ev.push(anEvent('breathing_space', old(), { kind: r.pick(['standard', 'mental_health']) }));
  if (r.next() < 0.2) ev.push(anEvent('vulnerability', old(), { flag: 'mental_health' }));
  if (r.next() < 0.2) ev.push(anEvent('acknowledgment', old(), {}));
  if (r.next() < 0.2) ev.push(anEvent('dispute', old(), {}));
  if (endDate !== null && endDate <= asOf) {
    if (r.next() < 0.5) ev.push(anEvent('arrangement', addDays(endDate, 1 + r.int(100)), { instalmentPence: 500 + r.int(2000), frequency: 'weekly' }));
    if (r.next() < 0.5) ev.push(anEvent('action', addDays(endDate, r.int(90)), { action: 'send_fta_letter' }));
  }
  const events = ev.filter((e) => e.date <= asOf);
  return clearOnAsOf(aCaseFile({ asOf, tenancy: { startDate: start, endDate, endReason: endDate === null ? null : 'moved_out' }, charges, rentFreeWeeks: [...rentFree], transactions: tx, benefits, events }), r.next() < 0.3 ? 0 : 1 + r.int(100000));
}

describe('reading only the recent history of an account clear on asOf itself gives the same assessment', () => {
  it('on 600 adversarial histories: the result and the trace, figure for figure', () => {
    let compacted = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const full = adversarial(seed);
      expect(lastClearDateOf(full.transactions), `seed ${seed}`).toBe(full.asOf);
      const compact = compactCaseFile(full);
      if (compact !== full) compacted++;
      expect(assessCase(compact), `seed ${seed}`).toEqual(assessCase(full));
    }
    // Those with a schedule in force by asOf (three quarters) are compacted.
    expect(compacted).toBeGreaterThan(400);
  });
});
