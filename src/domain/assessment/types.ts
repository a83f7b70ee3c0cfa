/** The output of `rentwise assess` (contracts/case-file.md, "Output (version 1)") and its trace. */
import type { BusinessDate } from '../calendar/business-date';
import type { NoticeType } from '../case-file/case-file';
import type { Pence } from '../money/pence';

export const ACTION_CODES = [
  'none',
  'monitor',
  'send_letter_1',
  'send_letter_2',
  'home_visit',
  'send_final_warning',
  'complete_pre_action',
  'serve_notice',
  'monitor_notice',
  'apply_for_possession',
  'prepare_hearing',
  'monitor_order',
  'apply_for_warrant',
  'apply_to_fix_date',
  'apply_to_restore',
  'prepare_eviction',
  'cancel_eviction',
  'monitor_arrangement',
  'review_arrangement',
  'review_vulnerability',
  'chase_benefit_claim',
  'request_managed_payment',
  'request_third_party_deduction',
  'request_hb_direct_payment',
  'offer_dhp_support',
  'resolve_dispute',
  'hold',
  'send_fta_letter',
  'trace_referral',
  'debt_agency_referral',
  'propose_write_off',
  'refund_credit',
] as const;
export type ActionCode = (typeof ACTION_CODES)[number];

export type BlockingCode = 'breathing_space' | 'benefit_claim_pending' | 'vulnerability_review_due' | 'dispute_open' | 'tenant_deceased' | 'insolvency';

export type WriteOffReason = 'insolvency' | 'deceased' | 'statute_barred' | 'uneconomic' | 'uncollectable';

/** `missing` lists checklist items, plus `psed_assessment` for the steps that need one. */
export type MissingItem = string;

export interface ProposedNoticeDates {
  earliestProceedingsDate: BusinessDate;
  expiresOn: BusinessDate | null;
}

export interface Recommendation {
  action: ActionCode;
  needsApproval: boolean;
  missing: MissingItem[];
  /** Only with serve_notice. */
  notice?: NoticeType;
  grounds?: string[];
  proposedDates?: ProposedNoticeDates;
  /** Only with propose_write_off. */
  writeOffReason?: WriteOffReason;
}

export type BlockedBy = { code: 'breathing_space'; until: BusinessDate | null } | { code: Exclude<BlockingCode, 'breathing_space'> };

export type ArrangementView = { status: 'none' } | { status: 'kept' | 'broken'; shortfallPence: Pence };

export interface NoticeView {
  type: NoticeType;
  servedOn: BusinessDate;
  earliestProceedingsDate: BusinessDate;
  /** null: a notice that does not lapse, or one held open by a breathing space. */
  expiresOn: BusinessDate | null;
  valid: boolean;
}

export interface AssessmentOutput {
  version: 1;
  tenancyRef: string;
  asOf: BusinessDate;
  balancePence: Pence;
  weeklyChargePence: Pence;
  arrearsPence: Pence;
  technicalArrearsPence: Pence;
  realArrearsPence: Pence;
  /** realArrears / weekly charge, rounded half-up to 2 decimals. */
  weeksInArrears: number;
  episodeStart: BusinessDate | null;
  arrangement: ArrangementView;
  notice: NoticeView | null;
  recommendation: Recommendation;
  alsoConsider: ActionCode[];
  blockedBy: BlockedBy[];
  reasons: string[];
  priority: number;
}

export type TraceFigure = number | string | boolean | null;
export type TraceFigures = Record<string, TraceFigure>;

/** One rule, measure or check considered, in order, with whether it matched and what it used. */
export interface TraceEntry {
  rule: string;
  matched: boolean;
  detail: string;
  figures: TraceFigures;
}

export interface AssessmentResult {
  output: AssessmentOutput;
  trace: TraceEntry[];
}
