/**
 * The Pre-Action Protocol gate before a possession claim (pure).
 *
 * Rules and where they come from:
 * - The checklist items and when each counts: recovery policy §3 (the same rules as the engine's
 *   src/domain/assessment/measures/checklists.ts claimChecklistMissing): only `pre_action` events in the
 *   arrears episode count (§1 "Arrears episode"); all seven items, but `pre_issue_warning` only when an
 *   `arrangement` event is in the episode; `rent_statement_sent` on or after asOf − 91 days (protocol
 *   §2.2 step 3: quarterly, 13-week statements); `post_notice_contact` on or after the day the notice in
 *   force was served (§2.2 step 8); `pre_issue_warning` on or before asOf − preIssueWarningDays (§2.2
 *   step 9: a warning with a clear time limit before issue).
 * - The notice must be valid on the day of issue: recovery policy §2 (asOf >= earliest proceedings date
 *   and not past its expiry).
 * - Guardrails that stop `apply_for_possession`: recovery policy §5 (breathing space, dispute open,
 *   vulnerability review due, benefit claim pending); domain reference §4 and §14.4.
 * - An equality and proportionality (PSED) assessment for the claim stage, deciding to proceed: domain
 *   reference §12 (Equality Act 2010 s149; record at notice, issue, warrant) and §14.4; recovery policy §3.
 * - A manager's approval of apply_for_possession: recovery policy §5 (`needsApproval`).
 */
import { addDays, type BusinessDate } from '../calendar/business-date';
import { PRE_ACTION_ITEMS, type NoticeType, type PreActionItem } from '../case-file/case-file';
import { noticeValidityOn, type NoticeValidity } from './notice-service';
import { latestPsedFor } from './psed';

/** recovery policy §3: rent_statement_sent must be dated on or after asOf − 91 days. */
export const RENT_STATEMENT_WITHIN_DAYS = 91;

export const PRE_ACTION_ITEM_LABELS: Readonly<Record<PreActionItem, string>> = {
  initial_contact: 'Initial contact about the arrears',
  income_expenditure_offered: 'Income and expenditure assessment offered',
  rent_statement_sent: 'Rent statement sent (last 13 weeks)',
  benefit_advice_given: 'Help with benefit claims offered',
  debt_advice_referral: 'Referred to free debt advice',
  post_notice_contact: 'Contact after the notice was served',
  pre_issue_warning: 'Warning of the claim, with a time limit',
};

export interface Evidence {
  kind: string;
  id: string;
}

export interface GateEvent {
  id?: number;
  type: string;
  date: BusinessDate;
  /** pre_action: the checklist item. */
  item?: string | null;
  /** pre_action: what shows it was done. */
  evidence?: Evidence | null;
  /** psed_assessment: notice, claim or warrant. */
  stage?: string | null;
  /** psed_assessment: proceed or do_not_proceed. */
  decision?: string | null;
}

export interface GateNotice {
  type: NoticeType;
  servedOn: BusinessDate;
  earliestProceedingsDate: BusinessDate;
  expiresOn: BusinessDate | null;
}

export interface GateGuardrail {
  code: string;
  because: string;
}

export interface ClaimGateInput {
  /** The first day of the arrears episode (stored assessment `episodeStart`); null: no real arrears. */
  episodeStart: BusinessDate | null;
  /** The case events (any types; only those in the episode and on or before asOf count). */
  events: readonly GateEvent[];
  /** The notice in force (recovery policy §2), null when none. */
  notice: GateNotice | null;
  /** The §5 guardrails whose condition holds on asOf and that stop apply_for_possession. */
  guardrails: readonly GateGuardrail[];
  /** An approved apply_for_possession approval in the episode. */
  possessionApproved: boolean;
  /** ⚙ policy.preIssueWarningDays (default 14). */
  preIssueWarningDays: number;
}

