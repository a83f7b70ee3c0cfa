/**
 * The stories the demo landlord's accounts tell, and how many of each a landlord gets. Most accounts are
 * paid up (by direct debit, standing order, card, cash, Housing Benefit or Universal Credit, some with
 * past wobbles that were put right); the rest are in every state the recovery policy knows, from a first
 * missed payment to an eviction date, plus former tenants' debts at each step of their recovery.
 *
 * Each writer returns false when the account it produced does not end in the state it was written for
 * (the generator then tries again with fresh random numbers).
 */
import { formatPenceAsDecimal } from '../money/pence';
import { daysFromCivil } from '../calendar/business-date';
import type { Payer } from './account-simulation';
import { addMonthsDay, mondayOf, weekdayOf, type AccountSimulation } from './account-simulation';
import type { ArrearsView } from './arrears-view';
import { ArrangementPayer, FractionPayer, PhasedPayer, steadyConfig, type PaymentFrequency, type SteadyPayerConfig } from './payers';
import { fictionalForwardingAddress } from './fictional-names';
import type { Random } from './random';
import { dayBetween, historyEvents, ladderEvents, officeDay, placeLadder, type PlacedStep } from './recovery';
import type { EndReason, Story } from './story';
import type { DemoTenure } from './types';

const YEAR = 365;

// ---------------------------------------------------------------------------------------------------
// Small helpers

function uniform(rng: Random, a: number, b: number): number {
  return a + rng.next() * (b - a);
}

function mondayOnOrAfterDay(day: number): number {
  const wd = weekdayOf(day);
  return wd === 0 ? day : day + 7 - wd;
}

/** Earliest proceedings date of a notice served on `day` for weekly rent: the first Monday on or after day + 28. */
export function earliestProceedingsDay(day: number): number {
  return mondayOnOrAfterDay(day + 28);
}

const FEES_FROM_2025 = daysFromCivil(2025, 4, 8);
const FEES_FROM_2024 = daysFromCivil(2024, 5, 1);

function possessionClaimFee(day: number): number {
  return day >= FEES_FROM_2025 ? 40400 : day >= FEES_FROM_2024 ? 39100 : 35500;
}

function warrantFee(day: number): number {
  return day >= FEES_FROM_2025 ? 14800 : day >= FEES_FROM_2024 ? 14300 : 13000;
}

function noticeFor(tenure: DemoTenure): { notice: string; grounds?: string[] } {
  if (tenure === 'secure' || tenure === 'flexible') return { notice: 'nosp', grounds: ['1'] };
  if (tenure === 'introductory') return { notice: 'section_128' };
  return { notice: 'notice_to_quit' };
}

/** A payer with extra things done on given days (after the payer's own payments that day). */
class HookedPayer implements Payer {
  private readonly hooks = new Map<number, ((sim: AccountSimulation, day: number) => void)[]>();
  constructor(private readonly inner: Payer | null) {}

  on(day: number, fn: (sim: AccountSimulation, day: number) => void): this {
    const list = this.hooks.get(day);
    if (list) list.push(fn);
    else this.hooks.set(day, [fn]);
    return this;
  }

  onDay(sim: AccountSimulation, day: number): void {
    this.inner?.onDay(sim, day);
    const list = this.hooks.get(day);
    if (list) for (const fn of list) fn(sim, day);
  }
}

/** Pays off whatever is owed (a lump sum) on the day. */
function clearBalance(method: string, note: string | null = null) {
  return (sim: AccountSimulation, day: number) => {
    if (sim.balance > 0) sim.pay(day, sim.balance, method, note);
  };
}

/** Moves a former tenancy's debit balance from its rent sub-accounts into former-tenant arrears. */
function transferToFormerTenantArrears(sim: AccountSimulation, day: number): void {
  const bySub = new Map<string, number>();
  for (const t of sim.txs) if (t.day <= day) bySub.set(t.subAccount, (bySub.get(t.subAccount) ?? 0) + t.amount);
  let total = 0;
  for (const [sub, amount] of bySub) {
    if (sub === 'former_tenant_arrears' || amount <= 0) continue;
    sim.post(sim.makeTx(day, 'adjustment', -amount, { subAccount: sub as never, note: 'Closing balance transferred to former tenant arrears' }));
    total += amount;
  }
  if (total > 0) sim.post(sim.makeTx(day, 'adjustment', total, { subAccount: 'former_tenant_arrears', note: 'Former tenant arrears brought over from the rent account' }));
}

/**
 * Repayment compliance of an arrangement or a court order's terms (recovery policy §1): over the days from
 * `startDay` to asOf, required = charges + instalments due, paid = credits (less reversed payments).
 */
export function compliance(s: Story, view: ArrearsView, startDay: number, instalment: number, frequency: PaymentFrequency): { shortfall: number; kept: boolean } {
  const A = s.asOfDay;
  let required = 0;
  let paid = 0;
  for (const t of s.sim.txs) {
    if (t.day < startDay || t.day > A) continue;
    if (t.kind === 'charge') required += t.amount;
    if (t.amount < 0) paid -= t.amount;
    if (t.kind === 'reversal' && t.amount > 0) paid -= t.amount;
  }
  let dates = 0;
  for (let d = startDay, k = 0; d <= A; k++) {
    dates += 1;
    d = frequency === 'monthly' ? addMonthsDay(startDay, k + 1) : d + (frequency === 'weekly' ? 7 : frequency === 'fortnightly' ? 14 : 28);
  }
  required += instalment * dates;
  const shortfall = required - paid;
  const transit = view.transit[Math.min(A, view.last) - view.base] ?? 0;
  return { shortfall, kept: shortfall <= instalment + transit };
}

// ---------------------------------------------------------------------------------------------------
// Tenancy basics: start dates, tenures, how the rent is paid

/** A start day on or before `latest`: most tenancies are long-standing, the rest started within the history. */
function pickStart(s: Story, latest: number, earliest = s.asOfDay - 40 * YEAR): number {
  const rng = s.rng;
  const H = s.historyStartDay;
  const oldest = Math.max(earliest, s.asOfDay - 35 * YEAR);
  let day: number;
  if (latest < H) day = rng.int(Math.min(oldest, latest), latest);
  else if (rng.chance(0.6)) day = rng.int(oldest, H - 1);
  else day = rng.int(Math.max(earliest, H), latest);
  day = Math.min(day, latest);
  // most tenancies start on a Monday, the first day of a rent week
  if (rng.chance(0.7) && mondayOf(day) >= earliest) day = mondayOf(day);
  return day;
}

function pickTenure(s: Story, startDay: number, allowTemporary = true): DemoTenure {
  const rng = s.rng;
  const age = s.asOfDay - startDay;
  if (allowTemporary && age < 3 * YEAR && rng.chance(0.09)) return rng.chance(0.85) ? 'licence' : 'non_secure';
  if (age < YEAR) return 'introductory';
  if (age < 10 * YEAR && rng.chance(0.07)) return 'flexible';
  return 'secure';
}

/** Temporary accommodation costs more than general needs housing, and includes a service charge. */
function applyTenureRent(s: Story): void {
  if (s.tenure === 'licence') {
    s.rentPence = Math.min(15800, Math.round(s.rentPence * 1.22));
    s.serviceChargePence = s.serviceChargePence > 0 ? s.serviceChargePence : 1200 + s.rng.int(0, 12) * 100;
  }
}

type Funding = 'tenant' | 'hb_full' | 'hb_partial' | 'uc_managed' | 'uc_tenant';

function pickFunding(s: Story): Funding {
  if (s.tenure === 'licence') return s.rng.weighted<Funding>([['hb_full', 60], ['hb_partial', 15], ['uc_managed', 15], ['tenant', 10]]);
  return s.rng.weighted<Funding>([['tenant', 52], ['hb_full', 13], ['hb_partial', 8], ['uc_managed', 9], ['uc_tenant', 18]]);
}

const TENANT_METHODS: readonly (readonly [string, number])[] = [
  ['direct_debit', 36],
  ['standing_order', 14],
  ['debit_card', 20],
  ['payment_card', 18],
  ['cash', 5],
  ['bank_transfer', 7],
];

