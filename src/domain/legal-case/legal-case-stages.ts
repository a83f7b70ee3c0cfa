/**
 * The legal stages of a rent-arrears case as data: a transition table (stage, event, next stage, guard)
 * from arrears through notice, claim, hearing, order, warrant and eviction or closure. The diagram in
 * docs/diagrams/legal-case-stages.md is generated from this table (`npm run diagrams`).
 */
export const LEGAL_STAGES = [
  'pre_action',
  'notice_served',
  'claim_issued',
  'hearing_listed',
  'order_made',
  'order_suspended',
  'adjourned',
  'warrant_requested',
  'eviction_scheduled',
  'evicted',
  'closed',
] as const;
export type LegalStage = (typeof LEGAL_STAGES)[number];

export interface StageEvent {
  type: string;
  /** The event's own fields (order kind, hearing date…). */
  order?: string | null;
  hearingDate?: string | null;
}

export interface Transition {
  from: LegalStage;
  event: string;
  to: LegalStage;
  /** Why the transition is allowed, for people and the diagram; null = always. */
  guard: string | null;
  when?: (e: StageEvent) => boolean;
}

const isOrder = (...kinds: string[]) => (e: StageEvent) => kinds.includes(e.order ?? '');

export const LEGAL_TRANSITIONS: readonly Transition[] = [
  { from: 'pre_action', event: 'notice_served', to: 'notice_served', guard: 'Protocol notice checklist done; no breathing space; equality assessment (notice)' },
  { from: 'notice_served', event: 'notice_served', to: 'notice_served', guard: 'a fresh notice (the last expired or was void)' },
  { from: 'notice_served', event: 'claim_issued', to: 'claim_issued', guard: 'notice valid; Protocol claim checklist complete; manager approval; equality assessment (claim)' },
  { from: 'claim_issued', event: 'hearing_listed', to: 'hearing_listed', guard: 'the court sends a hearing date' },
  { from: 'claim_issued', event: 'court_order', to: 'order_made', guard: 'outright possession or money judgment', when: isOrder('outright', 'money_judgment') },
  { from: 'hearing_listed', event: 'court_order', to: 'order_made', guard: 'outright possession or money judgment', when: isOrder('outright', 'money_judgment') },
  { from: 'claim_issued', event: 'court_order', to: 'order_suspended', guard: 'suspended or postponed order with terms', when: isOrder('suspended', 'postponed') },
  { from: 'hearing_listed', event: 'court_order', to: 'order_suspended', guard: 'suspended or postponed order with terms', when: isOrder('suspended', 'postponed') },
  { from: 'claim_issued', event: 'court_order', to: 'adjourned', guard: 'adjourned on terms or generally', when: isOrder('adjourned_on_terms', 'adjourned_generally') },
  { from: 'hearing_listed', event: 'court_order', to: 'adjourned', guard: 'adjourned on terms or generally', when: isOrder('adjourned_on_terms', 'adjourned_generally') },
  { from: 'claim_issued', event: 'court_order', to: 'pre_action', guard: 'claim dismissed: the notice is spent', when: isOrder('dismissed') },
  { from: 'hearing_listed', event: 'court_order', to: 'pre_action', guard: 'claim dismissed: the notice is spent', when: isOrder('dismissed') },
  { from: 'adjourned', event: 'court_order', to: 'order_suspended', guard: 'restored: suspended or postponed order', when: isOrder('suspended', 'postponed') },
  { from: 'adjourned', event: 'court_order', to: 'order_made', guard: 'restored: outright order', when: isOrder('outright', 'money_judgment') },
  { from: 'order_suspended', event: 'court_order', to: 'order_made', guard: 'date fixed or order varied to outright', when: isOrder('outright') },
  { from: 'order_made', event: 'warrant_requested', to: 'warrant_requested', guard: 'possession date passed; manager approval; equality assessment (warrant)' },
  { from: 'order_suspended', event: 'warrant_requested', to: 'warrant_requested', guard: 'terms broken; manager approval; equality assessment (warrant)' },
  { from: 'warrant_requested', event: 'eviction_scheduled', to: 'eviction_scheduled', guard: 'the bailiffs give a date' },
  { from: 'eviction_scheduled', event: 'eviction_cancelled', to: 'order_suspended', guard: 'arrears cleared or the court suspends the warrant' },
  { from: 'eviction_scheduled', event: 'evicted', to: 'evicted', guard: 'eviction safeguards checklist complete' },
  { from: 'evicted', event: 'tenancy_ended', to: 'closed', guard: 'balance moved to former tenant arrears' },
];

/** What must happen next at each stage, for the case page. */
export const NEXT_STEP: Readonly<Record<LegalStage, string>> = {
  pre_action: 'Support and the Pre-Action Protocol; serve a notice only when the ladder and checklist allow',
  notice_served: 'Wait for the earliest proceedings date; contact after the notice; apply for possession only when valid and the claim checklist is complete',
  claim_issued: 'Await the hearing date; send the up-to-date statement and benefit disclosure 10 days before the hearing',
  hearing_listed: 'Prepare for the hearing: statement 10 days before, benefit position, the tenant\'s offer',
  order_made: 'Monitor until the possession date; a warrant needs a manager\'s approval and an equality assessment',
  order_suspended: 'Monitor the terms of the order; on breach, consider a warrant (approval needed)',
  adjourned: 'Monitor the terms; apply to restore on breach',
  warrant_requested: 'Await the eviction date from the county court bailiffs',
  eviction_scheduled: 'Complete the eviction safeguards checklist; cancel if the arrears are cleared',
  evicted: 'End the tenancy and move the balance to former tenant arrears',
  closed: 'Former tenant arrears recovery',
};

/** The next stage for an event, or null when the table has no transition for it (the event is ignored). */
export function advanceStage(stage: LegalStage, event: StageEvent): LegalStage | null {
  for (const t of LEGAL_TRANSITIONS) {
    if (t.from === stage && t.event === event.type && (!t.when || t.when(event))) return t.to;
  }
  return null;
}

/** Folds a case's events (in date order) through the table: the stage the case is at. */
export function legalStageOf(events: readonly (StageEvent & { date: string })[]): LegalStage {
  let stage: LegalStage = 'pre_action';
  const ordered = [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const e of ordered) {
    const expanded: StageEvent[] = e.type === 'claim_issued' && e.hearingDate ? [e, { type: 'hearing_listed' }] : [e];
    for (const x of expanded) stage = advanceStage(stage, x) ?? stage;
  }
  return stage;
}

/** The Mermaid state diagram of the table. */
export function legalStagesMermaid(): string {
  const lines = ['stateDiagram-v2', '  [*] --> pre_action'];
  for (const t of LEGAL_TRANSITIONS) {
    lines.push(`  ${t.from} --> ${t.to}: ${t.event}${t.guard ? ` [${t.guard.replace(/[:;]/g, ',')}]` : ''}`);
  }
  lines.push('  closed --> [*]');
  return lines.join('\n');
}