export interface ChecklistLine {
  item: PreActionItem;
  label: string;
  /** False: not needed for a claim in this episode (pre_issue_warning with no arrangement). */
  required: boolean;
  done: boolean;
  /** The latest recording of the item that counts (or, when not done, the latest in the episode). */
  doneOn: BusinessDate | null;
  evidence: Evidence | null;
  /** Why it is not done, or why it is not required. */
  note: string | null;
}

export interface ClaimGate {
  open: boolean;
  missingItems: PreActionItem[];
  guardrails: GateGuardrail[];
  reasons: string[];
  checklist: ChecklistLine[];
  noticeValidity: NoticeValidity | null;
}

/** Events in the arrears episode up to asOf (recovery policy §1: events before the episode do not count). */
export function episodeEventsOf(input: Pick<ClaimGateInput, 'episodeStart' | 'events'>, asOf: BusinessDate): GateEvent[] {
  const start = input.episodeStart;
  if (start === null) return [];
  return input.events.filter((e) => e.date >= start && e.date <= asOf);
}

/** The claim checklist (recovery policy §3, "Before a claim"), one line per item in the §3 order. */
export function protocolChecklist(input: ClaimGateInput, asOf: BusinessDate): ChecklistLine[] {
  const inEpisode = episodeEventsOf(input, asOf);
  const arrangementInEpisode = inEpisode.some((e) => e.type === 'arrangement');
  return PRE_ACTION_ITEMS.map((item): ChecklistLine => {
    const recorded = inEpisode.filter((e) => e.type === 'pre_action' && e.item === item).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const latest = recorded.at(-1) ?? null;
    const line = (done: boolean, counted: GateEvent | null, note: string | null, required = true): ChecklistLine => ({
      item,
      label: PRE_ACTION_ITEM_LABELS[item],
      required,
      done,
      doneOn: (counted ?? latest)?.date ?? null,
      evidence: (counted ?? latest)?.evidence ?? null,
      note,
    });
    switch (item) {
      case 'rent_statement_sent': {
        const since = addDays(asOf, -RENT_STATEMENT_WITHIN_DAYS);
        const counted = recorded.filter((e) => e.date >= since).at(-1) ?? null;
        return counted ? line(true, counted, null) : line(false, null, latest ? `the last statement (${latest.date}) is older than 13 weeks: send one dated on or after ${since}` : 'not recorded in this arrears episode');
      }
      case 'post_notice_contact': {
        if (input.notice === null) return line(false, null, 'no notice in force: contact after a notice cannot be done yet');
        const servedOn = input.notice.servedOn;
        const counted = recorded.filter((e) => e.date >= servedOn).at(-1) ?? null;
        return counted ? line(true, counted, null) : line(false, null, `no contact recorded on or after the notice was served (${servedOn})`);
      }
      case 'pre_issue_warning': {
        if (!arrangementInEpisode) return line(true, latest, 'not required: no arrangement was made in this episode', false);
        const deadline = addDays(asOf, -input.preIssueWarningDays);
        const counted = recorded.filter((e) => e.date <= deadline).at(-1) ?? null;
        if (counted) return line(true, counted, null);
        return line(false, null, latest ? `the warning of ${latest.date} gives ${input.preIssueWarningDays} days: the claim can be issued from ${addDays(latest.date, input.preIssueWarningDays)}` : 'an arrangement broke down: send the warning letter with its time limit');
      }
      default:
        return latest ? line(true, latest, null) : line(false, null, 'not recorded in this arrears episode');
    }
  });
}

const NOTICE_NAMES: Readonly<Record<NoticeType, string>> = {
  nosp: 'notice of seeking possession',
  section_8: 'section 8 notice',
  section_128: 'section 128 notice',
  notice_to_quit: 'notice to quit',
};