function pickTenantPayment(rng: Random, monthlyOnly = false): { method: string; frequency: PaymentFrequency; offsetDays: number; jitterDays: number } {
  const method = monthlyOnly ? rng.weighted([['direct_debit', 3], ['standing_order', 3], ['debit_card', 3], ['bank_transfer', 2]] as const) : rng.weighted(TENANT_METHODS);
  let frequency: PaymentFrequency;
  switch (method) {
    case 'direct_debit':
      frequency = rng.weighted<PaymentFrequency>([['monthly', 60], ['weekly', 25], ['fortnightly', 10], ['four_weekly', 5]]);
      break;
    case 'standing_order':
    case 'bank_transfer':
      frequency = rng.weighted<PaymentFrequency>([['monthly', 70], ['weekly', 30]]);
      break;
    case 'debit_card':
      frequency = rng.weighted<PaymentFrequency>([['weekly', 50], ['fortnightly', 20], ['monthly', 30]]);
      break;
    case 'payment_card':
      frequency = rng.weighted<PaymentFrequency>([['weekly', 85], ['fortnightly', 15]]);
      break;
    default:
      frequency = 'weekly';
  }
  if (monthlyOnly) frequency = 'monthly';
  const automatic = method === 'direct_debit' || method === 'standing_order';
  const offsetDays = frequency === 'monthly' ? rng.pick([1, 1, 1, 5, 8, 10, 15, 15, 20, 25, 28]) : automatic ? rng.pick([0, 0, 0, 4]) : rng.pick([0, 0, 0, 1, 2, 3, 4]);
  return { method, frequency, offsetDays, jitterDays: automatic ? 0 : rng.pick([0, 0, 1, 2]) };
}

interface FundingSetup {
  config: SteadyPayerConfig;
  label: string;
}

/**
 * Sets up how the rent is paid: benefit to the landlord (scheduled) and the tenant's own payments (a
 * steady payer, with the usual imperfections of real payers in its history).
 */
function setupFunding(s: Story, funding: Funding, options: { wobbly?: boolean } = {}): FundingSetup {
  const rng = s.rng;
  const A = s.asOfDay;
  const base = s.sim.base;
  const wobbly = options.wobbly ?? true;
  const imperfections = (method: string): Partial<SteadyPayerConfig> => {
    if (!wobbly) return {};
    const r = rng.next();
    const missRate = r < 0.55 ? 0 : r < 0.85 ? uniform(rng, 0.006, 0.02) : uniform(rng, 0.025, 0.05);
    const ddFailRate = method === 'direct_debit' && rng.chance(0.4) ? uniform(rng, 0.01, 0.04) : 0;
    return { missRate, ddFailRate, catchUpPayments: [2, rng.int(3, 6)] };
  };
  /** Many tenants keep their rent paid ahead: a month for most monthly payers, a week or two for some weekly ones. */
  const advance = (p: { frequency: PaymentFrequency }, share: number): Partial<SteadyPayerConfig> => {
    const weeks = p.frequency === 'monthly' ? (rng.chance(0.75) ? uniform(rng, 4.2, 5) : 0) : rng.chance(0.5) ? (p.frequency === 'weekly' ? rng.int(1, 2) : p.frequency === 'fortnightly' ? 2 : 4) : 0;
    const pence = Math.round(weeks * share);
    if (pence <= 0) return {};
    if (s.broughtForward) {
      s.openingBalance(-pence);
      return { advancePence: pence, advanceAlreadyPaid: true };
    }
    return { advancePence: pence };
  };
  const rentShare = (fraction: number) => Math.round(s.weeklyChargeOn(Math.max(base, s.startDay)) * fraction);
  switch (funding) {
    case 'tenant': {
      const p = pickTenantPayment(rng);
      return { config: steadyConfig({ ...p, ...imperfections(p.method), ...advance(p, rentShare(1)) }), label: `${p.method} ${p.frequency}` };
    }
    case 'hb_full':
    case 'hb_partial': {
      const full = funding === 'hb_full';
      const fraction = full ? 1 : Math.round(uniform(rng, 0.5, 0.9) * 100) / 100;
      const from = s.startDay >= base || rng.chance(0.7) ? s.startDay : rng.int(base, Math.max(base, A - 120));
      s.housingBenefit(from, null, fraction);
      const p = pickTenantPayment(rng);
      if (p.frequency !== 'monthly' && rng.chance(0.6)) p.offsetDays = 0;
      return {
        config: steadyConfig({ ...p, ...imperfections(p.method), ...(full ? {} : advance(p, rentShare(1 - fraction))) }),
        label: full ? 'housing_benefit full' : `housing_benefit partial + ${p.method} ${p.frequency}`,
      };
    }
    case 'uc_managed': {
      const from = rng.int(Math.max(base, s.startDay) + 28, Math.max(Math.max(base, s.startDay) + 28, A - 75));
      const before = rng.chance(0.6) && from - 1 > Math.max(base, s.startDay) + 60;
      if (before) s.housingBenefit(s.startDay >= base ? s.startDay : rng.chance(0.5) ? s.startDay : base, from - 1, 1);
      const fraction = rng.chance(0.7) ? 1 : Math.round(uniform(rng, 0.75, 0.9) * 100) / 100;
      s.universalCredit(from, null, fraction, true);
      // a payment in advance while waiting for the first managed payment keeps the account ahead
      const advance = Math.round(s.weeklyChargeOn(from) * uniform(rng, 1.5, 2.5));
      const p = pickTenantPayment(rng, true);
      const payer = steadyConfig({ ...p, ...imperfections(p.method), refundAbovePence: Math.round(s.weeklyChargeOn(from) * 3) });
      s.sim.schedule(s.sim.makeTx(Math.min(A, from + rng.int(0, 10)), 'payment', -advance, { method: p.method, note: 'Rent in advance while waiting for Universal Credit' }));
      return { config: payer, label: `universal_credit managed${fraction < 1 ? ' partial' : ''}${before ? ' (from housing_benefit)' : ''}` };
    }
    case 'uc_tenant': {
      const from = s.startDay >= base || rng.chance(0.4) ? Math.max(s.startDay, base) : rng.int(base, Math.max(base, A - 60));
      const monthly = s.universalCredit(from, null, 1, false);
      void monthly;
      const p = pickTenantPayment(rng, true);
      // pays a few days after the Universal Credit payment (seven days after the assessment period ends)
      const dom = Number(s.ctx.date(from).slice(8, 10));
      const offsetDays = ((dom + 6 + rng.int(0, 3) - 1) % 28) + 1;
      return { config: steadyConfig({ ...p, offsetDays, ...imperfections(p.method), ...advance(p, rentShare(1)) }), label: `universal_credit to tenant + ${p.method} monthly` };
    }
  }
}

function isMonthly(config: SteadyPayerConfig): boolean {
  return config.frequency === 'monthly';
}

/** Vulnerability recorded on some accounts (with the yearly support review done, so nothing is blocked). */
function maybeVulnerability(s: Story, chance: number, reviewed: boolean): void {
  const A = s.asOfDay;
  if (!s.rng.chance(chance) || s.startDay > A - 40) return;
  const flagDay = officeDay(s.rng.int(Math.max(s.startDay, A - 4 * YEAR), A - 20));
  const flag = s.rng.weighted([
    ['mental_health', 35],
    ['physical_disability', 25],
    ['learning_disability', 8],
    ['domestic_abuse', 10],
    ['care_leaver', 5],
    ['bereavement', 10],
    ['other', 7],
  ] as const);
  s.event(flagDay, 'vulnerability', { flag }, null);
  if (reviewed) s.event(officeDay(s.rng.int(Math.max(flagDay, A - 300), A - 1)), 'vulnerability_review', {}, 'Support needs reviewed; no change to the plan.');
}

function addHistory(s: Story, until: number): void {
  const view = s.arrears();
  const from = s.broughtForward ? s.sim.base + 42 : s.startDay;
  s.addEvents(historyEvents(view, s.markers, s.rng, from, until));
}

// ---------------------------------------------------------------------------------------------------
// Current tenancies paid up (or nearly)

