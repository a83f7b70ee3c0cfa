/**
 * How demo tenants pay: steady payers (weekly, fortnightly, four-weekly or monthly, by direct debit,
 * standing order, card or cash) with optional lateness, occasional missed payments caught up later and
 * direct debits returned unpaid; and the simpler payers of an arrears story (a fraction of the rent, an
 * arrangement, nothing at all).
 */
import type { AccountSimulation, Payer, SimTx } from './account-simulation';
import { addMonthsDay, mondayOf, weekdayOf, workingDayOnOrAfter, workingDaysAfter } from './account-simulation';
import type { Random } from './random';

export type PaymentFrequency = 'weekly' | 'fortnightly' | 'four_weekly' | 'monthly';

export const ARUDD_REFER_TO_PAYER = 'ARUDD 0 refer to payer';

/** Something that happened while paying that an officer would record (turned into case events later). */
export interface PayerMarker {
  day: number;
  kind: 'catch_up_plan' | 'dd_returned' | 'missed';
  instalmentPence?: number;
  frequency?: PaymentFrequency;
  /** The day a catch-up plan is due to finish (its last instalment). */
  endDay?: number;
}

export interface SteadyPayerConfig {
  method: string;
  frequency: PaymentFrequency;
  /** Weekly kinds: days after the block's Monday (0–6). Monthly: the day of the month (1–28). */
  offsetDays: number;
  /** Random lateness added to each payment, 0..jitterDays. */
  jitterDays: number;
  /** Chance that a payment due is missed (then caught up over the next few payments). */
  missRate: number;
  /** Over how many payments a miss is caught up. */
  catchUpPayments: readonly [number, number];
  /** Direct debit: chance a collection comes back unpaid (ARUDD 0). */
  ddFailRate: number;
  /** Paid on top of each payment (a tenant who keeps a credit). */
  overpayPence: number;
  /** No new misses or failures on or after this day (so the story can end clean). */
  quietFrom: number;
  /** Fraction of the due amount actually paid (1 = all; a drifting payer pays a little less). */
  paysFraction: number;
  /** Rent paid in advance (a credit the payer keeps): with the first payment, unless already paid. */
  advancePence: number;
  /** The advance is already on the account (in a balance brought forward). */
  advanceAlreadyPaid: boolean;
  /** A credit beyond this is refunded to the tenant (checked on each payment day; 0 = never). */
  refundAbovePence: number;
}

export function steadyConfig(partial: Partial<SteadyPayerConfig> & Pick<SteadyPayerConfig, 'method' | 'frequency'>): SteadyPayerConfig {
  return {
    offsetDays: 0,
    jitterDays: 0,
    missRate: 0,
    catchUpPayments: [2, 4],
    ddFailRate: 0,
    overpayPence: 0,
    quietFrom: Number.MAX_SAFE_INTEGER,
    paysFraction: 1,
    advancePence: 0,
    advanceAlreadyPaid: false,
    refundAbovePence: 0,
    ...partial,
  };
}

function weeksPerBlock(frequency: PaymentFrequency): number {
  return frequency === 'weekly' ? 1 : frequency === 'fortnightly' ? 2 : frequency === 'four_weekly' ? 4 : 0;
}

/** Weekly charges of the weeks whose Mondays fall in [from, to). */
function sharesBetween(sim: AccountSimulation, from: number, to: number): number {
  let total = 0;
  for (let m = mondayOf(from) + (from === mondayOf(from) ? 0 : 7); m < to; m += 7) {
    const w = sim.weekIndexOfMonday(m);
    if (w !== undefined) total += sim.share(w);
  }
  return total;
}

/** A steady payer: pays what is due on a fixed rhythm, with the configured imperfections. */
export class SteadyPayer implements Payer {
  readonly markers: PayerMarker[] = [];
  private readonly due = new Map<number, number>();
  private owed = 0;
  private catchUpLeft = 0;
  private catchUpPer = 0;
  private planAnnounced = true;
  private advancePaid = false;
  private monthlyAmount = 0;
  private monthlyYearKey = -1;
  private lastMonthlyPayment = -1;
  /** Monthly: the unshifted date of the next collection, and the working day it is paid on. */
  private anchor = -1;
  private nextMonthlyDay = -1;

