/**
 * One tenancy's story as it is being written: the tenancy, its rent, its benefits, a simulated account
 * and the events the officers recorded. Scenarios (scenarios.ts) drive it; `finish` turns it into the
 * demo's output record.
 */
import type { BusinessDate } from '../calendar/business-date';
import { fromDayNumber } from '../calendar/business-date';
import type { ChargeScheduleEntry, SubAccount } from '../rent/charges-due';
import { AccountSimulation, mondayOf, weekdayOf, type Payer, type SimTx } from './account-simulation';
import { arrearsView, type ArrearsView, type BenefitPositions } from './arrears-view';
import { monthlyHousingCosts, scheduleHousingBenefit, scheduleUniversalCredit } from './funding';
import { SteadyPayer, type PayerMarker, type SteadyPayerConfig } from './payers';
import type { Random } from './random';
import type { StoryEvent } from './recovery';
import { annualSchedule, backdatedWeeklyPence, rentYearOf } from './rent-setting';
import type { DemoBenefitClaim, DemoChargeEntry, DemoEvent, DemoProperty, DemoTenancy, DemoTenant, DemoTenure, DemoTransaction } from './types';

export interface LandlordContext {
  seed: number;
  asOf: BusinessDate;
  asOfDay: number;
  /** The first Monday of the generated history (about five years before asOf). */
  historyStartDay: number;
  tenancyCount: number;
  patchCount: number;
  firstTenancyId: number;
  firstPropertyId: number;
  rentFreeMondays: ReadonlySet<BusinessDate>;
  rentFreeDays: ReadonlySet<number>;
  date(day: number): BusinessDate;
  rentYearKey(day: number): number;
}

export interface PropertyInfo extends DemoProperty {
  /** Bedrooms (0 = a bedsit). */
  bedrooms: number;
  isFlat: boolean;
  /** Weekly rent and service charge in the rent year of asOf. */
  rentPence: number;
  serviceChargePence: number;
}

interface BenefitRecord {
  claim: Omit<DemoBenefitClaim, 'from'>;
  fromDay: number;
}

export type EndReason = NonNullable<DemoTenancy['endReason']>;

export class Story {
  tenure: DemoTenure = 'secure';
  startDay = 0;
  endDay: number | null = null;
  endReason: EndReason | null = null;
  rentPence: number;
  serviceChargePence: number;
  sim!: AccountSimulation;
  schedule: DemoChargeEntry[] = [];
  readonly events: StoryEvent[] = [];
  readonly benefits: BenefitRecord[] = [];
  positions: BenefitPositions = { housingBenefit: null, universalCreditToLandlord: null };
  paymentProfile = 'none';
  readonly markers: PayerMarker[] = [];
  private view: ArrearsView | null = null;

  constructor(
    readonly ctx: LandlordContext,
    readonly index: number,
    readonly rng: Random,
    readonly property: PropertyInfo,
    readonly tenants: DemoTenant[],
  ) {
    this.rentPence = property.rentPence;
    this.serviceChargePence = property.serviceChargePence;
  }

  get asOfDay(): number {
    return this.ctx.asOfDay;
  }

  get historyStartDay(): number {
    return this.ctx.historyStartDay;
  }

  get tenancyId(): number {
    return this.ctx.firstTenancyId + this.index;
  }

  /**
   * Fixes the tenancy's dates and builds its charge schedule and account. The ledger starts at the start
   * date, or at the history start for an older tenancy (`ledgerStartDay` overrides).
   */
  begin(startDay: number, endDay: number | null, endReason: EndReason | null, tenure: DemoTenure, ledgerStartDay?: number): void {
    this.startDay = startDay;
    this.endDay = endDay;
    this.endReason = endReason;
    this.tenure = tenure;
    const lastDay = endDay ?? this.asOfDay;
    const start = fromDayNumber(startDay);
    const last = fromDayNumber(lastDay);
    const asOfYear = rentYearOf(this.ctx.asOf);
    const lastYear = rentYearOf(last);
    const rentThen = backdatedWeeklyPence(this.rentPence, lastYear, asOfYear);
    const entries: DemoChargeEntry[] = annualSchedule(start, last, rentThen, 'Rent at the start of the tenancy').map((c) => ({
      subAccount: 'rent' as SubAccount,
      effectiveFrom: c.effectiveFrom,
      weeklyPence: c.weeklyPence,
      reason: c.reason,
    }));
    if (this.serviceChargePence > 0) {
      const scThen = backdatedWeeklyPence(this.serviceChargePence, lastYear, asOfYear);
      for (const c of annualSchedule(start, last, scThen, 'Service charge at the start of the tenancy')) {
        entries.push({ subAccount: 'service_charge', effectiveFrom: c.effectiveFrom, weeklyPence: c.weeklyPence, reason: c.reason.replace('rent change', 'service charge change') });
      }
    }
    this.schedule = entries;
    const schedule: ChargeScheduleEntry[] = entries.map((e) => ({ subAccount: e.subAccount, effectiveFrom: e.effectiveFrom, weeklyPence: e.weeklyPence }));
    const ledgerStart = ledgerStartDay ?? Math.max(startDay, this.historyStartDay);
    this.sim = new AccountSimulation({
      tenancyId: this.tenancyId,
      startDay,
      endDay,
      ledgerStartDay: ledgerStart,
      asOfDay: this.asOfDay,
      schedule,
      rentFreeMondays: this.ctx.rentFreeMondays,
      rentFreeDays: this.ctx.rentFreeDays,
    });
  }

