/**
 * A day-by-day simulation of one rent account for the demo: the weekly charges (exactly what
 * `chargesDue` gives, so the daily run would post the same), benefit credits scheduled ahead, and a
 * tenant whose payments may depend on the running balance. Works on day numbers; dates become strings
 * only when the records are written out.
 */
import type { BusinessDate } from '../calendar/business-date';
import { civilFromDays, daysFromCivil, daysInMonth, fromDayNumber, isoWeekday, toDayNumber } from '../calendar/business-date';
import type { ChargeScheduleEntry, SubAccount } from '../rent/charges-due';
import { chargeIdempotencyKey, chargesDue } from '../rent/charges-due';
import type { DemoTransactionKind } from './types';

export interface SimTx {
  seq: number;
  day: number;
  subAccount: SubAccount;
  kind: DemoTransactionKind;
  method: string | null;
  amount: number;
  periodFrom: number | null;
  periodTo: number | null;
  note: string | null;
  reason: string | null;
  reverses: SimTx | null;
  /** Set for weekly charges (their idempotency key); others get `d:<tenancyId>:<n>`. */
  chargeKey: string | null;
}

export interface SimWeek {
  monday: number;
  /** The day the charge is posted (the Monday, or the start date in a first part-week). */
  postDay: number;
  /** Total charge of the week, every sub-account. */
  amount: number;
  /** The part of the charge covered by benefit paid to the landlord (filled by the funding plan). */
  cover: number;
}

export interface Payer {
  /** Called once a day after the day's charges and scheduled credits are posted. */
  onDay(sim: AccountSimulation, day: number): void;
}

export interface SimulationInputs {
  tenancyId: number;
  startDay: number;
  endDay: number | null;
  /** First day with transactions (the start, or the history start for older tenancies). */
  ledgerStartDay: number;
  asOfDay: number;
  schedule: readonly ChargeScheduleEntry[];
  rentFreeMondays: ReadonlySet<BusinessDate>;
  /** The same Mondays as day numbers. */
  rentFreeDays: ReadonlySet<number>;
}

/** 0 = Monday … 6 = Sunday, for a day number. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** The Monday on or before a day number. */
export function mondayOf(day: number): number {
  return day - weekdayOf(day);
}

/** Saturday and Sunday payments move to the Friday before (banks and DWP pay on working days). */
export function workingDayOnOrBefore(day: number): number {
  const wd = weekdayOf(day);
  return wd === 5 ? day - 1 : wd === 6 ? day - 2 : day;
}

/** A weekend day moves to the Monday after. */
export function workingDayOnOrAfter(day: number): number {
  const wd = weekdayOf(day);
  return wd === 5 ? day + 2 : wd === 6 ? day + 1 : day;
}

export function workingDaysAfter(day: number, n: number): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d += 1;
    if (weekdayOf(d) < 5) left -= 1;
  }
  return d;
}

/** Day number + n calendar months (the day of the month kept, clamped to the month's last day). */
export function addMonthsDay(day: number, months: number): number {
  const { year, month, day: dom } = civilFromDays(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(dom, daysInMonth(y, m)));
}

export class AccountSimulation {
  readonly inputs: SimulationInputs;
  readonly base: number;
  readonly last: number;
  /** Balance of the rent account at the end of each day from `base` to `last`. */
  readonly cash: Float64Array;
  /** Weekly charge in force on each day (every sub-account, latest schedule entry on or before the day). */
  readonly weeklyCharge: Float64Array;
  /** Number of charged Mondays on or before each day (from `base`). */
  readonly chargedMondaysTo: Int32Array;
  readonly weeks: SimWeek[] = [];
  readonly txs: SimTx[] = [];
  balance = 0;
  private cursor: number;
  private readonly chargeTxsByDay = new Map<number, SimTx[]>();
  /** Scheduled transactions not yet posted, in (day, seq) order from `pendingHead`. */
  private readonly pending: SimTx[] = [];
  private pendingHead = 0;
  private seq = 0;
  private readonly weekByMonday = new Map<number, number>();