  constructor(
    private readonly rng: Random,
    readonly config: SteadyPayerConfig,
    /** The rent year of a day (a monthly amount is worked out again once a year). */
    private readonly rentYearKey: (day: number) => number,
  ) {}

  /** Money the payer no longer needs to pay (e.g. a DHP paid their shortfall for a while). */
  credit(amount: number): void {
    this.owed -= amount;
  }

  onDay(sim: AccountSimulation, day: number): void {
    const c = this.config;
    const k = weeksPerBlock(c.frequency);
    if (k > 0) {
      if (weekdayOf(day) === 0 && Math.floor(day / 7) % k === 0) {
        const amount = sharesBetween(sim, day, day + 7 * k);
        const payDay = day + Math.min(7 * k - 1, c.offsetDays + (c.jitterDays > 0 ? this.rng.int(0, c.jitterDays) : 0));
        this.due.set(payDay, (this.due.get(payDay) ?? 0) + amount);
      }
      const amount = this.due.get(day);
      if (amount !== undefined) {
        this.due.delete(day);
        this.payDue(sim, day, amount);
      }
      return;
    }
    // Monthly: a fixed amount, worked out again at the first collection of each rent year.
    if (this.anchor < 0) {
      this.anchor = day;
      while (dayOfMonth(this.anchor) !== c.offsetDays) this.anchor += 1;
      this.nextMonthlyDay = workingDayOnOrAfter(this.anchor);
    }
    if (day !== this.nextMonthlyDay) return;
    const yearKey = this.rentYearKey(day);
    if (yearKey !== this.monthlyYearKey) {
      this.monthlyYearKey = yearKey;
      const w = sim.weekOf(day) ?? sim.weekOf(day - 7) ?? sim.weekOf(day + 7);
      const weeklyShare = w === undefined ? 0 : sim.share(w);
      let trueUp = 0;
      if (this.lastMonthlyPayment >= 0) {
        const expectedOutstanding = Math.round((weeklyShare * (day - this.lastMonthlyPayment)) / 7);
        trueUp = Math.max(-weeklyShare, Math.min(weeklyShare, Math.round((sim.balance - expectedOutstanding + c.advancePence) / 12)));
      }
      // the monthly equivalent (× 52 / 12) in whole pounds; the yearly true-up hands back what that overpays
      this.monthlyAmount = Math.max(0, Math.ceil((weeklyShare * 52) / 1200) * 100 + trueUp);
    }
    this.lastMonthlyPayment = day;
    this.anchor = addMonthsDay(this.anchor, 1);
    this.nextMonthlyDay = workingDayOnOrAfter(this.anchor) + (c.jitterDays > 0 ? this.rng.int(0, c.jitterDays) : 0);
    this.payDue(sim, day, this.monthlyAmount);
  }

  private payDue(sim: AccountSimulation, day: number, dueAmount: number): void {
    const c = this.config;
    if (c.refundAbovePence > 0 && sim.balance < -2 * c.refundAbovePence) {
      const refund = -sim.balance - c.refundAbovePence;
      sim.post(sim.makeTx(day, 'refund', refund, { method: 'bank_transfer', note: 'Credit refunded to the tenant' }));
    }
    let amount = Math.round(dueAmount * c.paysFraction) + c.overpayPence;
    if (!this.advancePaid) {
      this.advancePaid = true;
      if (!c.advanceAlreadyPaid) amount += c.advancePence;
    }
    if (this.owed < 0) {
      // prepaid (e.g. by a DHP): pay less until it is used up
      const use = Math.min(amount, -this.owed);
      amount -= use;
      this.owed += use;
    }
    const quiet = day >= c.quietFrom;
    if (!quiet && amount > 0 && this.rng.chance(c.missRate)) {
      this.owed += amount;
      this.markers.push({ day, kind: 'missed' });
      this.catchUpLeft = this.rng.int(c.catchUpPayments[0], c.catchUpPayments[1]);
      this.catchUpPer = Math.ceil(this.owed / this.catchUpLeft);
      this.planAnnounced = false;
      return;
    }
    if (this.owed > 0) {
      if (this.catchUpLeft <= 0 || quiet) {
        this.catchUpLeft = 1;
        this.catchUpPer = this.owed;
      }
      if (!this.planAnnounced) {
        this.planAnnounced = true;
        if (this.catchUpLeft >= 3) {
          const k = this.catchUpLeft - 1;
          const endDay = c.frequency === 'monthly' ? addMonthsDay(day, k) : day + 7 * weeksPerBlock(c.frequency) * k;
          this.markers.push({ day, kind: 'catch_up_plan', instalmentPence: this.catchUpPer, frequency: c.frequency, endDay });
        }
      }
      const extra = Math.min(this.owed, this.catchUpPer);
      amount += extra;
      this.owed -= extra;
      this.catchUpLeft -= 1;
    }
    if (amount <= 0) return;
    const tx = sim.pay(day, amount, c.method);
    if (tx && c.method === 'direct_debit' && !quiet && this.rng.chance(c.ddFailRate)) {
      const returnDay = workingDaysAfter(day, 3);
      if (returnDay <= sim.last) {
        sim.schedule(sim.makeTx(returnDay, 'reversal', amount, { method: 'direct_debit', reason: ARUDD_REFER_TO_PAYER, reverses: tx, note: 'Direct Debit returned unpaid' }));
        this.markers.push({ day: returnDay, kind: 'dd_returned' });
        // collected again with the next payment
        this.owed += amount;
        this.catchUpLeft = 1;
        this.catchUpPer = this.owed;
        this.planAnnounced = true;
      }
    }
  }
}

