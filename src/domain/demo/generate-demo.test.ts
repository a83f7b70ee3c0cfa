import { describe, expect, it } from 'vitest';
import { addDays, isBusinessDate, isMonday, mondayOnOrBefore } from '../calendar/business-date';
import { chargeIdempotencyKey, chargesDue, type ChargeScheduleEntry } from '../rent/charges-due';
import { createDemoLandlord, demoHistoryStart, demoPatchCount, demoScenarioNames } from './generate-demo';
import { ARUDD_REFER_TO_PAYER } from './payers';
import { EVERY_STORY_FROM, SCENARIOS, scenarioQuotas } from './scenarios';
import type { DemoTenancy } from './types';

const AS_OF = '2026-11-23';

// One middling landlord, generated once for the whole file.
let cached: { tenancies: DemoTenancy[]; rentFreeWeeks: string[] } | null = null;
function landlord(): { tenancies: DemoTenancy[]; rentFreeWeeks: string[] } {
  if (!cached) {
    const l = createDemoLandlord({ tenancies: 700, seed: 11, asOf: AS_OF });
    cached = { tenancies: [...l.tenancies()], rentFreeWeeks: l.rentFreeWeeks };
  }
  return cached;
}

describe('the demo landlord is deterministic', () => {
  it('gives the same tenancies for the same seed and asOf', () => {
    const a = createDemoLandlord({ tenancies: 80, seed: 3, asOf: AS_OF });
    const b = createDemoLandlord({ tenancies: 80, seed: 3, asOf: AS_OF });
    expect([...b.tenancies()]).toEqual([...a.tenancies()]);
    // and each tenancy on its own, in any order
    expect(b.tenancy(57)).toEqual(a.tenancy(57));
  });

  it('gives another landlord for another seed', () => {
    const a = [...createDemoLandlord({ tenancies: 40, seed: 1, asOf: AS_OF }).tenancies()];
    const b = [...createDemoLandlord({ tenancies: 40, seed: 2, asOf: AS_OF }).tenancies()];
    expect(b.map((t) => t.tenants[0]?.name)).not.toEqual(a.map((t) => t.tenants[0]?.name));
    expect(b.map((t) => t.balancePence)).not.toEqual(a.map((t) => t.balancePence));
  });

  it('refuses options that make no landlord', () => {
    expect(() => createDemoLandlord({ tenancies: 0, seed: 1, asOf: AS_OF })).toThrow(RangeError);
    expect(() => createDemoLandlord({ tenancies: 10, seed: 1.5, asOf: AS_OF })).toThrow(RangeError);
    expect(() => createDemoLandlord({ tenancies: 10, seed: 1, asOf: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('patches, people and places', () => {
  it('always has at least two patches, of about 1,800 homes', () => {
    expect(demoPatchCount(1)).toBe(2);
    expect(demoPatchCount(60)).toBe(2);
    expect(demoPatchCount(5000)).toBe(3);
    expect(demoPatchCount(18000)).toBe(10);
    const small = createDemoLandlord({ tenancies: 3, seed: 1, asOf: AS_OF });
    expect(small.patches.length).toBe(2);
    expect(new Set([...small.tenancies()].map((t) => t.property.patchIndex)).size).toBe(2);
  });

  it('uses obviously fictional names, addresses, postcodes, phone numbers and e-mail addresses', () => {
    for (const t of landlord().tenancies) {
      expect(t.ref).toMatch(/^TEN-\d{6}$/);
      expect(t.paymentReference).toMatch(/^\d{7}$/);
      expect(t.property.postcode).toMatch(/^ZZ\d{1,2} \d[ABDEFGHJLNPQRSTUWXYZ]{2}$/);
      expect(t.property.address).toMatch(/, Testbury$/);
      for (const p of t.tenants) {
        if (p.phone) expect(p.phone).toMatch(/^(07700 900|01632 960)\d{3}$/);
        if (p.email) expect(p.email).toMatch(/@example\.(com|org|net)$/);
        if (p.forwardingAddress) expect(p.forwardingAddress).toMatch(/ZZ9\d /);
      }
    }
    const all = landlord().tenancies;
    expect(new Set(all.map((t) => t.ref)).size).toBe(all.length);
    expect(new Set(all.map((t) => t.paymentReference)).size).toBe(all.length);
    expect(all.filter((t) => t.tenants.length === 2).length).toBeGreaterThan(all.length * 0.15);
    expect(all.filter((t) => t.tenants.some((p) => p.email)).length).toBeGreaterThan(all.length * 0.25);
  });
});

describe('dates and money', () => {
  it('puts every rent-free week on a Monday', () => {
    const { rentFreeWeeks } = landlord();
    expect(rentFreeWeeks.length).toBeGreaterThanOrEqual(20);
    for (const m of rentFreeWeeks) expect(isMonday(m)).toBe(true);
  });

  it('dates everything on real days, no earlier than the tenancy and no later than asOf', () => {
    const bad: string[] = [];
    for (const t of landlord().tenancies) {
      if (!isBusinessDate(t.startDate)) bad.push(`${t.ref} start ${t.startDate}`);
      if (t.endDate !== null && !(t.endDate <= AS_OF && t.endDate > t.startDate && t.endReason !== null)) bad.push(`${t.ref} end ${t.endDate}`);
      for (const x of t.transactions) {
        if (!isBusinessDate(x.date) || x.date < t.startDate || x.date > AS_OF) bad.push(`${t.ref} transaction ${x.date}`);
        if (x.periodFrom !== null && !(isBusinessDate(x.periodFrom) && isBusinessDate(x.periodTo))) bad.push(`${t.ref} period ${x.periodFrom}`);
      }
      for (const e of t.events) if (!isBusinessDate(e.date) || e.date < t.startDate || e.date > AS_OF) bad.push(`${t.ref} event ${e.type} ${e.date}`);
      for (const c of t.charges) if (c.effectiveFrom < t.startDate) bad.push(`${t.ref} charge from ${c.effectiveFrom}`);
      if (t.chargedTo !== null && !isMonday(t.chargedTo)) bad.push(`${t.ref} charged to ${t.chargedTo}`);
    }
    expect(bad).toEqual([]);
  });

  it('keeps every amount in whole pence, with unique compact idempotency keys', () => {
    const keys = new Set<string>();
    let rows = 0;
    const bad: string[] = [];
    for (const t of landlord().tenancies) {
      let balance = 0;
      for (const x of t.transactions) {
        if (!Number.isSafeInteger(x.amountPence) || x.amountPence === 0) bad.push(`${t.ref} amount ${x.amountPence}`);
        if (x.idempotencyKey.length > 32) bad.push(`${t.ref} key ${x.idempotencyKey}`);
        keys.add(x.idempotencyKey);
        balance += x.amountPence;
        rows += 1;
      }
      if (balance !== t.balancePence) bad.push(`${t.ref} balance`);
      for (const c of t.charges) if (!Number.isSafeInteger(c.weeklyPence) || c.weeklyPence <= 0) bad.push(`${t.ref} weekly ${c.weeklyPence}`);
      for (const b of t.benefits) {
        if (b.weeklyPence !== null && !Number.isSafeInteger(b.weeklyPence)) bad.push(`${t.ref} benefit weekly`);
        if (b.monthlyHousingPence !== null && !Number.isSafeInteger(b.monthlyHousingPence)) bad.push(`${t.ref} benefit monthly`);
      }
    }
    expect(bad).toEqual([]);
    expect(keys.size).toBe(rows);
  });

  it('posts exactly the weekly charges the daily run would (chargesDue), up to the charge position', () => {
    const { tenancies, rentFreeWeeks } = landlord();
    const rentFree = new Set(rentFreeWeeks);
    const historyStart = demoHistoryStart(AS_OF);
    for (const t of tenancies) {
      const schedule: ChargeScheduleEntry[] = t.charges.map((c) => ({ subAccount: c.subAccount, effectiveFrom: c.effectiveFrom, weeklyPence: c.weeklyPence }));
      // an older tenancy's ledger starts at the history start (an old former tenancy's, in its last months)
      const firstCharge = t.transactions.find((x) => x.kind === 'charge')?.date ?? t.startDate;
      const ledgerStart = t.endDate !== null && t.endDate < historyStart ? mondayOnOrBefore(firstCharge) : historyStart;
      const chargedTo = ledgerStart > t.startDate ? addDays(ledgerStart, -7) : null;
      const due = chargesDue({ startDate: t.startDate, endDate: t.endDate, schedule, rentFreeWeeks: rentFree }, chargedTo, AS_OF);
      const expected = due.map((d) => [d.businessDate, d.subAccount, d.amountPence, chargeIdempotencyKey(t.id, d.subAccount, d.weekCommencing)]);
      const actual = t.transactions.filter((x) => x.kind === 'charge').map((x) => [x.date, x.subAccount, x.amountPence, x.idempotencyKey]);
      expect(actual).toEqual(expected);
      // nothing left for the daily run to post on asOf
      if (t.chargedTo !== null) expect(chargesDue({ startDate: t.startDate, endDate: t.endDate, schedule, rentFreeWeeks: rentFree }, t.chargedTo, AS_OF)).toEqual([]);
    }
  });

  it('links each returned direct debit to the payment it reverses', () => {
    let reversals = 0;
    for (const t of landlord().tenancies) {
      t.transactions.forEach((x, i) => {
        if (x.kind !== 'reversal') return;
        reversals += 1;
        expect(x.reversesIndex).not.toBeNull();
        const payment = t.transactions[x.reversesIndex as number];
        expect(x.reversesIndex as number).toBeLessThan(i);
        expect(payment?.kind).toBe('payment');
        expect(payment?.method).toBe('direct_debit');
        expect(x.amountPence).toBe(-(payment?.amountPence ?? 0));
        expect(x.reason).toBe(ARUDD_REFER_TO_PAYER);
        expect(x.date > (payment?.date ?? '')).toBe(true);
      });
    }
    expect(reversals).toBeGreaterThan(5);
  });
});

describe('benefits and events', () => {
  it('records Housing Benefit four-weekly in arrears and Universal Credit by assessment period', () => {
    const all = landlord().tenancies;
    let hbCredits = 0;
    let ucCredits = 0;
    for (const t of all) {
      for (const b of t.benefits) {
        if (b.type === 'housing_benefit') {
          expect(b.paidEveryWeeks).toBe(4);
          expect(b.weeklyPence).toBeGreaterThan(0);
        } else {
          expect(b.monthlyHousingPence).toBeGreaterThan(0);
          expect(b.assessmentPeriodStartDay).toBeGreaterThanOrEqual(1);
          expect(['landlord', 'tenant']).toContain(b.housingCostsTo);
        }
      }
      for (const x of t.transactions) {
        if (x.method === 'housing_benefit') {
          hbCredits += 1;
          expect(x.kind).toBe('benefit');
          expect(x.periodFrom !== null && x.periodTo !== null && x.periodTo < x.date).toBe(true);
        }
        if (x.method === 'uc_housing_costs') ucCredits += 1;
      }
    }
    expect(hbCredits).toBeGreaterThan(100);
    expect(ucCredits).toBeGreaterThan(100);
    expect(all.some((t) => t.benefits.some((b) => b.status === 'claimed' && b.evidenceComplete === true)) || all.length < 1000).toBe(true);
  });

  it('writes events with the case-file fields', () => {
    const types = new Set<string>();
    for (const t of landlord().tenancies) {
      for (const e of t.events) {
        types.add(e.type);
        expect(e.details).not.toHaveProperty('date');
        expect(e.details).not.toHaveProperty('type');
        if (e.type === 'action') expect(typeof e.details.action).toBe('string');
        if (e.type === 'arrangement') expect(Number.isSafeInteger(e.details.instalmentPence)).toBe(true);
        if (e.type === 'eviction_scheduled') expect(isBusinessDate(e.details.evictionDate)).toBe(true);
        if (e.type === 'notice_served') expect(['nosp', 'section_128', 'notice_to_quit']).toContain(e.details.notice);
        if (e.type === 'contact') expect(typeof e.details.channel === 'string' && typeof e.details.outcome === 'string').toBe(true);
      }
    }
    for (const type of ['action', 'contact', 'pre_action', 'arrangement', 'notice_served', 'claim_issued', 'court_order', 'warrant_requested', 'eviction_scheduled', 'breathing_space', 'vulnerability', 'psed_assessment', 'dispute', 'agency_referral']) {
      expect(types).toContain(type);
    }
  });
});

describe('proportions', () => {
  it('tells every story in a landlord of any size from EVERY_STORY_FROM, in realistic shares', () => {
    for (const total of [1, 60, EVERY_STORY_FROM, 5000]) {
      const quotas = scenarioQuotas(total);
      expect(quotas.reduce((a, b) => a + b, 0)).toBe(total);
      if (total >= EVERY_STORY_FROM) expect(quotas.every((q) => q >= 1)).toBe(true);
    }
    const names = demoScenarioNames({ tenancies: 5000, seed: 1 });
    const count = (name: string) => names.filter((n) => n === name).length;
    expect(count('paid_up') + count('in_credit') + count('late_but_steady')).toBeGreaterThan(0.75 * 5000);
    expect(SCENARIOS.filter((s) => s.former).reduce((n, s) => n + count(s.name), 0) / 5000).toBeGreaterThan(0.04);
    expect(count('former_statute_barred')).toBeGreaterThanOrEqual(1);
    expect(count('eviction')).toBeGreaterThanOrEqual(1);
  });

  it('has most accounts clear, arrears a few per cent of the annual debit, and every kind of payer', () => {
    const all = landlord().tenancies;
    const current = all.filter((t) => t.endDate === null);
    const clear = current.filter((t) => t.realArrearsPence <= 0).length / current.length;
    expect(clear).toBeGreaterThan(0.7);
    expect(clear).toBeLessThan(0.92);
    const arrears = current.reduce((n, t) => n + Math.max(0, t.balancePence), 0);
    const debit = current.reduce((n, t) => n + t.weeklyChargePence * 50, 0);
    expect(arrears / debit).toBeGreaterThan(0.015);
    expect(arrears / debit).toBeLessThan(0.045);
    const fellBack = all.filter((t) => t.fellBack).length;
    expect(fellBack).toBeLessThanOrEqual(all.length * 0.01);
    const profiles = all.map((t) => t.paymentProfile).join('\n');
    for (const m of ['direct_debit', 'standing_order', 'debit_card', 'payment_card', 'cash', 'housing_benefit full', 'housing_benefit partial', 'universal_credit managed', 'universal_credit to tenant']) {
      expect(profiles).toContain(m);
    }
    const tenures = new Set(all.map((t) => t.tenure));
    for (const tenure of ['secure', 'introductory', 'flexible', 'licence']) expect(tenures).toContain(tenure);
    expect(all.filter((t) => t.endDate !== null).length).toBeGreaterThan(20);
    expect(all.some((t) => t.charges.some((c) => c.subAccount === 'service_charge'))).toBe(true);
    // introductory tenancies started within the last year
    for (const t of all.filter((x) => x.tenure === 'introductory' && x.endDate === null)) expect(t.startDate > '2025-11-23').toBe(true);
  });
});