  constructor(inputs: SimulationInputs) {
    this.inputs = inputs;
    this.base = inputs.ledgerStartDay;
    this.last = inputs.asOfDay;
    const n = Math.max(0, this.last - this.base + 1);
    this.cash = new Float64Array(n);
    this.weeklyCharge = new Float64Array(n);
    this.chargedMondaysTo = new Int32Array(n);
    this.cursor = this.base;

    // The weekly charges, exactly as the daily run would post them.
    const startDate = fromDayNumber(inputs.startDay);
    const endDate = inputs.endDay === null ? null : fromDayNumber(inputs.endDay);
    const chargedTo = inputs.ledgerStartDay > inputs.startDay ? fromDayNumber(inputs.ledgerStartDay - isoWeekday(fromDayNumber(inputs.ledgerStartDay)) - 7) : null;
    // Only the entries that can apply from the ledger start on (the same charges, less searching).
    const ledgerStart = fromDayNumber(inputs.ledgerStartDay);
    const schedule = trimSchedule(inputs.schedule, chargedTo === null ? startDate : ledgerStart);
    const due = chargesDue({ startDate, endDate, schedule, rentFreeWeeks: inputs.rentFreeMondays }, chargedTo, fromDayNumber(this.last));
    for (const c of due) {
      const monday = toDayNumber(c.weekCommencing);
      const postDay = toDayNumber(c.businessDate);
      let w = this.weekByMonday.get(monday);
      if (w === undefined) {
        w = this.weeks.length;
        this.weeks.push({ monday, postDay, amount: 0, cover: 0 });
        this.weekByMonday.set(monday, w);
      }
      const week = this.weeks[w] as SimWeek;
      week.amount += c.amountPence;
      const tx = this.makeTx(postDay, 'charge', c.amountPence, { subAccount: c.subAccount, note: c.days === 7 ? null : `${c.days} of 7 days` });
      tx.chargeKey = chargeIdempotencyKey(inputs.tenancyId, c.subAccount, c.weekCommencing);
      const list = this.chargeTxsByDay.get(postDay);
      if (list) list.push(tx);
      else this.chargeTxsByDay.set(postDay, [tx]);
    }

    // Weekly charge in force per day (the combined schedule) and charged Mondays to date.
    const changes = combinedChanges(inputs.schedule);
    let ci = 0;
    let current = 0;
    while (ci < changes.length && (changes[ci] as { day: number }).day <= this.base) current = (changes[ci++] as { weeklyPence: number }).weeklyPence;
    let mondays = 0;
    for (let d = this.base; d <= this.last; d++) {
      while (ci < changes.length && (changes[ci] as { day: number }).day <= d) current = (changes[ci++] as { weeklyPence: number }).weeklyPence;
      this.weeklyCharge[d - this.base] = current;
      if (weekdayOf(d) === 0 && this.isChargedMonday(d)) mondays += 1;
      this.chargedMondaysTo[d - this.base] = mondays;
    }
  }

  /** Charged week (policy §1): not rent-free, and the tenancy live during it. */
  isChargedMonday(monday: number): boolean {
    if (this.inputs.rentFreeDays.has(monday)) return false;
    if (this.inputs.startDay > monday + 6) return false;
    return this.inputs.endDay === null || this.inputs.endDay >= monday;
  }

  /** Charged weeks whose Monday lies in (a, b]. */
  chargedWeeks(a: number, b: number): number {
    if (b <= a) return 0;
    return this.mondaysTo(b) - this.mondaysTo(a);
  }

  private mondaysTo(d: number): number {
    if (d < this.base) return 0;
    const i = Math.min(d, this.last) - this.base;
    return this.chargedMondaysTo[i] as number;
  }

  weeklyChargeOn(day: number): number {
    const i = Math.max(this.base, Math.min(day, this.last)) - this.base;
    return this.weeklyCharge[i] as number;
  }

  weekIndexOfMonday(monday: number): number | undefined {
    return this.weekByMonday.get(monday);
  }

  /** The week (index into `weeks`) containing the day, if it is charged. */
  weekOf(day: number): number | undefined {
    return this.weekByMonday.get(mondayOf(day));
  }

  /** The tenant's share of a week's charge (what benefit paid to the landlord does not cover). */
  share(week: number): number {
    const w = this.weeks[week];
    return w ? w.amount - w.cover : 0;
  }

