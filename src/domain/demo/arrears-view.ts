/**
 * The demo's own reading of an account's arrears, day by day, following recovery policy §1 closely
 * enough to place the officers' past actions where the arrears justify them and to check that each
 * generated story ends in the state it was written for. It is not the assessment engine.
 */
import type { AccountSimulation, SimTx } from './account-simulation';
import { addMonthsDay } from './account-simulation';

export interface HousingBenefitPosition {
  from: number;
  weeklyPence: number;
  paidEveryWeeks: number;
}

export interface UniversalCreditPosition {
  from: number;
  monthlyHousingPence: number;
}

/** The benefit entries as they stand on asOf (the policy uses them for every day). */
export interface BenefitPositions {
  housingBenefit: HousingBenefitPosition | null;
  universalCreditToLandlord: UniversalCreditPosition | null;
}

export interface ArrearsView {
  base: number;
  last: number;
  /** Real arrears (pence) at the end of each day from `base` to `last`. */
  real: Float64Array;
  /** Payments in transit (the sum of the three parts, not capped by the arrears) at the end of each day
   * with a debit balance, and on the last day (0 on other days). */
  transit: Float64Array;
  /** Weeks in arrears on a day (real arrears / weekly charge, rounded half-up to 2 decimals). */
  weeks(day: number): number;
  realOn(day: number): number;
  cashOn(day: number): number;
  /** First day of the arrears episode running on `day` (null when there are no real arrears that day). */
  episodeStartOn(day: number): number | null;
}

export function roundWeeks(realPence: number, weeklyPence: number): number {
  if (weeklyPence <= 0) return 0;
  return Math.floor((realPence * 100) / weeklyPence + 0.5) / 100;
}

interface PaymentPoint {
  day: number;
  amount: number;
}

export function arrearsView(sim: AccountSimulation, benefits: BenefitPositions, startDay: number): ArrearsView {
  const base = sim.base;
  const last = sim.last;
  const n = Math.max(0, last - base + 1);
  const real = new Float64Array(n);
  const transitByDay = new Float64Array(n);
  const txs = sim.sortedTxs();
  let ti = 0;
  let lastHb: SimTx | null = null;
  let lastUc: SimTx | null = null;
  let ucNextDeadline = 0;
  const payments: PaymentPoint[] = [];
  let monthlyCache: { key: number; fits: boolean } = { key: -1, fits: false };
  const hb = benefits.housingBenefit;
  const uc = benefits.universalCreditToLandlord;
  const ucWeekly = uc ? Math.round((uc.monthlyHousingPence * 12) / 52) : 0;
  const ucNoCreditUntil = uc ? addMonthsDay(uc.from, 1) + 12 : 0;

  for (let d = base; d <= last; d++) {
    while (ti < txs.length && (txs[ti] as SimTx).day <= d) {
      const t = txs[ti++] as SimTx;
      if (t.kind === 'benefit' && t.amount < 0) {
        if (t.method === 'housing_benefit') {
          if (!lastHb || t.day > lastHb.day || (t.periodTo ?? 0) >= (lastHb.periodTo ?? 0)) lastHb = t;
        } else if (t.method === 'uc_housing_costs') {
          lastUc = t;
          ucNextDeadline = addMonthsDay(t.day, 1) + 5;
        }
      } else if (t.kind === 'payment' && t.amount < 0) {
        payments.push({ day: t.day, amount: -t.amount });
        if (payments.length > 3) payments.shift();
      }
    }
    const cash = sim.cash[d - base] as number;
    if (d < startDay || (cash <= 0 && d !== last)) {
      // no arrears to explain (the transit is only needed where there are, and on the last day)
      real[d - base] = 0;
      continue;
    }
    let transit = 0;
    // 1. Housing Benefit.
    if (hb && hb.from <= d) {
      const every = hb.paidEveryWeeks || 1;
      const cap = hb.weeklyPence * (every + 1);
      if (lastHb) {
        if (d <= lastHb.day + 7 * every + 7) {
          const from = lastHb.periodTo ?? lastHb.day - 1;
          transit += Math.min(cap, hb.weeklyPence * sim.chargedWeeks(from, d));
        }
      } else if (d <= hb.from + 7 * (every + 1)) {
        transit += Math.min(cap, hb.weeklyPence * sim.chargedWeeks(hb.from - 1, d));
      }
    }
    // 2. Universal Credit paid to the landlord.
    if (uc && uc.from <= d) {
      const cap = 6 * ucWeekly;
      if (lastUc) {
        if (d <= ucNextDeadline) transit += Math.min(cap, ucWeekly * sim.chargedWeeks(lastUc.day - 7, d));
      } else if (d <= ucNoCreditUntil) {
        transit += Math.min(cap, ucWeekly * sim.chargedWeeks(uc.from - 1, d));
      }
    }
    // 3. A regular payer.
    if (payments.length === 3) {
      const [p1, p2, p3] = payments as [PaymentPoint, PaymentPoint, PaymentPoint];
      const g1 = p2.day - p1.day;
      const g2 = p3.day - p2.day;
      const weekly = sim.weeklyChargeOn(d);
      let weeksPer = 0;
      let next = 0;
      let intervalCharge = 0;
      let capWeeks = 0;
      if (Math.abs(g1 - 7) <= 1 && Math.abs(g2 - 7) <= 1) {
        weeksPer = 1;
      } else if (Math.abs(g1 - 14) <= 2 && Math.abs(g2 - 14) <= 2) {
        weeksPer = 2;
      } else if (Math.abs(g1 - 28) <= 2 && Math.abs(g2 - 28) <= 2) {
        weeksPer = 4;
      } else {
        if (monthlyCache.key !== p3.day * 100000 + p1.day) {
          const fits = Math.abs(p2.day - addMonthsDay(p1.day, 1)) <= 3 && Math.abs(p3.day - addMonthsDay(p2.day, 1)) <= 3;
          monthlyCache = { key: p3.day * 100000 + p1.day, fits };
        }
        if (monthlyCache.fits) weeksPer = -1;
      }
      if (weeksPer > 0) {
        intervalCharge = weekly * weeksPer;
        next = p3.day + 7 * weeksPer;
        capWeeks = weeksPer;
      } else if (weeksPer === -1) {
        intervalCharge = Math.round((weekly * 52) / 12);
        next = addMonthsDay(p3.day, 1);
        capWeeks = 5;
      }
      if (weeksPer !== 0 && payments.every((p) => 10 * p.amount >= 9 * intervalCharge) && d <= next + 3) {
        transit += Math.min(capWeeks * weekly, weekly * sim.chargedWeeks(p3.day, d));
      }
    }
    transitByDay[d - base] = transit;
    real[d - base] = cash <= 0 ? 0 : cash - Math.min(cash, transit);
  }

  const realOn = (day: number) => (day < base ? 0 : (real[Math.min(day, last) - base] as number));
  return {
    base,
    last,
    real,
    transit: transitByDay,
    realOn,
    cashOn: (day: number) => sim.cashOn(day),
    weeks: (day: number) => roundWeeks(realOn(day), sim.weeklyChargeOn(day)),
    episodeStartOn(day: number) {
      if (realOn(day) <= 0) return null;
      for (let d = day - 1; d >= Math.max(base, startDay); d--) {
        if ((real[d - base] as number) <= 0) return d + 1;
      }
      return Math.max(startDay, base > startDay ? base : startDay);
    },
  };
}
