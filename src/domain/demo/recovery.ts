/**
 * The demo's income officers: where the arrears justify it they send the letters of the recovery
 * ladder, phone and visit, record pre-action protocol steps, agree arrangements and, for the stories
 * that go that far, serve notices and go to court. Everything is placed from the account's own arrears
 * series, so the recorded steps are consistent with the money.
 */
import type { ArrearsView } from './arrears-view';
import { fromDayNumber } from '../calendar/business-date';
import { weekdayOf } from './account-simulation';
import type { PayerMarker } from './payers';
import type { Random } from './random';

export interface StoryEvent {
  day: number;
  type: string;
  details: Record<string, unknown>;
  note: string | null;
}

export const LADDER_STEPS = ['send_letter_1', 'send_letter_2', 'home_visit', 'send_final_warning'] as const;
export type LadderStep = (typeof LADDER_STEPS)[number];

export interface PlacedStep {
  step: LadderStep;
  day: number;
}

/** The next working day on or after `day` (officers work Monday to Friday). */
export function officeDay(day: number): number {
  const wd = weekdayOf(day);
  return wd === 5 ? day + 2 : wd === 6 ? day + 1 : day;
}

export interface LadderOptions {
  /** The first day a step may be taken (the episode start). */
  from: number;
  /** The last day a step may be taken. */
  until: number;
  /** How many steps at most (1 = letter 1 only, … 4 = up to the final warning). */
  maxSteps: number;
  /** Days between the arrears reaching a threshold and the officer acting. */
  delay: readonly [number, number];
  /** Put the last step on this day instead (when the arrears and the gap allow it). */
  lastStepOn?: number;
}

/**
 * Places the ladder's steps: each when the weeks in arrears reach its threshold (1, 2, 3, 4) and at
 * least 7 days after the step before, plus the officer's delay.
 */
export function placeLadder(view: ArrearsView, rng: Random, options: LadderOptions): PlacedStep[] {
  const steps: PlacedStep[] = [];
  let earliest = options.from;
  for (let i = 0; i < options.maxSteps && i < LADDER_STEPS.length; i++) {
    const threshold = i + 1;
    const isLast = i === options.maxSteps - 1;
    if (isLast && options.lastStepOn !== undefined) {
      const d = options.lastStepOn;
      if (d >= earliest && d <= options.until && view.weeks(d) >= threshold) steps.push({ step: LADDER_STEPS[i] as LadderStep, day: d });
      break;
    }
    let placed = false;
    let d = earliest;
    while (d <= options.until) {
      if (view.weeks(d) >= threshold) {
        const action = officeDay(d + rng.int(options.delay[0], options.delay[1]));
        if (action > options.until) break;
        if (view.weeks(action) >= threshold) {
          steps.push({ step: LADDER_STEPS[i] as LadderStep, day: action });
          earliest = action + 7;
          placed = true;
          break;
        }
        d = action + 1;
      } else {
        d += 1;
      }
    }
    if (!placed) break;
  }
  return steps;
}

const CONTACT_NOTES: readonly string[] = [
  'Tenant says wages were paid late this month.',
  'Tenant reports a change in working hours.',
  'Tenant waiting for a Universal Credit decision.',
  'Tenant says the bank changed the payment date.',
  'Explained the arrears and how to pay online.',
  'Tenant will call back after payday.',
];

/** The events of the ladder steps, with the phone calls and visits that go with them. */
export function ladderEvents(steps: readonly PlacedStep[], rng: Random, contactChance = 0.6): StoryEvent[] {
  const events: StoryEvent[] = [];
  for (const s of steps) {
    if (s.step === 'home_visit') {
      const noAccess = rng.chance(0.35);
      events.push({ day: s.day, type: 'action', details: { action: 'home_visit', outcome: noAccess ? 'no_access' : 'visited' }, note: null });
      events.push({ day: s.day, type: 'contact', details: { channel: 'visit', outcome: noAccess ? 'visited_no_access' : 'spoke' }, note: noAccess ? 'Calling card left.' : rng.pick(CONTACT_NOTES) });
      continue;
    }
    events.push({ day: s.day, type: 'action', details: { action: s.step }, note: null });
    if (rng.chance(contactChance)) {
      const outcome = rng.weighted([
        ['spoke', 5],
        ['no_answer', 3],
        ['message_left', 2],
      ] as const);
      const day = officeDay(s.day + rng.int(1, 4));
      events.push({ day, type: 'contact', details: { channel: rng.chance(0.8) ? 'phone' : 'sms', outcome }, note: outcome === 'spoke' ? rng.pick(CONTACT_NOTES) : null });
    }
  }
  return events;
}

export type NoticeChecklistItem = 'initial_contact' | 'income_expenditure_offered' | 'benefit_advice_given';
export const NOTICE_CHECKLIST: readonly NoticeChecklistItem[] = ['initial_contact', 'income_expenditure_offered', 'benefit_advice_given'];

export function preAction(day: number, item: string): StoryEvent {
  return { day, type: 'pre_action', details: { item }, note: null };
}

export function action(day: number, code: string, outcome?: string): StoryEvent {
  return { day, type: 'action', details: outcome ? { action: code, outcome } : { action: code }, note: null };
}

/** A day in [from, to] (office days), or `from` when the range is empty. */
export function dayBetween(rng: Random, from: number, to: number): number {
  if (to <= from) return officeDay(from);
  const d = officeDay(rng.int(from, to));
  return d > to ? from : d;
}

/**
 * Past arrears episodes (before `until`): letters when they reached a week, a second letter or a visit
 * when they went on, the catch-up arrangements the tenant kept, and the Direct Debit returns chased.
 */
export function historyEvents(view: ArrearsView, markers: readonly PayerMarker[], rng: Random, from: number, until: number): StoryEvent[] {
  const events: StoryEvent[] = [];
  let d = Math.max(from, view.base);
  while (d < until) {
    if (view.realOn(d) <= 0) {
      d += 1;
      continue;
    }
    // an episode from d to its end e (or until)
    let e = d;
    while (e + 1 < until && view.realOn(e + 1) > 0) e += 1;
    const steps = placeLadder(view, rng, { from: d, until: e, maxSteps: 3, delay: [1, 4] });
    events.push(...ladderEvents(steps, rng));
    if (steps.length > 0) {
      const first = steps[0] as PlacedStep;
      if (rng.chance(0.5)) events.push(preAction(first.day, 'initial_contact'));
      for (const m of markers) {
        if (m.kind === 'catch_up_plan' && m.day >= first.day && m.day <= e + 1 && m.instalmentPence) {
          const details: Record<string, unknown> = { instalmentPence: m.instalmentPence, frequency: m.frequency ?? 'weekly' };
          if (m.endDay !== undefined) details.endDate = fromDayNumber(m.endDay);
          events.push({ day: m.day, type: 'arrangement', details, note: 'Agreed to clear the missed payment.' });
          break;
        }
      }
    }
    d = e + 1;
  }
  for (const m of markers) {
    if (m.kind === 'dd_returned' && m.day < until) {
      events.push({ day: officeDay(m.day + 1), type: 'contact', details: { channel: 'sms', outcome: 'message_left' }, note: 'Direct Debit returned unpaid (ARUDD 0): payer asked to make sure funds are available.' });
    }
  }
  return events;
}