  makeTx(day: number, kind: DemoTransactionKind, amount: number, extra: Partial<Omit<SimTx, 'seq' | 'day' | 'kind' | 'amount'>> = {}): SimTx {
    if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be whole pence: ${amount}`);
    return {
      seq: this.seq++,
      day,
      kind,
      amount,
      subAccount: extra.subAccount ?? (this.inputs.endDay !== null && day > this.inputs.endDay ? 'former_tenant_arrears' : 'rent'),
      method: extra.method ?? null,
      periodFrom: extra.periodFrom ?? null,
      periodTo: extra.periodTo ?? null,
      note: extra.note ?? null,
      reason: extra.reason ?? null,
      reverses: extra.reverses ?? null,
      chargeKey: null,
    };
  }

  /** Schedules a transaction on a later (or today's not yet processed) day; past days are refused. */
  schedule(tx: SimTx): SimTx {
    if (tx.day > this.last) return tx; // beyond asOf: never posted
    if (tx.day < this.cursor) throw new RangeError('cannot schedule a transaction in the past of the simulation');
    // insert in (day, seq) order
    let lo = this.pendingHead;
    let hi = this.pending.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const p = this.pending[mid] as SimTx;
      if (p.day < tx.day || (p.day === tx.day && p.seq < tx.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.pending.splice(lo, 0, tx);
    return tx;
  }

  /** Posts a payment by the tenant today (amount > 0 pence received). */
  pay(day: number, amount: number, method: string, note: string | null = null): SimTx | null {
    if (amount <= 0 || day > this.last) return null;
    const tx = this.makeTx(day, 'payment', -amount, { method, note });
    this.post(tx);
    return tx;
  }

  post(tx: SimTx): void {
    this.txs.push(tx);
    this.balance += tx.amount;
  }

  get day(): number {
    return this.cursor;
  }

  /** Runs the days up to (not including) `untilDay`, asking the payer about each. */
  run(untilDay: number, payer: Payer | null): void {
    const stop = Math.min(untilDay, this.last + 1);
    for (let d = this.cursor; d < stop; d++) {
      this.cursor = d;
      const charges = this.chargeTxsByDay.get(d);
      if (charges) for (const c of charges) this.post(c);
      this.postPending(d);
      if (payer) payer.onDay(this, d);
      this.postPending(d);
      this.cash[d - this.base] = this.balance;
    }
    this.cursor = stop;
  }

  private postPending(day: number): void {
    while (this.pendingHead < this.pending.length && (this.pending[this.pendingHead] as SimTx).day <= day) {
      this.post(this.pending[this.pendingHead] as SimTx);
      this.pendingHead += 1;
    }
  }

  /** Balance at the end of a day already simulated. */
  cashOn(day: number): number {
    if (day < this.base) return 0;
    return this.cash[Math.min(day, this.last) - this.base] as number;
  }

  /** Transactions in date order (ties: the order they were made). */
  sortedTxs(): SimTx[] {
    return [...this.txs].sort((a, b) => a.day - b.day || a.seq - b.seq);
  }
}

/** The schedule entries that can apply on or after `from` (the latest before it, and all later ones), per sub-account. */
function trimSchedule(schedule: readonly ChargeScheduleEntry[], from: BusinessDate): ChargeScheduleEntry[] {
  const keep: ChargeScheduleEntry[] = [];
  const latestBefore = new Map<SubAccount, ChargeScheduleEntry>();
  for (const e of schedule) {
    if (e.effectiveFrom <= from) {
      const prev = latestBefore.get(e.subAccount);
      if (!prev || e.effectiveFrom >= prev.effectiveFrom) latestBefore.set(e.subAccount, e);
    } else {
      keep.push(e);
    }
  }
  return [...latestBefore.values(), ...keep];
}

/** The combined weekly charge (every sub-account) at each date any sub-account's charge changes. */
export function combinedChanges(schedule: readonly ChargeScheduleEntry[]): { day: number; weeklyPence: number }[] {
  const days = [...new Set(schedule.map((e) => e.effectiveFrom))].sort();
  return days.map((from) => {
    const latest = new Map<SubAccount, ChargeScheduleEntry>();
    for (const e of schedule) {
      if (e.effectiveFrom > from) continue;
      const prev = latest.get(e.subAccount);
      if (!prev || e.effectiveFrom >= prev.effectiveFrom) latest.set(e.subAccount, e);
    }
    let total = 0;
    for (const e of latest.values()) total += e.weeklyPence;
    return { day: toDayNumber(from), weeklyPence: total };
  });
}
