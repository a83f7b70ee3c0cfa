/**
 * A rule of §4 (current tenancies) or §7 (former tenancies): it either decides the action (the first
 * that does wins) or lets the assessment go on to the next rule. Each outcome is traced.
 */
import type { NoticeType } from '../../case-file/case-file';
import type { AssessmentContext } from '../assessment-context';
import type { ActionCode, BlockedBy, ProposedNoticeDates, TraceFigures, WriteOffReason } from '../types';

export interface Decision {
  action: ActionCode;
  missing: string[];
  notice?: NoticeType;
  grounds?: string[];
  proposedDates?: ProposedNoticeDates;
  writeOffReason?: WriteOffReason;
  /** Set by §4 rules 1–2 (tenant_deceased, insolvency). */
  blockedBy?: BlockedBy[];
  /** §4 rules 1–2 hold the whole account: no benefit suggestions (§6). */
  isAccountHeld?: boolean;
  reasons: string[];
}

export interface RuleOutcome {
  /** null: the rule does not match; go on. */
  decision: Decision | null;
  detail: string;
  figures: TraceFigures;
}

export interface Rule {
  /** Names the policy paragraph, e.g. "§4.7 arrangement in force". */
  name: string;
  evaluate(ctx: AssessmentContext): RuleOutcome;
}

export function decision(action: ActionCode, reasons: string[], extra: Partial<Omit<Decision, 'action' | 'reasons'>> = {}): Decision {
  return { action, missing: [], reasons, ...extra };
}

export function decides(d: Decision, detail: string, figures: TraceFigures = {}): RuleOutcome {
  return { decision: d, detail, figures };
}

export function goesOn(detail: string, figures: TraceFigures = {}): RuleOutcome {
  return { decision: null, detail, figures };
}