  /** Forgets everything written so far (the tenants and the property stay), to write the story again. */
  reset(): void {
    this.events.length = 0;
    this.benefits.length = 0;
    this.markers.length = 0;
    this.payers.length = 0;
    this.positions = { housingBenefit: null, universalCreditToLandlord: null };
    this.paymentProfile = 'none';
    this.rentPence = this.property.rentPence;
    this.serviceChargePence = this.property.serviceChargePence;
    this.schedule = [];
    this.view = null;
  }

  /** True when the ledger starts after the tenancy did (an older tenancy brought over). */
  get broughtForward(): boolean {
    return this.sim.base > this.startDay;
  }

  /** An opening balance on the first day of the ledger (an older tenancy's balance brought forward). */
  openingBalance(amount: number): void {
    if (amount === 0) return;
    this.sim.schedule(this.sim.makeTx(this.sim.base, 'adjustment', amount, { note: 'Balance brought forward from the previous rent system' }));
  }

  weeklyChargeOn(day: number): number {
    return this.sim.weeklyChargeOn(day);
  }

  /** The weekly charge on asOf (or on the last day of a former tenancy). */
  get currentWeeklyCharge(): number {
    return this.sim.weeklyChargeOn(Math.min(this.asOfDay, this.endDay ?? this.asOfDay));
  }

  // ---- benefits ----

  /** Housing Benefit paid to the landlord four-weekly in arrears. */
  housingBenefit(fromDay: number, toDay: number | null, fraction: number, status: DemoBenefitClaim['status'] = 'in_payment'): void {
    const sim = this.sim;
    let weekly: number;
    if (fromDay < sim.base) {
      // A claim older than the ledger: the period before it was paid just after it started, against the
      // balance brought forward.
      const bridge = Math.round(sim.weeklyChargeOn(sim.base) * fraction) * 4;
      this.openingBalance(bridge);
      sim.schedule(sim.makeTx(sim.base, 'benefit', -bridge, { method: 'housing_benefit', periodFrom: sim.base - 28, periodTo: sim.base - 1 }));
      weekly = scheduleHousingBenefit(sim, { from: sim.base, to: toDay, fraction, paidEveryWeeks: 4 });
    } else {
      weekly = scheduleHousingBenefit(sim, { from: fromDay, to: toDay, fraction, paidEveryWeeks: 4 });
    }
    const ended = toDay !== null && toDay <= this.asOfDay;
    const claimStatus = ended ? 'ended' : status;
    this.benefits.push({
      fromDay,
      claim: { type: 'housing_benefit', status: claimStatus, weeklyPence: weekly, paidEveryWeeks: 4, evidenceComplete: true, housingCostsTo: null, monthlyHousingPence: null, assessmentPeriodStartDay: null },
    });
    if (claimStatus === 'in_payment') this.positions.housingBenefit = { from: fromDay, weeklyPence: weekly, paidEveryWeeks: 4 };
  }

  /** A Housing Benefit claim made but not decided: no credits yet. */
  pendingHousingBenefitClaim(fromDay: number, weeklyPence: number): void {
    this.benefits.push({
      fromDay,
      claim: { type: 'housing_benefit', status: 'claimed', weeklyPence, paidEveryWeeks: 4, evidenceComplete: true, housingCostsTo: null, monthlyHousingPence: null, assessmentPeriodStartDay: null },
    });
  }