export function dayOfMonth(day: number): number {
  // civil day of month from a day number (Howard Hinnant's algorithm, day part only)
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return doy - Math.floor((153 * mp + 2) / 5) + 1;
}

/** Pays a fraction of each week's share, weekly on a fixed weekday (a payer in difficulty; 0 = nothing). */
export class FractionPayer implements Payer {
  constructor(
    private readonly rng: Random,
    private readonly fraction: number,
    private readonly method: string,
    private readonly offsetDays: number,
    /** Chance of skipping a week altogether. */
    private readonly skipRate = 0,
  ) {}

  onDay(sim: AccountSimulation, day: number): void {
    if (this.fraction <= 0 || weekdayOf(day) !== this.offsetDays) return;
    const w = sim.weekOf(day);
    if (w === undefined) return;
    if (this.skipRate > 0 && this.rng.chance(this.skipRate)) return;
    sim.pay(day, Math.round(sim.share(w) * this.fraction), this.method);
  }
}

/**
 * Keeps an arrangement (or a court order's terms): on each instalment date from `startDay` pays the
 * rent share due since the last one plus the instalment, until `stopDay`; nothing after.
 */
export class ArrangementPayer implements Payer {
  private next: number;
  private lastPaid: number;

  constructor(
    private readonly startDay: number,
    private readonly instalmentPence: number,
    private readonly frequency: PaymentFrequency,
    private readonly method: string,
    private readonly stopDay: number = Number.MAX_SAFE_INTEGER,
    /** Days after each instalment date the money arrives (0 = on the day). */
    private readonly lagDays = 0,
    /** Fraction of the rent paid with each instalment (1 = all of it). */
    private readonly rentFraction = 1,
  ) {
    this.next = startDay;
    this.lastPaid = startDay - 7;
  }

  private advance(from: number): number {
    if (this.frequency === 'monthly') return addMonthsDay(from, 1);
    return from + 7 * weeksPerBlock(this.frequency);
  }

  onDay(sim: AccountSimulation, day: number): void {
    if (day < this.startDay + this.lagDays || day >= this.stopDay) return;
    if (day !== this.next + this.lagDays) return;
    const rent = sharesBetween(sim, this.lastPaid + 1, this.next + 1);
    sim.pay(day, Math.round(rent * this.rentFraction) + this.instalmentPence, this.method, null);
    this.lastPaid = this.next;
    this.next = this.advance(this.next);
  }
}

/** Runs a sequence of payers, each from its start day. */
export class PhasedPayer implements Payer {
  constructor(private readonly phases: readonly { from: number; payer: Payer | null }[]) {}

  onDay(sim: AccountSimulation, day: number): void {
    let current: Payer | null = null;
    for (const p of this.phases) if (p.from <= day) current = p.payer;
    current?.onDay(sim, day);
  }
}

export type { SimTx };
