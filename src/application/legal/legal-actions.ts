/**
 * What an officer records from the legal page: Protocol steps with their evidence, equality assessments,
 * notices served, the pre-issue warning and the claim issued. Each re-assesses the account at once and is
 * audited; the claim and the notice are refused (with the reasons) while their gate is closed.
 */
import { addDays, type BusinessDate } from '../../domain/calendar/business-date';
import type { PreActionItem } from '../../domain/case-file/case-file';
import { deemedServiceDate, type ServiceMethod } from '../../domain/legal-case/notice-service';
import type { PsedDecision, PsedStage } from '../../domain/legal-case/psed';
import type { ClaimGate, Evidence } from '../../domain/legal-case/protocol-gate';
import { appendAudit } from '../../persistence/stores/audit-store';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { findCaseEvent } from '../../persistence/stores/case-event-amend-store';
import { findLetter, insertLetter } from '../../persistence/stores/letter-store';
import { listTenants, type TenancyRow } from '../../persistence/stores/tenancy-store';
import { caseToActOn, reassessAfterChange, type CaseContext } from '../case-events/case-access';
import { draftNotice, noticeLetter, NoticeRefused, recordNoticeServed, type NoticeDraft } from '../notices/draft-notice';
import { buildStatement } from '../statements/build-statement';
import { raiseTasks } from '../tasks/tasks';
import { raiseHearingStatementTask } from '../court/court-actions';
import { legalSituation } from './legal-case';
import { completeNoticeLetter } from './notice-content';
import { buildPreIssueWarningLetter } from './pre-issue-warning-letter';

export type Denied = { kind: 'not_found' } | { kind: 'forbidden' };
export type Refused = { kind: 'refused'; reasons: string[] };

async function access(ctx: CaseContext, ref: string): Promise<TenancyRow | Denied> {
  const a = await caseToActOn(ctx.db, ctx.actor, ref);
  return a.ok ? a.tenancy : { kind: a.reason };
}
const isDenied = (x: TenancyRow | Denied): x is Denied => 'kind' in x;

async function auditCreate(ctx: CaseContext, tenancyId: number, entity: string, entityId: string, details: Record<string, unknown>) {
  await appendAudit(ctx.db, [{ actor: ctx.actor.username, origin: ctx.audit.origin, at: ctx.audit.now, action: 'create', entity, entityId, tenancyId, details }]);
}