function writeClean(s: Story, variant: 'clean' | 'credit' | 'late'): boolean {
  const rng = s.rng;
  const A = s.asOfDay;
  const start = pickStart(s, A - 7);
  const tenure = pickTenure(s, start);
  s.tenure = tenure;
  applyTenureRent(s);
  s.begin(start, null, null, tenure);
  const f = setupFunding(s, variant === 'late' ? 'tenant' : pickFunding(s));
  const config = { ...f.config };
  if (variant === 'late') {
    const p = pickTenantPayment(rng);
    Object.assign(config, { method: p.method === 'direct_debit' || p.method === 'standing_order' ? 'debit_card' : p.method, frequency: 'weekly', offsetDays: rng.int(3, 6), jitterDays: rng.int(1, 3), missRate: 0, ddFailRate: 0 });
  }
  config.quietFrom = A - (isMonthly(config) ? 160 : 84);
  if (s.broughtForward && rng.chance(0.15)) s.openingBalance(-Math.round(s.weeklyChargeOn(s.sim.base) * uniform(rng, 0.2, 1.5)));
  if (variant === 'credit') {
    const day = rng.int(Math.min(A, Math.max(s.sim.base, A - 2 * YEAR)), Math.max(A - 14, Math.min(A, s.sim.base)));
    s.sim.schedule(s.sim.makeTx(day, 'payment', -Math.round(s.weeklyChargeOn(day) * uniform(rng, 1.5, 8)), { method: rng.pick(['debit_card', 'bank_transfer']), note: 'Paid in advance' }));
  }
  s.paymentProfile = variant === 'late' ? `${config.method} weekly (late)` : f.label;
  const payer = s.steadyPayer(config);
  s.runToEnd(payer);
  addHistory(s, A + 1);
  maybeVulnerability(s, 0.03, true);
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Current tenancies in arrears: the recovery ladder

interface EpisodeSetup {
  /** Monday the arrears episode began. */
  episodeDay: number;
  method: string;
  offsetDays: number;
  monthly: boolean;
  history: SteadyPayerConfig;
}

/**
 * A current tenancy whose account was clear until `episodeDay` (a Monday): a tenant-paid account (by
 * themselves, or out of Universal Credit paid to them) with the usual history before it.
 */
function beginEpisodeTenancy(s: Story, episodeDay: number, options: { ucTenant?: boolean; minWeeksBefore?: number } = {}): EpisodeSetup {
  const rng = s.rng;
  const start = pickStart(s, episodeDay - 7 * (options.minWeeksBefore ?? 12));
  const tenure = pickTenure(s, start);
  s.tenure = tenure;
  applyTenureRent(s);
  s.begin(start, null, null, tenure);
  const ucTenant = options.ucTenant ?? rng.chance(0.22);
  const f = setupFunding(s, ucTenant ? 'uc_tenant' : 'tenant');
  const history = { ...f.config, quietFrom: episodeDay - (isMonthly(f.config) ? 160 : 84) };
  s.paymentProfile = f.label;
  const monthly = isMonthly(history);
  const method = monthly ? history.method : history.method === 'direct_debit' || history.method === 'standing_order' ? rng.pick(['debit_card', 'payment_card', 'cash']) : history.method;
  return { episodeDay, method, offsetDays: rng.int(0, 4), monthly, history };
}

/** The history payer until the episode, the account cleared the day before it. */
function historyPayer(s: Story, setup: EpisodeSetup): HookedPayer {
  const payer = s.steadyPayer(setup.history);
  return new HookedPayer(payer).on(setup.episodeDay - 1, clearBalance(setup.history.method === 'cash' ? 'cash' : 'debit_card'));
}

/** In the episode: a fraction of the rent, weekly (or monthly for a monthly payer). */
function episodePayer(s: Story, setup: EpisodeSetup, fraction: number): Payer {
  if (setup.monthly) return s.steadyPayer(steadyConfig({ method: setup.method, frequency: 'monthly', offsetDays: setup.history.offsetDays, paysFraction: fraction }));
  return new FractionPayer(s.rng, fraction, setup.method, setup.offsetDays, 0.08);
}

/** Episode length in weeks for `targetWeeks` of arrears at `growth` weeks a week, counting rent-free weeks back in. */
function episodeMonday(s: Story, targetWeeks: number, growth: number, extraWeeks: number): number {
  let weeks = Math.ceil(targetWeeks / growth) + 1 + extraWeeks;
  let monday = mondayOf(s.asOfDay) - 7 * weeks;
  // rent-free weeks add no arrears: go back one more week for each
  for (let m = monday; m <= s.asOfDay; m += 7) if (s.ctx.rentFreeMondays.has(s.ctx.date(m))) weeks += 1;
  monday = mondayOf(s.asOfDay) - 7 * weeks;
  return monday;
}

/** Attempt number → weeks to move the episode start by (0, +1, -1, +2, -2, …). */
function attemptShift(attempt: number): number {
  return attempt === 0 ? 0 : attempt % 2 === 1 ? (attempt + 1) / 2 : -attempt / 2;
}

interface LadderSpec {
  steps: number;
  weeks: readonly [number, number];
  growth: readonly [number, number];
  /** Days since the last step at asOf, inclusive range. */
  sinceLast?: readonly [number, number];
  /** Put the last step this many days before asOf (range). */
  lastStepAgo?: readonly [number, number];
  checklist?: 'complete' | 'incomplete' | 'some';
  ucTenant?: boolean;
}

interface LadderResult {
  steps: PlacedStep[];
  episodeStart: number;
  view: ArrearsView;
}

/**
 * Writes an episode that has reached `spec.steps` ladder steps; null when it did not come out as
 * specified. The episode's start is moved (up to four tries) until the arrears on asOf are in range.
 */
function writeLadderEpisode(s: Story, spec: LadderSpec, attempt: number): LadderResult | null {
  const rng = s.rng;
  const A = s.asOfDay;
  const growth = uniform(rng, spec.growth[0], spec.growth[1]);
  const target = uniform(rng, spec.weeks[0] + 0.1, Math.min(spec.weeks[1], spec.weeks[0] + 6) - 0.05);
  const stepWeeks = spec.sinceLast ? Math.ceil(spec.sinceLast[0] / 7) : 0;
  let shift = attemptShift(attempt) + (spec.steps >= 3 ? 1 : 0) + Math.min(stepWeeks, 3);
  for (let iteration = 0; iteration < 4; iteration++) {
    if (iteration > 0) s.reset();
    const E = episodeMonday(s, target, growth, shift);
    const setup = beginEpisodeTenancy(s, E, { ucTenant: spec.ucTenant });
    s.run(E, historyPayer(s, setup));
    s.runToEnd(episodePayer(s, setup, 1 - growth));
    const view = s.arrears();
    const weeks = view.weeks(A);
    if (weeks < spec.weeks[0] || weeks > spec.weeks[1]) {
      // move the start of the episode by the weeks of arrears too many (or too few)
      const perWeek = Math.max(0.05, weeks / Math.max(1, (A - E) / 7));
      const delta = Math.round((weeks - target) / perWeek);
      shift -= delta === 0 ? (weeks > target ? 1 : -1) : delta;
      continue;
    }
    const ep = view.episodeStartOn(A);
    if (ep === null) return null;
    const lastStepOn = spec.lastStepAgo ? officeDay(A - rng.int(spec.lastStepAgo[0], spec.lastStepAgo[1])) : undefined;
    if (lastStepOn !== undefined && lastStepOn > A) return null;
    const steps = placeLadder(view, rng, { from: ep, until: A - (spec.sinceLast ? spec.sinceLast[0] : 0), maxSteps: spec.steps, delay: [1, 4], lastStepOn });
    if (steps.length !== spec.steps) return null;
    const last = steps[steps.length - 1];
    if (spec.sinceLast && last && (A - last.day < spec.sinceLast[0] || A - last.day > spec.sinceLast[1])) return null;
    addHistory(s, ep);
    s.addEvents(ladderEvents(steps, rng));
    addChecklist(s, steps, ep, spec.checklist);
    return { steps, episodeStart: ep, view };
  }
  return null;
}

/** Pre-action protocol steps recorded during the ladder (the notice checklist: complete, partly, or some). */
function addChecklist(s: Story, steps: readonly PlacedStep[], episodeStart: number, checklist: LadderSpec['checklist']): void {
  const rng = s.rng;
  const A = s.asOfDay;
  const first = steps[0];
  if (!first) return;
  const lastDay = Math.min(A - 1, (steps[steps.length - 1] as PlacedStep).day + 10);
  const items = ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given'];
  let chosen: string[];
  if (checklist === 'complete') chosen = items;
  else if (checklist === 'incomplete') chosen = rng.shuffle([...items]).slice(0, rng.int(0, 2));
  else chosen = items.filter(() => rng.chance(steps.length >= 2 ? 0.55 : 0.3));
  for (const item of chosen) {
    const day = dayBetween(rng, Math.max(first.day, episodeStart), lastDay);
    if (item === 'initial_contact') s.event(day, 'contact', { channel: 'phone', outcome: 'spoke' }, 'Discussed the arrears and the reasons for them.');
    s.event(day, 'pre_action', { item }, null);
  }
}

const LADDER_SCENARIOS: Record<string, LadderSpec> = {
  letter_1_due: { steps: 0, weeks: [1.1, 2.4], growth: [0.5, 1] },
  letter_1_sent: { steps: 1, weeks: [1.05, 3.5], growth: [0.3, 0.9], lastStepAgo: [1, 6] },
  letter_2_due: { steps: 1, weeks: [2.05, 2.95], growth: [0.4, 0.9], sinceLast: [8, 40] },
  home_visit_due: { steps: 2, weeks: [3.05, 3.95], growth: [0.4, 0.9], sinceLast: [8, 40] },
  final_warning_due: { steps: 3, weeks: [4.05, 6.5], growth: [0.5, 1], sinceLast: [8, 40] },
  complete_pre_action_notice: { steps: 4, weeks: [4.3, 9], growth: [0.5, 1], sinceLast: [15, 60], checklist: 'incomplete' },
  serve_notice_due: { steps: 4, weeks: [4.3, 9], growth: [0.5, 1], sinceLast: [15, 60], checklist: 'complete' },
  drifting_payer: { steps: 1, weeks: [1.05, 2.9], growth: [0.06, 0.14], sinceLast: [1, 200] },
};

function writeLadderScenario(s: Story, name: string, attempt: number): boolean {
  const spec = LADDER_SCENARIOS[name];
  if (!spec) throw new Error(`unknown ladder scenario ${name}`);
  const result = writeLadderEpisode(s, spec, attempt);
  if (!result) return false;
  if (name === 'serve_notice_due' && s.rng.chance(0.4)) s.event(officeDay(s.asOfDay - s.rng.int(1, 10)), 'psed_assessment', { stage: 'notice' }, 'Proportionality and equality assessment before serving notice.');
  maybeVulnerability(s, 0.04, true);
  return true;
}

/** A recovery step due, but a breathing space (Debt Respite Scheme) holds it. */
function writeBreathingSpace(s: Story, attempt: number): boolean {
  const spec = s.rng.pick([LADDER_SCENARIOS.letter_2_due, LADDER_SCENARIOS.home_visit_due, LADDER_SCENARIOS.final_warning_due]) as LadderSpec;
  const result = writeLadderEpisode(s, spec, attempt);
  if (!result) return false;
  const last = result.steps[result.steps.length - 1] as PlacedStep;
  const A = s.asOfDay;
  const from = Math.max(last.day + 1, A - 50);
  if (from > A - 1) return false;
  const day = officeDay(s.rng.int(from, A - 1));
  if (day > A) return false;
  const crisis = s.rng.chance(0.25);
  s.event(day, 'breathing_space', { kind: crisis ? 'mental_health_crisis' : 'standard' }, crisis ? 'Mental health crisis moratorium notified by the Insolvency Service.' : 'Standard breathing space notified by the Insolvency Service.');
  return true;
}

/** Ready for a notice, but the tenant disputes the account. */
function writeDispute(s: Story, attempt: number): boolean {
  const result = writeLadderEpisode(s, LADDER_SCENARIOS.serve_notice_due as LadderSpec, attempt);
  if (!result) return false;
  const last = result.steps[result.steps.length - 1] as PlacedStep;
  s.event(dayBetween(s.rng, last.day + 1, s.asOfDay - 1), 'dispute', {}, 'Tenant says two payments made at the post office are missing from the account.');
  return true;
}

/** Ready for a notice, but a recorded vulnerability has not been reviewed in the last year. */
function writeVulnerabilityReview(s: Story, attempt: number): boolean {
  const result = writeLadderEpisode(s, LADDER_SCENARIOS.serve_notice_due as LadderSpec, attempt);
  if (!result) return false;
  const A = s.asOfDay;
  const day = officeDay(s.rng.int(Math.min(A - 30, Math.max(s.startDay, A - 3 * YEAR)), A - 30));
  s.event(day, 'vulnerability', { flag: s.rng.pick(['mental_health', 'physical_disability', 'learning_disability', 'bereavement']) }, null);
  return true;
}

/** A debt relief order (or bankruptcy) during the arrears: recovery holds. */
function writeInsolvencyHold(s: Story, attempt: number): boolean {
  const result = writeLadderEpisode(s, LADDER_SCENARIOS.home_visit_due as LadderSpec, attempt);
  if (!result) return false;
  const last = result.steps[result.steps.length - 1] as PlacedStep;
  s.event(dayBetween(s.rng, last.day + 1, s.asOfDay - 1), 'insolvency', { kind: s.rng.chance(0.7) ? 'dro' : 'bankruptcy' }, 'Debt relief order confirmed; rent arrears included.');
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Arrangements

function writeArrangement(s: Story, kind: 'kept' | 'broken' | 'broken_reviewed', attempt: number): boolean {
  const rng = s.rng;
  const A = s.asOfDay;
  const monthlyPlan = rng.chance(0.2);
  const frequency: PaymentFrequency = monthlyPlan ? 'monthly' : rng.chance(0.85) ? 'weekly' : 'fortnightly';
  const arrangementDay = officeDay(kind === 'kept' ? A - rng.int(14, 170) : A - rng.int(63, 200));
  const growth = uniform(rng, 0.5, 1);
  const before = uniform(rng, 2.5, 7);
  const E = mondayOf(arrangementDay) - 7 * (Math.ceil(before / growth) + 1 + Math.max(0, attemptShift(attempt)));
  const setup = beginEpisodeTenancy(s, E);
  const W = s.weeklyChargeOn(arrangementDay);
  // an instalment the tenant can afford that leaves some arrears at asOf
  const periods = Math.max(1, (A - arrangementDay) / (frequency === 'monthly' ? 30.4 : frequency === 'fortnightly' ? 14 : 7));
  const room = Math.max(0, (before - 1.5) * W);
  const perPeriod = frequency === 'monthly' ? 4.33 : frequency === 'fortnightly' ? 2 : 1;
  let instalment = Math.round(Math.min(room / periods, W * 0.25 * perPeriod, uniform(rng, 300, 1500) * perPeriod) / 50) * 50;
  instalment = Math.max(frequency === 'monthly' ? 1000 : 250, instalment);
  const stopDay = kind === 'kept' ? Number.MAX_SAFE_INTEGER : A - rng.int(24, Math.min(60, A - arrangementDay - 28));
  if (stopDay < arrangementDay + 21) return false;
  const payer = new PhasedPayer([
    { from: 0, payer: historyPayer(s, setup) },
    { from: E, payer: episodePayer(s, setup, 1 - growth) },
    { from: arrangementDay, payer: new ArrangementPayer(arrangementDay, instalment, frequency, setup.method, stopDay, 0) },
  ]);
  s.runToEnd(payer);
  const view = s.arrears();
  const ep = view.episodeStartOn(A);
  if (ep === null || ep > arrangementDay - 14) return false;
  const steps = placeLadder(view, rng, { from: ep, until: arrangementDay - 1, maxSteps: rng.int(1, 3), delay: [1, 4] });
  if (steps.length === 0) return false;
  const c = compliance(s, view, arrangementDay, instalment, frequency);
  if (kind === 'kept' ? !c.kept : c.kept) return false;
  addHistory(s, ep);
  s.addEvents(ladderEvents(steps, rng));
  s.event(arrangementDay, 'contact', { channel: rng.pick(['phone', 'visit']), outcome: 'spoke' }, 'Income and expenditure completed; repayment plan agreed.');
  s.event(arrangementDay, 'pre_action', { item: 'income_expenditure_offered' }, null);
  s.event(arrangementDay, 'arrangement', { instalmentPence: instalment, frequency }, null);
  if (kind === 'broken_reviewed') {
    const review = officeDay(A - rng.int(1, 11));
    if (review > A || review - 14 < stopDay - 14) return false;
    s.event(review, 'action', { action: 'review_arrangement', outcome: 'contact_made' }, 'Tenant promised to restart payments after payday.');
  }
  s.paymentProfile = `${s.paymentProfile}; arrangement ${frequency}`;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Notices, court and eviction

type LegalStage =
  | 'notice_pending'
  | 'notice_valid'
  | 'claim_checklist'
  | 'apply'
  | 'apply_benefit_claim'
  | 'apply_dispute'
  | 'claim_issued'
  | 'order_suspended_kept'
  | 'order_suspended_broken'
  | 'order_outright'
  | 'order_postponed_broken'
  | 'order_adjourned_broken'
  | 'eviction'
  | 'eviction_cleared';

function writeLegal(s: Story, stage: LegalStage, attempt: number): boolean {
  const rng = s.rng;
  const A = s.asOfDay;
  // key dates, back from asOf
  let N: number;
  let C: number | null = null;
  let O: number | null = null;
  if (stage === 'notice_pending') N = officeDay(A - rng.int(3, 26));
  else if (stage === 'notice_valid' || stage.startsWith('apply') || stage === 'claim_checklist') N = officeDay(A - rng.int(45, 300));
  else if (stage === 'claim_issued') {
    C = officeDay(A - rng.int(5, 26));
    N = officeDay(C - rng.int(40, 180));
  } else {
    const orderAgo = stage === 'order_outright' ? rng.int(3, 24) : stage.startsWith('eviction') ? rng.int(160, 330) : stage === 'order_suspended_kept' ? rng.int(30, 330) : rng.int(90, 300);
    O = officeDay(A - orderAgo);
    C = officeDay(O - rng.int(28, 56));
    N = officeDay(C - rng.int(40, 150));
  }
  if (C !== null && (C < earliestProceedingsDay(N) || C > addMonthsDay(earliestProceedingsDay(N), 12))) return false;
  const FW = officeDay(N - rng.int(15, 40));
  const growth = uniform(rng, 0.55, 1);
  const E = mondayOf(FW) - 7 * (Math.ceil(4.4 / growth) + 3 + Math.max(0, attemptShift(attempt)));
  const setup = beginEpisodeTenancy(s, E, { minWeeksBefore: 16 });
  const W = s.weeklyChargeOn(N);

  const phases: { from: number; payer: Payer | null }[] = [
    { from: 0, payer: historyPayer(s, setup) },
    { from: E, payer: episodePayer(s, setup, 1 - growth) },
    // a notice usually brings some payments, if not enough
    { from: N + 1, payer: episodePayer(s, setup, uniform(rng, 0.45, 0.85)) },
  ];
  const hooks = new HookedPayer(null);
  let arrangement: { day: number; instalment: number; stop: number; review: number } | null = null;
  let instalment = 0;
  let stopDay = Number.MAX_SAFE_INTEGER;
  let warrantDay: number | null = null;
  let scheduledDay: number | null = null;
  let evictionDate: number | null = null;
  const orderKind = stage === 'order_outright' ? 'outright' : stage === 'order_postponed_broken' ? 'postponed' : stage === 'order_adjourned_broken' ? 'adjourned_on_terms' : 'suspended';

  if (stage === 'notice_valid') {
    phases.push({ from: N + 1, payer: new FractionPayer(rng, uniform(rng, 1, 1.12), setup.method, setup.offsetDays) });
  } else if ((stage.startsWith('apply') || stage === 'claim_checklist') && rng.chance(0.45)) {
    // an arrangement after the notice that broke down, was reviewed, and a final warning followed
    const day = officeDay(N + rng.int(10, 35));
    const stop = day + 7 * rng.int(3, 8);
    const review = officeDay(stop + rng.int(10, 20));
    if (review > A - 19) return false;
    instalment = Math.round(uniform(rng, 300, 1200) / 50) * 50;
    arrangement = { day, instalment, stop, review };
    phases.push({ from: day, payer: new ArrangementPayer(day, instalment, 'weekly', setup.method, stop) });
    phases.push({ from: stop, payer: new FractionPayer(rng, uniform(rng, 0, 0.5), setup.method, setup.offsetDays, 0.3) });
  } else if (O !== null) {
    instalment = orderKind === 'outright' ? 0 : Math.round(uniform(rng, 370, 1200) / 10) * 10;
    hooks.on(O, (sim, day) => sim.post(sim.makeTx(day, 'court_costs', possessionClaimFee(C as number), { subAccount: 'court_costs', note: 'Possession claim fee awarded as costs' })));
    if (orderKind === 'outright') {
      phases.push({ from: O, payer: new FractionPayer(rng, uniform(rng, 0, 0.6), setup.method, setup.offsetDays, 0.2) });
    } else {
      const broken = stage !== 'order_suspended_kept';
      if (broken) {
        stopDay = stage.startsWith('eviction') ? O + 7 * rng.int(6, 14) : A - rng.int(24, Math.max(25, Math.min(90, A - O - 28)));
        if (stopDay < O + 28) return false;
      }
      phases.push({ from: O, payer: new ArrangementPayer(officeDay(O), instalment, 'weekly', setup.method, stopDay, rng.int(0, 2)) });
      if (broken) phases.push({ from: stopDay, payer: new FractionPayer(rng, uniform(rng, 0, 0.4), setup.method, setup.offsetDays, 0.3) });
      if (stage.startsWith('eviction')) {
        warrantDay = officeDay(stopDay + rng.int(21, 45));
        scheduledDay = officeDay(warrantDay + rng.int(14, 35));
        evictionDate = officeDay(A + rng.int(4, 35));
        if (scheduledDay > A - 3) return false;
        const w = warrantDay;
        hooks.on(w, (sim, day) => sim.post(sim.makeTx(day, 'court_costs', warrantFee(w), { subAccount: 'court_costs', note: 'Warrant of possession fee' })));
        if (stage === 'eviction_cleared') {
          const clearDay = officeDay(A - rng.int(1, 3));
          if (clearDay <= scheduledDay || clearDay > A) return false;
          hooks.on(clearDay, clearBalance('bank_transfer', 'Arrears and costs paid in full (family loan and DHP)'));
        }
      }
    }
  }
  const phased = new PhasedPayer(phases);
  s.runToEnd({
    onDay: (sim, day) => {
      phased.onDay(sim, day);
      hooks.onDay(sim, day);
    },
  });

  const view = s.arrears();
  const ep = view.episodeStartOn(stage === 'eviction_cleared' ? (scheduledDay as number) : A);
  if (ep === null || ep > FW - 21) return false;
  const steps = placeLadder(view, rng, { from: ep, until: FW, maxSteps: 4, delay: [1, 4], lastStepOn: FW });
  if (steps.length !== 4) return false;
  const weeks = view.weeks(A);
  const epd = earliestProceedingsDay(N);
  if (stage === 'notice_pending' && !(epd > A && weeks >= 4)) return false;
  if (stage === 'notice_valid' && !(epd <= A && weeks > 0.2 && weeks < 7.9)) return false;
  if ((stage.startsWith('apply') || stage === 'claim_checklist') && !(epd <= A && A <= addMonthsDay(epd, 12) && weeks >= 8.1)) return false;
  if (stage === 'claim_issued' && weeks < 8) return false;
  if (O !== null && orderKind !== 'outright') {
    const c = compliance(s, view, O, instalment, 'weekly');
    const wantKept = stage === 'order_suspended_kept';
    if (!stage.startsWith('eviction') && c.kept !== wantKept) return false;
  }
  if (stage === 'eviction' && view.cashOn(A) <= 0) return false;
  if (stage === 'eviction_cleared' && view.cashOn(A) > 0) return false;
  if (arrangement) {
    const c = compliance(s, view, arrangement.day, arrangement.instalment, 'weekly');
    if (c.kept) return false;
  }

  // the record
  addHistory(s, ep);
  s.addEvents(ladderEvents(steps, rng));
  const L1 = (steps[0] as PlacedStep).day;
  for (const item of ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given']) {
    const day = dayBetween(rng, L1 + 1, FW + 10);
    if (item === 'initial_contact') s.event(day, 'contact', { channel: 'phone', outcome: 'spoke' }, 'Discussed the arrears; tenant says hours at work were cut.');
    s.event(day, 'pre_action', { item }, null);
  }
  const notice = noticeFor(s.tenure);
  if (rng.chance(0.9)) s.event(officeDay(N - rng.int(1, 6)), 'psed_assessment', { stage: 'notice' }, null);
  s.event(N, 'action', { action: 'serve_notice' }, null);
  s.event(N, 'notice_served', notice.grounds ? { notice: notice.notice, grounds: notice.grounds } : { notice: notice.notice }, 'Served by hand at the property.');
  if (stage === 'notice_pending') return true;
  const postNotice = officeDay(N + rng.int(3, 20));
  if (postNotice <= A) {
    s.event(postNotice, 'contact', { channel: rng.pick(['phone', 'visit']), outcome: 'spoke' }, 'Explained the notice and what happens next.');
  }
  if (arrangement) {
    s.event(arrangement.day, 'arrangement', { instalmentPence: arrangement.instalment, frequency: 'weekly' }, null);
    s.event(arrangement.review, 'action', { action: 'review_arrangement', outcome: 'no_contact' }, 'Arrangement broken; no response to calls or letter.');
  }
  if (stage === 'notice_valid') return true;

  // the claim checklist
  const claimDay = C ?? A;
  const statementDay = officeDay(claimDay - rng.int(3, 60));
  const missable = arrangement ? ['rent_statement_sent', 'debt_advice_referral', 'post_notice_contact', 'pre_issue_warning'] : ['rent_statement_sent', 'debt_advice_referral', 'post_notice_contact'];
  const missing = stage === 'claim_checklist' ? rng.pick(missable) : null;
  if (missing !== 'post_notice_contact' && postNotice <= A) s.event(postNotice, 'pre_action', { item: 'post_notice_contact' }, null);
  if (missing !== 'rent_statement_sent') {
    s.event(statementDay, 'pre_action', { item: 'rent_statement_sent' }, 'Rent statement for the last two years sent.');
  } else {
    const old = officeDay(A - rng.int(100, 200));
    if (old >= ep) s.event(old, 'pre_action', { item: 'rent_statement_sent' }, 'Rent statement sent (now more than three months old).');
  }
  if (missing !== 'debt_advice_referral') s.event(dayBetween(rng, N + 1, Math.min(claimDay - 1, N + 60)), 'pre_action', { item: 'debt_advice_referral' }, 'Referred to the council’s money advice service.');
  if (arrangement && missing !== 'pre_issue_warning') {
    s.event(officeDay(arrangement.review + rng.int(1, 4)), 'pre_action', { item: 'pre_issue_warning' }, 'Warned in writing that a claim will be issued in 14 days.');
  }
  if (stage === 'claim_checklist') return true;
  if (stage === 'apply' || stage === 'apply_benefit_claim' || stage === 'apply_dispute') {
    if (rng.chance(0.7)) s.event(officeDay(A - rng.int(1, 10)), 'psed_assessment', { stage: 'claim' }, null);
    if (stage === 'apply_benefit_claim') s.pendingHousingBenefitClaim(A - rng.int(10, 60), Math.round(W * uniform(rng, 0.6, 1)));
    if (stage === 'apply_dispute') s.event(officeDay(A - rng.int(2, 20)), 'dispute', {}, 'Tenant disputes the service charge for the communal heating.');
    return true;
  }

  // court
  const c = C as number;
  s.event(officeDay(c - rng.int(1, 7)), 'psed_assessment', { stage: 'claim' }, null);
  s.event(officeDay(c - rng.int(1, 5)), 'action', { action: 'apply_for_possession' }, 'Approved by the income manager.');
  const hearing = O ?? officeDay(c + rng.int(28, 56));
  if (O === null && hearing <= A) return false;
  s.event(c, 'claim_issued', { hearingDate: s.ctx.date(hearing) }, 'Issued through Possession Claims Online.');
  if (O === null) return true;
  const terms = orderKind === 'outright' ? { order: 'outright', possessionDate: s.ctx.date(O + 28) } : { order: orderKind, instalmentPence: instalment, frequency: 'weekly' };
  s.event(O, 'court_order', terms, orderKind === 'outright' ? 'Outright order: possession in 28 days.' : `Order on terms: rent plus £${formatPenceAsDecimal(instalment)} a week.`);
  if (warrantDay !== null && scheduledDay !== null && evictionDate !== null) {
    s.event(officeDay(warrantDay - rng.int(1, 5)), 'psed_assessment', { stage: 'warrant' }, null);
    s.event(warrantDay, 'action', { action: 'apply_for_warrant' }, 'Approved by the income manager.');
    s.event(warrantDay, 'warrant_requested', {}, 'N325A filed with a statement of payments since the order.');
    s.event(scheduledDay, 'eviction_scheduled', { evictionDate: s.ctx.date(evictionDate) }, 'Bailiffs’ appointment confirmed.');
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Benefit stories and holds

/** Housing Benefit short of the rent (under-occupancy), the tenant stopped paying the difference. */
function writeHousingBenefitShortfall(s: Story): boolean {
  const rng = s.rng;
  const A = s.asOfDay;
  const start = pickStart(s, A - 20 * 7);
  s.tenure = pickTenure(s, start, false);
  s.begin(start, null, null, s.tenure);
  const from = s.startDay >= s.sim.base || rng.chance(0.6) ? s.startDay : rng.int(s.sim.base, A - 16 * 7);
  s.housingBenefit(from, null, 0.86);
  const p = pickTenantPayment(rng);
  const config = steadyConfig({ method: p.method === 'direct_debit' || p.method === 'standing_order' ? 'payment_card' : p.method, frequency: 'weekly', offsetDays: rng.int(0, 2) });
  const stop = mondayOf(A) - 7 * rng.int(3, 6);
  s.run(stop, s.steadyPayer(config));
  s.runToEnd(null);
  const view = s.arrears();
  const weeks = view.weeks(A);
  if (!(view.realOn(A) > 0 && weeks < 1)) return false;
  s.paymentProfile = `housing_benefit partial (under-occupancy) + ${config.method} weekly`;
  addHistory(s, view.episodeStartOn(A) ?? A);
  return true;
}

/** Universal Credit paid to the tenant, who has stopped paying the rent: ask for a managed payment. */
function writeUniversalCreditToTenant(s: Story, attempt: number): boolean {
  const result = writeLadderEpisode(s, { steps: 4, weeks: [9.2, 13], growth: [0.75, 1], lastStepAgo: [1, 11], ucTenant: true, checklist: 'some' }, attempt);
  return result !== null;
}

/** Universal Credit paid to the landlord less a deduction the tenant does not pay: ask for a third party deduction. */
function writeUniversalCreditDeduction(s: Story, attempt: number): boolean {
  const rng = s.rng;
  const A = s.asOfDay;
  const fraction = Math.round(uniform(rng, 0.72, 0.84) * 100) / 100;
  const weeksToGo = Math.ceil(5.2 / (1 - fraction)) + 2 + Math.max(0, attemptShift(attempt));
  const ucFrom = officeDay(A - 7 * weeksToGo);
  const start = pickStart(s, ucFrom - 12 * 7);
  s.tenure = pickTenure(s, start, false);
  s.begin(start, null, null, s.tenure);
  const f = setupFunding(s, 'tenant', { wobbly: false });
  s.universalCredit(ucFrom, null, fraction, true);
  s.paymentProfile = `universal_credit managed (deduction); ${f.label} before`;
  const payer = new HookedPayer(s.steadyPayer({ ...f.config, quietFrom: ucFrom - 160 })).on(ucFrom - 1, clearBalance('debit_card'));
  s.run(ucFrom, payer);
  s.runToEnd(null);
  const view = s.arrears();
  const monthlyEquivalent = Math.round((s.currentWeeklyCharge * 52) / 12);
  const ep = view.episodeStartOn(A);
  if (ep === null || view.realOn(A) < monthlyEquivalent + 200) return false;
  const steps = placeLadder(view, rng, { from: ep, until: A, maxSteps: 3, delay: [2, 8], lastStepOn: officeDay(A - rng.int(1, 5)) });
  if (steps.length !== 3) return false;
  addHistory(s, ep);
  s.addEvents(ladderEvents(steps, rng));
  return true;
}

/** A sole tenant has died; the estate has not yet ended the tenancy. */
function writeDeceased(s: Story): boolean {
  const rng = s.rng;
  const A = s.asOfDay;
  const death = A - rng.int(14, 70);
  const start = pickStart(s, death - YEAR, A - 45 * YEAR);
  s.tenure = pickTenure(s, start, false);
  s.tenants.splice(1);
  s.begin(start, null, null, s.tenure);
  const f = setupFunding(s, 'tenant', { wobbly: false });
  s.paymentProfile = f.label;
  s.run(death, s.steadyPayer(f.config));
  s.runToEnd(null);
  if (s.arrears().cashOn(A) <= 0) return false;
  s.event(officeDay(death + rng.int(2, 12)), 'tenant_deceased', { survivingJointTenant: false }, 'Notified by the family; tenancy to be ended by the executor.');
  return true;
}

// ---------------------------------------------------------------------------------------------------
// Former tenancies

type FormerKind =
  | 'former_clear'
  | 'former_credit'
  | 'former_trace'
  | 'former_fta_letter'
  | 'former_debt_agency'
  | 'former_agency_monitor'
  | 'former_arrangement'
  | 'former_uneconomic'
  | 'former_statute_barred'
  | 'former_deceased'
  | 'former_insolvency'
  | 'former_uncollectable';

function writeFormer(s: Story, kind: FormerKind): boolean {
  const rng = s.rng;
  const A = s.asOfDay;
  const endAgo: Record<FormerKind, readonly [number, number]> = {
    former_clear: [7, 1600],
    former_credit: [14, 400],
    former_trace: [20, 300],
    former_fta_letter: [10, 100],
    former_debt_agency: [75, 420],
    former_agency_monitor: [90, 600],
    former_arrangement: [120, 700],
    former_uneconomic: [30, 900],
    former_statute_barred: [6 * YEAR + 60, 6 * YEAR + 700],
    former_deceased: [20, 300],
    former_insolvency: [60, 600],
    former_uncollectable: [250, 1200],
  };
  const [lo, hi] = endAgo[kind];
  const end = A - rng.int(lo, hi);
  const statuteBarred = kind === 'former_statute_barred';
  const start = statuteBarred ? end - rng.int(3 * YEAR, 12 * YEAR) : pickStart(s, end - 26 * 7);
  let endReason: EndReason;
  if (kind === 'former_clear') endReason = rng.weighted<EndReason>([['transfer', 40], ['notice', 35], ['deceased', 10], ['other', 15]]);
  else if (kind === 'former_credit') endReason = rng.weighted<EndReason>([['transfer', 40], ['notice', 50], ['other', 10]]);
  else if (kind === 'former_deceased') endReason = 'deceased';
  else endReason = rng.weighted<EndReason>([['abandonment', 35], ['notice', 35], ['eviction', 20], ['other', 10]]);
  let tenure = pickTenure(s, start);
  if (s.asOfDay - start >= YEAR && tenure === 'introductory') tenure = 'secure';
  if (end - start < YEAR && tenure === 'secure') tenure = 'introductory';
  s.tenure = tenure;
  applyTenureRent(s);
  if (kind === 'former_deceased') s.tenants.splice(1);
  const ledgerStart = statuteBarred ? mondayOf(end) - 7 * rng.int(26, 60) : undefined;
  s.begin(start, end, endReason, tenure, ledgerStart !== undefined ? Math.max(ledgerStart, start) : undefined);
  const f = setupFunding(s, 'tenant', { wobbly: !statuteBarred });
  s.paymentProfile = f.label;

  // arrears built up before the end (none for the clear and credit stories)
  const debtWeeks =
    kind === 'former_clear' || kind === 'former_credit'
      ? 0
      : kind === 'former_uneconomic'
        ? 6
        : endReason === 'eviction'
          ? rng.int(10, 30)
          : rng.int(2, 16);
  const stopPaying = debtWeeks > 0 ? mondayOf(end) - 7 * debtWeeks : Number.MAX_SAFE_INTEGER;
  const hooks = new HookedPayer(null);
  if (kind === 'former_clear') {
    hooks.on(end, clearBalance(f.config.method, 'Final payment'));
    hooks.on(end, (sim, day) => {
      const refundDay = Math.min(A, day + rng.int(7, 28));
      if (sim.balance < 0 && refundDay > day) sim.schedule(sim.makeTx(refundDay, 'refund', -sim.balance, { method: 'bank_transfer', note: 'Credit refunded to the former tenant' }));
    });
  }
  if (kind === 'former_uneconomic') {
    const leftover = rng.int(500, 4900);
    hooks.on(end, (sim, day) => {
      if (sim.balance > leftover) sim.pay(day, sim.balance - leftover, f.config.method, 'Final payment');
    });
  }
  if (kind === 'former_credit') {
    hooks.on(end, (sim, day) => {
      if (sim.balance > 0) sim.pay(day, sim.balance, f.config.method, 'Final payment');
      const extra = Math.round(sim.weeklyChargeOn(day) * uniform(rng, 0.3, 1.5));
      const when = Math.min(A, day + rng.int(2, 12));
      sim.schedule(sim.makeTx(when, 'payment', -extra, { method: f.config.method === 'standing_order' ? 'standing_order' : 'direct_debit', note: 'Collected after the tenancy ended' }));
    });
  }
  hooks.on(end, (sim, day) => transferToFormerTenantArrears(sim, day));
  if (statuteBarred) s.openingBalance(Math.round(s.weeklyChargeOn(s.sim.base) * uniform(rng, 0, 2)));
  const steady = s.steadyPayer({ ...f.config, quietFrom: Math.min(stopPaying, end) - 160 });
  const phased = new PhasedPayer([
    { from: 0, payer: steady },
    { from: stopPaying, payer: null },
  ]);
  const after = end + 1;
  let arrangementDay: number | null = null;
  let instalment = 0;
  let letterDay: number | null = null;
  const hasForwarding = ['former_fta_letter', 'former_debt_agency', 'former_agency_monitor', 'former_arrangement'].includes(kind) || (kind === 'former_insolvency' && rng.chance(0.5));
  if (['former_debt_agency', 'former_agency_monitor', 'former_arrangement', 'former_statute_barred'].includes(kind)) {
    letterDay = officeDay(after + rng.int(7, 45));
    if (kind === 'former_debt_agency' && letterDay > A - 29) return false;
  }
  if (kind === 'former_arrangement' && letterDay !== null) {
    arrangementDay = officeDay(letterDay + rng.int(14, 40));
    instalment = rng.pick([1000, 1500, 2000, 2500, 3000]);
    if (arrangementDay > A - 35) return false;
  }
  const arrangement = arrangementDay !== null ? new ArrangementPayer(arrangementDay, instalment, 'monthly', rng.pick(['standing_order', 'debit_card']), Number.MAX_SAFE_INTEGER, rng.int(0, 2)) : null;
  s.runToEnd({
    onDay: (sim, day) => {
      if (day <= end) phased.onDay(sim, day);
      else arrangement?.onDay(sim, day);
      hooks.onDay(sim, day);
    },
  });
  const balance = s.arrears().cashOn(A);
  if (kind === 'former_clear' ? balance !== 0 : kind === 'former_credit' ? balance >= 0 : kind === 'former_uneconomic' ? !(balance > 0 && balance < 5000) : balance < 5000) return false;
  if (arrangementDay !== null && !compliance(s, s.arrears(), arrangementDay, instalment, 'monthly').kept) return false;
  if (statuteBarred) {
    const cutoff = addMonthsDay(A, -72);
    for (const t of s.sim.txs) if (t.day >= cutoff && (t.amount > 0 || t.kind === 'payment')) return false;
  }

  // the record
  addHistory(s, end + 1);
  const evictionOrder = officeDay(end - rng.int(60, 120));
  const evictionNotice = officeDay(evictionOrder - rng.int(90, 160));
  if (endReason === 'eviction' && evictionNotice > start + 60) {
    const evicted = end;
    const order = evictionOrder;
    const notice = evictionNotice;
    s.event(notice, 'notice_served', noticeFor(tenure).grounds ? { notice: noticeFor(tenure).notice, grounds: ['1'] } : { notice: noticeFor(tenure).notice }, null);
    s.event(officeDay(order - rng.int(30, 50)), 'claim_issued', { hearingDate: s.ctx.date(order) }, null);
    s.event(order, 'court_order', { order: 'outright', possessionDate: s.ctx.date(order + 28) }, null);
    s.event(officeDay(order + rng.int(35, 50)), 'warrant_requested', {}, null);
    s.event(officeDay(evicted - rng.int(14, 25)), 'eviction_scheduled', { evictionDate: s.ctx.date(evicted) }, null);
  }
  if (hasForwarding) {
    if (rng.chance(0.5)) {
      const t = s.tenants[0];
      if (t) {
        t.hasForwardingAddress = true;
        t.forwardingAddress = fictionalForwardingAddress(rng);
      }
    } else {
      s.event(Math.min(A, officeDay(after + rng.int(0, 20))), 'forwarding_address', {}, 'Forwarding address given when the keys were returned.');
    }
  }
  if (kind === 'former_statute_barred') {
    s.event(letterDay as number, 'action', { action: 'send_fta_letter' }, null);
    s.event(officeDay((letterDay as number) + rng.int(30, 60)), 'agency_referral', { agency: 'trace' }, null);
  }
  if (letterDay !== null && kind !== 'former_statute_barred') s.event(letterDay, 'action', { action: 'send_fta_letter' }, 'Former tenant arrears letter sent to the forwarding address.');
  if (kind === 'former_agency_monitor' && letterDay !== null) {
    const referral = officeDay(letterDay + rng.int(30, 60));
    if (referral > A) return false;
    s.event(referral, 'action', { action: 'debt_agency_referral' }, null);
    s.event(referral, 'agency_referral', { agency: 'debt_collection' }, 'Referred to the debt collection agency.');
  }
  if (kind === 'former_arrangement' && arrangementDay !== null) {
    s.event(arrangementDay, 'acknowledgment', {}, 'Former tenant signed an acknowledgment of the debt.');
    s.event(arrangementDay, 'arrangement', { instalmentPence: instalment, frequency: 'monthly' }, null);
  }
  if (kind === 'former_deceased') s.event(officeDay(end - rng.int(20, 60)), 'tenant_deceased', { survivingJointTenant: false }, 'Sole tenant died; no estate known.');
  if (kind === 'former_insolvency') s.event(officeDay(after + rng.int(20, 50)), 'insolvency', { kind: rng.chance(0.5) ? 'bankruptcy' : 'dro' }, null);
  if (kind === 'former_uncollectable') {
    const referral = officeDay(after + rng.int(20, 60));
    s.event(referral, 'action', { action: 'trace_referral' }, null);
    s.event(referral, 'agency_referral', { agency: 'trace', returnedOn: s.ctx.date(officeDay(referral + rng.int(60, 120))), result: 'untraceable' }, 'Trace agent could not find the former tenant.');
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------
// The catalogue

export interface ScenarioSpec {
  name: string;
  /** How many per 10,000 tenancies. */
  per10k: number;
  former: boolean;
  write(s: Story, attempt: number): boolean;
}

const ladder = (name: string, per10k: number): ScenarioSpec => ({ name, per10k, former: false, write: (s, a) => writeLadderScenario(s, name, a) });
const legal = (name: LegalStage, per10k: number): ScenarioSpec => ({ name, per10k, former: false, write: (s, a) => writeLegal(s, name, a) });
const former = (name: FormerKind, per10k: number): ScenarioSpec => ({ name, per10k, former: true, write: (s) => writeFormer(s, name) });

export const SCENARIOS: readonly ScenarioSpec[] = [
  { name: 'paid_up', per10k: 7150, former: false, write: (s) => writeClean(s, 'clean') },
  { name: 'in_credit', per10k: 330, former: false, write: (s) => writeClean(s, 'credit') },
  { name: 'late_but_steady', per10k: 520, former: false, write: (s) => writeClean(s, 'late') },
  ladder('letter_1_due', 190),
  ladder('letter_1_sent', 90),
  ladder('drifting_payer', 70),
  ladder('letter_2_due', 80),
  ladder('home_visit_due', 60),
  ladder('final_warning_due', 45),
  ladder('complete_pre_action_notice', 30),
  ladder('serve_notice_due', 35),
  { name: 'arrangement_kept', per10k: 260, former: false, write: (s, a) => writeArrangement(s, 'kept', a) },
  { name: 'arrangement_broken', per10k: 60, former: false, write: (s, a) => writeArrangement(s, 'broken', a) },
  { name: 'arrangement_broken_reviewed', per10k: 20, former: false, write: (s, a) => writeArrangement(s, 'broken_reviewed', a) },
  legal('notice_pending', 25),
  legal('notice_valid', 45),
  legal('claim_checklist', 14),
  legal('apply', 16),
  legal('apply_benefit_claim', 4),
  legal('apply_dispute', 3),
  legal('claim_issued', 12),
  legal('order_suspended_kept', 36),
  legal('order_suspended_broken', 12),
  legal('order_outright', 4),
  legal('order_postponed_broken', 5),
  legal('order_adjourned_broken', 4),
  legal('eviction', 3),
  legal('eviction_cleared', 2),
  { name: 'breathing_space', per10k: 6, former: false, write: (s, a) => writeBreathingSpace(s, a) },
  { name: 'dispute', per10k: 5, former: false, write: (s, a) => writeDispute(s, a) },
  { name: 'vulnerability_review_due', per10k: 8, former: false, write: (s, a) => writeVulnerabilityReview(s, a) },
  { name: 'insolvency', per10k: 3, former: false, write: (s, a) => writeInsolvencyHold(s, a) },
  { name: 'tenant_deceased', per10k: 4, former: false, write: (s) => writeDeceased(s) },
  { name: 'housing_benefit_shortfall', per10k: 45, former: false, write: (s) => writeHousingBenefitShortfall(s) },
  { name: 'universal_credit_to_tenant_arrears', per10k: 25, former: false, write: (s, a) => writeUniversalCreditToTenant(s, a) },
  { name: 'universal_credit_deduction_arrears', per10k: 30, former: false, write: (s, a) => writeUniversalCreditDeduction(s, a) },
  former('former_clear', 220),
  former('former_credit', 35),
  former('former_trace', 40),
  former('former_fta_letter', 35),
  former('former_debt_agency', 30),
  former('former_agency_monitor', 25),
  former('former_arrangement', 20),
  former('former_uneconomic', 3),
  former('former_statute_barred', 2),
  former('former_deceased', 3),
  former('former_insolvency', 3),
  former('former_uncollectable', 4),
];

/** Landlords at least this big get at least one of every story. */
export const EVERY_STORY_FROM = 300;

/**
 * How many tenancies tell each story (largest remainders, so they add up to `total`), with at least one
 * of each in a landlord of EVERY_STORY_FROM tenancies or more (taken from the paid-up accounts).
 */
export function scenarioQuotas(total: number): number[] {
  const weightSum = SCENARIOS.reduce((n, s) => n + s.per10k, 0);
  const exact = SCENARIOS.map((s) => (s.per10k * total) / weightSum);
  const quotas = exact.map((x) => Math.floor(x));
  let left = total - quotas.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    quotas[i] = (quotas[i] as number) + 1;
    left -= 1;
  }
  if (total >= EVERY_STORY_FROM) {
    for (let i = 1; i < quotas.length; i++) {
      if (quotas[i] === 0) {
        quotas[i] = 1;
        quotas[0] = (quotas[0] as number) - 1;
      }
    }
  }
  return quotas;
}

/** The story of each tenancy, shuffled by the seed. */
export function assignScenarios(total: number, rng: Random): Uint16Array {
  const quotas = scenarioQuotas(total);
  const list: number[] = [];
  quotas.forEach((q, i) => {
    for (let k = 0; k < q; k++) list.push(i);
  });
  rng.shuffle(list);
  return Uint16Array.from(list);
}

/** The fallback when a story cannot be written as specified: a plain paid-up account. */
export function writeFallback(s: Story): boolean {
  return writeClean(s, 'clean');
}
