/**
 * The legal side of a case as of a day: the stage (from the events, through the transition table), the
 * notice in force and its validity, the Protocol checklist of the arrears episode with its evidence, the
 * guardrails, the equality assessments and the claim gate. Read by the legal page, the claim form and the
 * court work (`claimGateFor`).
 */
import { assessCase } from '../../domain/assessment';
import { buildAssessmentContext } from '../../domain/assessment/assessment-context';
import { CURRENT_TENANCY_GUARDRAILS } from '../../domain/assessment/guardrails/apply-guardrails';
import { Trace } from '../../domain/assessment/trace';
import type { ActionCode, AssessmentOutput } from '../../domain/assessment/types';
import type { BusinessDate } from '../../domain/calendar/business-date';
import type { PreActionItem } from '../../domain/case-file/case-file';
import { LEGAL_TRANSITIONS, legalStageOf, NEXT_STEP, type LegalStage, type Transition } from '../../domain/legal-case/legal-case-stages';
import { claimGate, noticeGate, type ClaimGate, type ClaimGateInput, type GateEvent, type GateGuardrail } from '../../domain/legal-case/protocol-gate';
import { resolvePolicy } from '../../domain/policy';
import type { Db } from '../../persistence/database';
import { listApprovalsOfTenancy } from '../../persistence/stores/approval-store';
import { loadCaseData } from '../../persistence/stores/case-data-store';
import { listCaseEvents, type CaseEventRow } from '../../persistence/stores/case-event-store';
import { activePolicy } from '../assessment/assess-tenancies';
import { caseFileOf } from '../case-file/build-case-file';

/** The event types of the legal history (the stage events and the Protocol records). */
export const LEGAL_EVENT_TYPES: readonly string[] = [
  'pre_action',
  'psed_assessment',
  'notice_served',
  'claim_issued',
  'hearing_listed',
  'court_order',
  'warrant_requested',
  'eviction_scheduled',
  'eviction_cancelled',
  'evicted',
  'tenancy_ended',
];

export interface LegalSituation {
  tenancyId: number;
  asOf: BusinessDate;
  /** The engine's output on asOf (episodeStart, notice in force, arrears). */
  assessment: AssessmentOutput;
  stage: LegalStage;
  nextStep: string;
  /** Transitions from the current stage, with their guards. */
  transitions: Transition[];
  /** Every case event (including any dated after asOf, e.g. a notice posted today and served later). */
  events: CaseEventRow[];
  gateInput: ClaimGateInput;
  claimGate: ClaimGate;
  noticeGate: { open: boolean; reasons: string[]; missingItems: PreActionItem[] };
  /** The §5 guardrails holding on asOf, whatever the action. */
  guardrailsHolding: GateGuardrail[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function gateEventOf(e: CaseEventRow): GateEvent {
  const d = e.details ?? {};
  const ev = d.evidence as { kind?: unknown; id?: unknown } | undefined;
  return {
    id: e.id,
    type: e.type,
    date: e.event_date,
    item: str(d.item),
    evidence: ev && typeof ev.kind === 'string' && (typeof ev.id === 'string' || typeof ev.id === 'number') ? { kind: ev.kind, id: String(ev.id) } : null,
    stage: str(d.stage),
    decision: str(d.decision),
  };
}

/** The legal situation of a tenancy on asOf (the engine run on the case file built for that day). */
export async function legalSituation(db: Db, tenancyId: number, asOf: BusinessDate): Promise<LegalSituation> {
  const [data] = await loadCaseData(db, { ids: [tenancyId] }, asOf);
  if (!data) throw new Error(`no tenancy ${tenancyId}`);
  const parsed = caseFileOf(data, asOf);
  if (!parsed.ok) throw new Error(`stored case is not valid: ${parsed.path}: ${parsed.message}`);
  const policy = await activePolicy(db);
  const parameters = resolvePolicy(policy.document, parsed.value.tenancy.tenure, parsed.value.landlord.type);
  const assessment = assessCase(parsed.value, parameters).output;
  const ctx = buildAssessmentContext(parsed.value, parameters, new Trace());
  const holding = (action: ActionCode | null): GateGuardrail[] =>
    CURRENT_TENANCY_GUARDRAILS.filter((g) => action === null || g.blocks.includes(action)).flatMap((g) => {
      const c = g.condition(ctx);
      return c.holds ? [{ code: g.code, because: c.because }] : [];
    });

  // Every event for the history (a posted notice is served, by deemed service, after today); the stage and
  // the gate use only those on or before asOf.
  const events = await listCaseEvents(db, tenancyId);
  const upToAsOf = events.filter((e) => e.event_date <= asOf);
  const gateEvents = upToAsOf.map(gateEventOf);
  const approvals = await listApprovalsOfTenancy(db, tenancyId);
  const episodeStart = assessment.episodeStart;
  // By the business day it was decided on (not the moment's calendar day: the workspace's day may differ).
  const possessionApproved = approvals.some((a) => {
    const decided = a.decided_on;
    return a.action === 'apply_for_possession' && a.status === 'approved' && decided !== null && decided <= asOf && (episodeStart === null || decided >= episodeStart);
  });
  const n = assessment.notice;
  const gateInput: ClaimGateInput = {
    episodeStart,
    events: gateEvents,
    notice: n ? { type: n.type, servedOn: n.servedOn, earliestProceedingsDate: n.earliestProceedingsDate, expiresOn: n.expiresOn } : null,
    guardrails: holding('apply_for_possession'),
    possessionApproved,
    preIssueWarningDays: parameters.preIssueWarningDays,
  };
  const stage = legalStageOf(
    upToAsOf.map((e) => ({ type: e.type, date: e.event_date, order: str(e.details?.order), hearingDate: str(e.details?.hearingDate) })),
  );
  return {
    tenancyId,
    asOf,
    assessment,
    stage,
    nextStep: NEXT_STEP[stage],
    transitions: LEGAL_TRANSITIONS.filter((t) => t.from === stage),
    events,
    gateInput,
    claimGate: claimGate(gateInput, asOf),
    noticeGate: noticeGate({ episodeStart, events: gateEvents, guardrails: holding('serve_notice'), noticeChecklist: parameters.noticeChecklist }, asOf),
    guardrailsHolding: holding(null),
  };
}

/**
 * Whether a possession claim may be recorded as issued on asOf for this tenancy, with every reason it may
 * not (missing Protocol items, guardrails, the notice, the claim-stage equality assessment, the approval).
 */
export async function claimGateFor(db: Db, tenancyId: number, asOf: BusinessDate): Promise<ClaimGate> {
  return (await legalSituation(db, tenancyId, asOf)).claimGate;
}