export const EVIDENCE_KINDS = ['letter', 'contact', 'statement'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Checks the evidence exists on this tenancy: a letter id, a contact case event id, or a statement's date. */
export async function evidenceProblem(ctx: CaseContext, tenancyId: number, evidence: Evidence): Promise<string | null> {
  if (evidence.kind === 'letter') {
    const letter = /^\d{1,15}$/.test(evidence.id) ? await findLetter(ctx.db, Number(evidence.id)) : null;
    return letter && letter.tenancy_id === tenancyId ? null : `There is no letter ${evidence.id} on this account`;
  }
  if (evidence.kind === 'contact') {
    const event = /^\d{1,15}$/.test(evidence.id) ? await findCaseEvent(ctx.db, Number(evidence.id)) : null;
    return event && event.tenancy_id === tenancyId && event.type === 'contact' ? null : `There is no contact ${evidence.id} on this account`;
  }
  if (evidence.kind === 'statement') return /^\d{4}-\d{2}-\d{2}$/.test(evidence.id) && evidence.id <= ctx.today ? null : 'Enter the statement date as a past date';
  return 'Select the kind of evidence';
}

export interface PreActionRecord {
  item: PreActionItem;
  date: BusinessDate;
  evidence: Evidence;
  note: string | null;
}

/** Records a Protocol step as done, with a link to its evidence (a `pre_action` event). */
export async function recordPreActionItem(ctx: CaseContext, ref: string, r: PreActionRecord): Promise<{ kind: 'recorded'; eventId: number } | Denied | { kind: 'bad_evidence'; message: string }> {
  const tenancy = await access(ctx, ref);
  if (isDenied(tenancy)) return tenancy;
  const problem = await evidenceProblem(ctx, tenancy.id, r.evidence);
  if (problem) return { kind: 'bad_evidence', message: problem };
  const [id] = await appendCaseEvents(ctx.db, [
    {
      tenancyId: tenancy.id,
      eventDate: r.date,
      type: 'pre_action',
      details: { item: r.item, evidence: { kind: r.evidence.kind, id: r.evidence.id } },
      note: r.note,
      idempotencyKey: `pre_action:${tenancy.id}:${r.item}:${r.date}:${r.evidence.kind}:${r.evidence.id}`,
      recordedBy: ctx.actor.username,
    },
  ]);
  await auditCreate(ctx, tenancy.id, 'case_event', String(id ?? ''), { type: 'pre_action', item: r.item });
  await reassessAfterChange(ctx, [tenancy.id]);
  return { kind: 'recorded', eventId: id ?? 0 };
}

export interface PsedRecord {
  stage: PsedStage;
  date: BusinessDate;
  considered: string[];
  /** Which characteristics or vulnerabilities apply and how they were considered. */
  consideredNotes: string;
  adjustments: string;
  reasoning: string;
  decision: PsedDecision;
}

/** Records an equality and proportionality assessment (`psed_assessment`), the signed-in user deciding. */
export async function recordPsedAssessment(ctx: CaseContext, ref: string, r: PsedRecord): Promise<{ kind: 'recorded'; eventId: number } | Denied> {
  const tenancy = await access(ctx, ref);
  if (isDenied(tenancy)) return tenancy;
  const [id] = await appendCaseEvents(ctx.db, [
    {
      tenancyId: tenancy.id,
      eventDate: r.date,
      type: 'psed_assessment',
      details: {
        stage: r.stage,
        considered: r.considered,
        consideredNotes: r.consideredNotes,
        adjustments: r.adjustments,
        reasoning: r.reasoning,
        decision: r.decision,
        decisionMaker: ctx.actor.username,
        decisionMakerName: ctx.actor.displayName,
      },
      idempotencyKey: `psed:${tenancy.id}:${r.stage}:${ctx.audit.now.toISOString()}`,
      recordedBy: ctx.actor.username,
    },
  ]);
  await auditCreate(ctx, tenancy.id, 'case_event', String(id ?? ''), { type: 'psed_assessment', stage: r.stage, decision: r.decision });
  await reassessAfterChange(ctx, [tenancy.id]);
  return { kind: 'recorded', eventId: id ?? 0 };
}

export interface NoticeRequest {
  /** The day it was handed over, left or posted. */
  actedOn: BusinessDate;
  method: ServiceMethod;
  grounds?: string[];
}

export interface NoticePreview {
  draft: NoticeDraft;
  method: ServiceMethod;
  actedOn: BusinessDate;
  /** Reasons it cannot be recorded as served (guardrails, equality assessment). */
  refusals: string[];
}

/** The notice as it would be served (deemed service applied), with its dates and why it may be refused. */
export async function prepareNotice(ctx: CaseContext, ref: string, r: NoticeRequest): Promise<NoticePreview | Denied | Refused> {
  const tenancy = await access(ctx, ref);
  if (isDenied(tenancy)) return tenancy;
  const servedOn = deemedServiceDate(r.actedOn, r.method);
  try {
    const { draft } = await draftNotice(ctx.db, { ref, servedOn, ...(r.grounds && r.grounds.length > 0 ? { grounds: r.grounds } : {}) });
    const situation = await legalSituation(ctx.db, tenancy.id, servedOn);
    return { draft, method: r.method, actedOn: r.actedOn, refusals: situation.noticeGate.reasons };
  } catch (error) {
    if (error instanceof NoticeRefused) return { kind: 'refused', reasons: [error.message] };
    throw error;
  }
}

/**
 * Records the notice as served (deemed service applied; method and officer kept) and stores the notice
 * itself as a letter (PDF at /tenancies/:ref/letters/:id). Refused while a guardrail blocks or with no
 * equality assessment for the notice stage.
 */
export async function serveNotice(ctx: CaseContext, ref: string, r: NoticeRequest): Promise<{ kind: 'recorded'; draft: NoticeDraft; letterId: number } | Denied | Refused> {
  const preview = await prepareNotice(ctx, ref, r);
  if ('kind' in preview) return preview;
  if (preview.refusals.length > 0) return { kind: 'refused', reasons: preview.refusals };
  const tenancy = (await caseToActOn(ctx.db, ctx.actor, ref)) as { ok: true; tenancy: TenancyRow };
  let draft: NoticeDraft;
  try {
    draft = await recordNoticeServed(ctx.db, { ref, servedOn: preview.draft.servedOn, grounds: preview.draft.grounds, method: r.method, recordedBy: ctx.actor.username });
  } catch (error) {
    if (error instanceof NoticeRefused) return { kind: 'refused', reasons: [error.message] };
    throw error;
  }
  const [event] = await ctx.db.query<{ id: number }>(`SELECT id FROM case_events WHERE idempotency_key = $1`, [`notice:${tenancy.tenancy.id}:${draft.type}:${draft.servedOn}`]);
  const letter = completeNoticeLetter(await noticeLetter(ctx.db, ref, draft), draft);
  const letterId = await insertLetter(ctx.db, {
    tenancyId: tenancy.tenancy.id,
    template: `notice_${draft.type}`,
    letterDate: draft.servedOn,
    caseEventId: event?.id ?? null,
    content: { version: 1, action: `notice_${draft.type}`, letter, service: { method: r.method, actedOn: r.actedOn, officer: ctx.actor.username } },
    createdBy: ctx.actor.username,
  });
  await auditCreate(ctx, tenancy.tenancy.id, 'case_event', String(event?.id ?? ''), { type: 'notice_served', notice: draft.type, method: r.method, letterId });
  return { kind: 'recorded', draft, letterId };
}

/**
 * Sends the pre-issue warning (a letter with a clear time limit), records it as the `pre_action` item
 * pre_issue_warning with the letter as evidence, and raises a `pre_issue_warning_expiry` task for the day
 * the time limit ends.
 */
export async function sendPreIssueWarning(
  ctx: CaseContext,
  ref: string,
  r: { date: BusinessDate; timeLimitDays: number },
): Promise<{ kind: 'recorded'; letterId: number; deadline: BusinessDate } | Denied> {
  const tenancy = await access(ctx, ref);
  if (isDenied(tenancy)) return tenancy;
  const situation = await legalSituation(ctx.db, tenancy.id, r.date);
  const tenants = (await listTenants(ctx.db, tenancy.id)).map((t) => t.name);
  const deadline = addDays(r.date, r.timeLimitDays);
  const statement = await buildStatement(ctx.db, ref, { asOf: r.date, from: addDays(r.date, -7 * 13 + 1), to: r.date });
  const letter = buildPreIssueWarningLetter({
    ref,
    tenants,
    address: tenancy.address ? [tenancy.address, tenancy.postcode].filter(Boolean).join(', ') : null,
    letterDate: r.date,
    deadline,
    timeLimitDays: r.timeLimitDays,
    arrearsPence: situation.assessment.arrearsPence,
    weeklyChargePence: situation.assessment.weeklyChargePence,
    officerName: ctx.actor.displayName,
    statement,
  });
  const letterId = await insertLetter(ctx.db, { tenancyId: tenancy.id, template: 'pre_issue_warning', letterDate: r.date, caseEventId: null, content: { version: 1, action: 'pre_issue_warning', letter }, createdBy: ctx.actor.username });
  await appendCaseEvents(ctx.db, [
    {
      tenancyId: tenancy.id,
      eventDate: r.date,
      type: 'pre_action',
      details: { item: 'pre_issue_warning', evidence: { kind: 'letter', id: String(letterId) }, timeLimitDays: r.timeLimitDays, deadline },
      idempotencyKey: `pre_action:${tenancy.id}:pre_issue_warning:${r.date}:letter:${letterId}`,
      recordedBy: ctx.actor.username,
    },
  ]);
  await raiseTasks(ctx.db, [
    {
      tenancyId: tenancy.id,
      kind: 'pre_issue_warning_expiry',
      title: `Pre-issue warning time limit ends: check for contact before issuing a claim`,
      dueOn: deadline,
      details: { letterId, sentOn: r.date },
      idempotencyKey: `pre_issue_warning_expiry:${tenancy.id}:${letterId}`,
      createdBy: ctx.actor.username,
    },
  ]);
  await auditCreate(ctx, tenancy.id, 'letter', String(letterId), { template: 'pre_issue_warning', deadline });
  await reassessAfterChange(ctx, [tenancy.id]);
  return { kind: 'recorded', letterId, deadline };
}

export interface ClaimRecord {
  issuedOn: BusinessDate;
  claimNumber: string;
  court: string;
  hearingDate: BusinessDate | null;
}

/** Records the possession claim as issued (`claim_issued`), refused with the gate's reasons while it is closed. */
export async function recordClaimIssued(ctx: CaseContext, ref: string, r: ClaimRecord): Promise<{ kind: 'recorded'; eventId: number } | Denied | (Refused & { gate: ClaimGate })> {
  const tenancy = await access(ctx, ref);
  if (isDenied(tenancy)) return tenancy;
  const gate = (await legalSituation(ctx.db, tenancy.id, r.issuedOn)).claimGate;
  if (!gate.open) return { kind: 'refused', reasons: gate.reasons, gate };
  const [id] = await appendCaseEvents(ctx.db, [
    {
      tenancyId: tenancy.id,
      eventDate: r.issuedOn,
      type: 'claim_issued',
      details: { claimNumber: r.claimNumber, court: r.court, ...(r.hearingDate ? { hearingDate: r.hearingDate } : {}) },
      idempotencyKey: `claim_issued:${tenancy.id}:${r.claimNumber}`,
      recordedBy: ctx.actor.username,
    },
  ]);
  // The court gave the hearing date with the claim: the statement task (10 days before) is raised at once.
  if (r.hearingDate) await raiseHearingStatementTask(ctx.db, tenancy.id, r.hearingDate, ctx.actor.username);
  await auditCreate(ctx, tenancy.id, 'case_event', String(id ?? ''), { type: 'claim_issued', claimNumber: r.claimNumber });
  await reassessAfterChange(ctx, [tenancy.id]);
  return { kind: 'recorded', eventId: id ?? 0 };
}