  /** Universal Credit housing costs: paid to the landlord (a managed payment) or to the tenant. */
  universalCredit(fromDay: number, toDay: number | null, fraction: number, toLandlord: boolean): number {
    const sim = this.sim;
    let monthly: number;
    if (toLandlord) {
      monthly = scheduleUniversalCredit(sim, { from: fromDay, to: toDay, fraction });
    } else {
      monthly = monthlyHousingCosts(sim.weeklyChargeOn(Math.min(this.asOfDay, toDay ?? this.asOfDay)), fraction);
    }
    const ended = toDay !== null && toDay <= this.asOfDay;
    const dom = Number(fromDayNumber(fromDay).slice(8, 10));
    this.benefits.push({
      fromDay,
      claim: {
        type: 'universal_credit',
        status: ended ? 'ended' : 'in_payment',
        weeklyPence: null,
        paidEveryWeeks: null,
        evidenceComplete: null,
        housingCostsTo: toLandlord ? 'landlord' : 'tenant',
        monthlyHousingPence: monthly,
        assessmentPeriodStartDay: dom,
      },
    });
    if (toLandlord && !ended) this.positions.universalCreditToLandlord = { from: fromDay, monthlyHousingPence: monthly };
    return monthly;
  }

  // ---- payments ----

  steadyPayer(config: SteadyPayerConfig): SteadyPayer {
    const payer = new SteadyPayer(this.rng, config, this.ctx.rentYearKey);
    this.payers.push(payer);
    return payer;
  }

  private readonly payers: SteadyPayer[] = [];

  run(untilDay: number, payer: Payer | null): void {
    this.view = null;
    this.sim.run(untilDay, payer);
  }

  /** Runs to the end of asOf. */
  runToEnd(payer: Payer | null): void {
    this.run(this.asOfDay + 1, payer);
  }

  /** The account's arrears, day by day (after the simulation has run). */
  arrears(): ArrearsView {
    if (!this.view) {
      for (const p of this.payers) this.markers.push(...p.markers.splice(0));
      this.view = arrearsView(this.sim, this.positions, this.startDay);
    }
    return this.view;
  }

  // ---- events ----

  event(day: number, type: string, details: Record<string, unknown> = {}, note: string | null = null): void {
    this.events.push({ day, type, details, note });
  }

  addEvents(events: readonly StoryEvent[]): void {
    this.events.push(...events);
  }

  // ---- output ----

  finish(scenario: string): Omit<DemoTenancy, 'fellBack'> {
    const ctx = this.ctx;
    const tenancyId = this.tenancyId;
    const sorted = this.sim.sortedTxs();
    const indexOf = new Map<SimTx, number>();
    sorted.forEach((t, i) => indexOf.set(t, i));
    let n = 0;
    const transactions: DemoTransaction[] = sorted.map((t) => ({
      subAccount: t.subAccount,
      date: ctx.date(t.day),
      kind: t.kind,
      method: t.method,
      amountPence: t.amount,
      periodFrom: t.periodFrom === null ? null : ctx.date(t.periodFrom),
      periodTo: t.periodTo === null ? null : ctx.date(t.periodTo),
      note: t.note,
      idempotencyKey: t.chargeKey ?? `d:${tenancyId}:${++n}`,
      reversesIndex: t.reverses ? (indexOf.get(t.reverses) ?? null) : null,
      reason: t.reason,
      source: t.kind === 'charge' ? 'charge_run' : 'demo',
    }));
    let balance = 0;
    for (const t of sorted) balance += t.amount;
    const lastCharged = Math.min(this.asOfDay, this.endDay ?? this.asOfDay);
    const chargedTo = mondayOf(lastCharged) >= mondayOf(this.startDay) ? ctx.date(mondayOf(lastCharged)) : null;
    const events: DemoEvent[] = [...this.events]
      .filter((e) => e.day <= this.asOfDay && e.day >= this.startDay)
      .sort((a, b) => a.day - b.day)
      .map((e) => ({ date: ctx.date(e.day), type: e.type, details: e.details, note: e.note }));
    return {
      index: this.index,
      id: tenancyId,
      ref: `TEN-${String(this.index + 1).padStart(6, '0')}`,
      paymentReference: String(1000001 + this.index),
      property: { id: this.property.id, address: this.property.address, postcode: this.property.postcode, patchIndex: this.property.patchIndex },
      tenure: this.tenure,
      landlordType: 'local_authority',
      startDate: ctx.date(this.startDay),
      endDate: this.endDay === null ? null : ctx.date(this.endDay),
      endReason: this.endReason,
      rentFrequency: 'weekly',
      tenants: this.tenants,
      charges: this.schedule,
      transactions,
      benefits: this.benefits.map((b) => ({ ...b.claim, from: ctx.date(b.fromDay) })),
      events,
      chargedTo,
      scenario,
      paymentProfile: this.paymentProfile,
      balancePence: balance,
      realArrearsPence: this.endDay === null ? Math.round(this.arrears().realOn(this.asOfDay)) : 0,
      weeklyChargePence: this.currentWeeklyCharge,
    };
  }
}

export function isWeekday(day: number): boolean {
  return weekdayOf(day) < 5;
}