/** Whether a claim may be recorded as issued on asOf, and every reason it may not (in a fixed order). */
export function claimGate(input: ClaimGateInput, asOf: BusinessDate): ClaimGate {
  const reasons: string[] = [];
  if (input.episodeStart === null) reasons.push('There are no real arrears on this date, so there is no arrears episode to bring a claim for');
  const checklist = protocolChecklist(input, asOf);
  const missingItems = checklist.filter((l) => !l.done).map((l) => l.item);
  for (const l of checklist.filter((x) => !x.done)) reasons.push(`Pre-action step missing: ${l.label.toLowerCase()} (${l.note ?? 'not recorded'})`);
  for (const g of input.guardrails) reasons.push(`Guardrail: ${g.because}`);
  let noticeValidity: NoticeValidity | null = null;
  if (input.notice === null) {
    reasons.push('No notice is in force in this arrears episode');
  } else {
    noticeValidity = noticeValidityOn(input.notice, asOf);
    const name = NOTICE_NAMES[input.notice.type];
    if (noticeValidity === 'not_yet_valid') reasons.push(`The ${name} served on ${input.notice.servedOn} is not valid until its earliest proceedings date, ${input.notice.earliestProceedingsDate}`);
    if (noticeValidity === 'expired') reasons.push(`The ${name} served on ${input.notice.servedOn} expired on ${input.notice.expiresOn}: serve a fresh notice`);
  }
  const psed = latestPsedFor(episodeEventsOf(input, asOf), 'claim');
  if (psed === null) reasons.push('No equality and proportionality assessment (claim stage) is recorded in this arrears episode');
  else if (psed.decision !== 'proceed') reasons.push(`The equality and proportionality assessment of ${psed.date} (claim stage) decided not to proceed`);
  if (!input.possessionApproved) reasons.push('A manager has not approved applying for possession');
  return { open: reasons.length === 0, missingItems, guardrails: [...input.guardrails], reasons, checklist, noticeValidity };
}

/**
 * Whether a notice may be recorded as served on asOf: no guardrail that stops serve_notice (recovery
 * policy §5; a notice served in a breathing space is void, §2), the Protocol notice checklist done in the
 * episode (recovery policy §3 "Before a notice", ⚙ noticeChecklist; the stage table's guard) and an equality assessment for the notice
 * stage deciding to proceed (domain reference §12, §14.4).
 */
export function noticeGate(
  input: Pick<ClaimGateInput, 'episodeStart' | 'events' | 'guardrails'> & { noticeChecklist?: readonly PreActionItem[] },
  asOf: BusinessDate,
): { open: boolean; reasons: string[]; missingItems: PreActionItem[] } {
  const reasons = input.guardrails.map((g) => `Guardrail: ${g.because}`);
  const missingItems = noticeChecklistMissingItems(input, asOf);
  if (missingItems.length > 0) reasons.push(`The Protocol notice checklist is not complete: ${missingItems.map((i) => PRE_ACTION_ITEM_LABELS[i]).join('; ')}`);
  const psed = latestPsedFor(episodeEventsOf(input, asOf), 'notice');
  if (psed === null) reasons.push('No equality and proportionality assessment (notice stage) is recorded in this arrears episode');
  else if (psed.decision !== 'proceed') reasons.push(`The equality and proportionality assessment of ${psed.date} (notice stage) decided not to proceed`);
  return { open: reasons.length === 0, reasons, missingItems };
}

/**
 * The notice checklist (recovery policy §3 "Before a notice", ⚙ `noticeChecklist`; the stage table's guard
 * "Protocol notice checklist done"): its items with no `pre_action` event in the arrears episode on or
 * before asOf, in the §3 order — the same rule as the engine's `noticeChecklistMissing`.
 */
export function noticeChecklistMissingItems(input: Pick<ClaimGateInput, 'episodeStart' | 'events'> & { noticeChecklist?: readonly PreActionItem[] }, asOf: BusinessDate): PreActionItem[] {
  const wanted = input.noticeChecklist ?? [];
  const done = new Set(episodeEventsOf(input, asOf).filter((e) => e.type === 'pre_action').map((e) => e.item));
  return PRE_ACTION_ITEMS.filter((item) => wanted.includes(item) && !done.has(item));
}
