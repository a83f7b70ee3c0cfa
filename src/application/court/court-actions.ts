/**
 * What officers record at the court and eviction stages, each in one transaction, audited, then the case
 * re-assessed: the hearing date (and its statement task), the court's order (and the costs it awarded),
 * the warrant request (a manager's approval), the bailiffs' date (and the safeguards task), the
 * safeguards checklist, and the eviction's outcome (the tenancy ends; the balance moves to former
 * tenant arrears).
 */
import type { BusinessDate } from '../../domain/calendar/business-date';
import { addDays, maxDate } from '../../domain/calendar/business-date';
import { formerTenantArrearsTransfer, hearingStatementDueOn, type OrderType, type SafeguardItem } from '../../domain/court/court-rules';
import { appendAudit } from '../../persistence/stores/audit-store';
import { insertApproval } from '../../persistence/stores/approval-store';
import { currentAssessment } from '../../persistence/stores/assessment-store';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { endTenancy } from '../../persistence/stores/court-store';
import { appendLedgerTransactions, subAccountBalances } from '../../persistence/stores/ledger-store';
import type { Db } from '../../persistence/database';
import type { TenancyRow } from '../../persistence/stores/tenancy-store';
import { caseToActOn, reassessAfterChange, type CaseContext } from '../case-events/case-access';
import { completeTask, raiseTasks } from '../tasks/tasks';
import { creditChargesAfterEnd } from '../charges/charges-after-end';
import { listTasks } from '../../persistence/stores/task-store';
import { loadCourtCase, type CourtCase } from './court-case';

export type Problem = { field: string; message: string };

export type CourtOutcome =
  | { kind: 'done'; reassessed: boolean; eventIds: number[] }
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'refused'; reasons: string[] }
  | { kind: 'not_found' }
  | { kind: 'forbidden' };

async function auditCourt(tx: Db, ctx: CaseContext, tenancy: TenancyRow, what: string, details: Record<string, unknown>): Promise<void> {
  await appendAudit(tx, [
    { actor: ctx.actor.username, origin: ctx.audit.origin, at: ctx.audit.now, action: 'create', entity: 'court', entityId: tenancy.ref, tenancyId: tenancy.id, details: { step: what, ...details } },
  ]);
}

async function withCase(ctx: CaseContext, ref: string): Promise<{ ok: true; tenancy: TenancyRow; court: CourtCase } | { ok: false; outcome: CourtOutcome }> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { ok: false, outcome: { kind: access.reason } };
  return { ok: true, tenancy: access.tenancy, court: await loadCourtCase(ctx.db, access.tenancy, ctx.today) };
}

async function done(ctx: CaseContext, tenancy: TenancyRow, eventIds: number[]): Promise<CourtOutcome> {
  return { kind: 'done', reassessed: await reassessAfterChange(ctx, [tenancy.id]), eventIds };
}

/** The task for the statement and benefit disclosure, 10 days before the hearing (idempotent by hearing date). */
export async function raiseHearingStatementTask(db: Db, tenancyId: number, hearingDate: BusinessDate, createdBy: string): Promise<number[]> {
  return raiseTasks(db, [
    {
      tenancyId,
      kind: 'hearing_statement_due',
      title: `Send the up-to-date rent statement and benefit position before the hearing on ${hearingDate}`,
      dueOn: hearingStatementDueOn(hearingDate),
      details: { hearingDate },
      idempotencyKey: `hearing_statement_due:${tenancyId}:${hearingDate}`,
      createdBy,
    },
  ]);
}

export async function recordHearing(ctx: CaseContext, ref: string, input: { hearingDate: BusinessDate }): Promise<CourtOutcome> {
  const c = await withCase(ctx, ref);
  if (!c.ok) return c.outcome;
  const { tenancy, court } = c;
  if (court.claim === null) return { kind: 'refused', reasons: ['Record the claim as issued (on the legal case page) before the hearing date'] };
  if (input.hearingDate < court.claim.date) return { kind: 'invalid', problems: [{ field: 'hearingDate', message: `The hearing date must be on or after the claim was issued (${court.claim.date})` }] };
  const ids = await ctx.db.transaction(async (tx) => {
    const eventIds = await appendCaseEvents(tx, [
      { tenancyId: tenancy.id, eventDate: ctx.today, type: 'hearing_listed', details: { hearingDate: input.hearingDate, claimEventId: court.claim!.eventId }, recordedBy: ctx.actor.username, idempotencyKey: `hearing_listed:${court.claim!.eventId}:${input.hearingDate}` },
    ]);
    await raiseHearingStatementTask(tx, tenancy.id, input.hearingDate, ctx.actor.username);
    await auditCourt(tx, ctx, tenancy, 'hearing_listed', { hearingDate: input.hearingDate });
    return eventIds;
  });
  return done(ctx, tenancy, ids);
}

export interface OrderInput {
  order: OrderType;
  date: BusinessDate;
  instalmentPence: number | null;
  frequency: string | null;
  possessionDate: BusinessDate | null;
  costsPence: number | null;
  note: string | null;
}

/** The court's decision as a `court_order` event; the costs awarded posted to the court_costs sub-account. */
export async function recordCourtOrder(ctx: CaseContext, ref: string, input: OrderInput): Promise<CourtOutcome> {
  const c = await withCase(ctx, ref);
  if (!c.ok) return c.outcome;
  const { tenancy, court } = c;
  if (court.claim === null) return { kind: 'refused', reasons: ['Record the claim as issued (on the legal case page) before the court\'s order'] };
  if (input.date <= court.claim.date) return { kind: 'invalid', problems: [{ field: 'date', message: `The date of the order must be after the claim was issued (${court.claim.date})` }] };
  if (input.date > ctx.today) return { kind: 'invalid', problems: [{ field: 'date', message: 'The date of the order must be today or in the past' }] };
  if (input.possessionDate !== null && input.possessionDate < input.date) return { kind: 'invalid', problems: [{ field: 'possessionDate', message: 'The possession date must be on or after the date of the order' }] };
  const details: Record<string, unknown> = { order: input.order };
  if (input.instalmentPence !== null) details.instalmentPence = input.instalmentPence;
  if (input.frequency !== null) details.frequency = input.frequency;
  if (input.possessionDate !== null) details.possessionDate = input.possessionDate;
  if (input.costsPence !== null && input.costsPence > 0) details.costsPence = input.costsPence;
  const ids = await ctx.db.transaction(async (tx) => {
    const eventIds = await appendCaseEvents(tx, [
      { tenancyId: tenancy.id, eventDate: input.date, type: 'court_order', details, note: input.note, recordedBy: ctx.actor.username, idempotencyKey: `court_order:${tenancy.id}:${input.date}:${input.order}` },
    ]);
    const eventId = eventIds[0];
    if (eventId !== undefined && input.costsPence !== null && input.costsPence > 0) {
      await appendLedgerTransactions(tx, [
        {
          tenancyId: tenancy.id,
          subAccount: 'court_costs',
          businessDate: input.date,
          kind: 'court_costs',
          amountPence: input.costsPence,
          note: `Court costs awarded (${input.order.replace(/_/g, ' ')} order of ${input.date})`,
          idempotencyKey: `court_costs:event:${eventId}`,
          source: 'court',
          recordedBy: ctx.actor.username,
        },
      ]);
    }
    if (eventId !== undefined) await auditCourt(tx, ctx, tenancy, 'court_order', { ...details, date: input.date });
    return eventIds;
  });
  if (ids.length === 0) return { kind: 'refused', reasons: [`This ${input.order.replace(/_/g, ' ')} order of ${input.date} is already recorded`] };
  return done(ctx, tenancy, ids);
}

/** Sends the warrant request (N325) to the managers' approval queue, when nothing refuses it. */
export async function requestWarrant(ctx: CaseContext, ref: string, input: { note: string | null }): Promise<CourtOutcome | { kind: 'approval_requested'; approvalId: number }> {
  const c = await withCase(ctx, ref);
  if (!c.ok) return c.outcome;
  const { tenancy, court } = c;
  if (court.warrant.refusals.length > 0) return { kind: 'refused', reasons: court.warrant.refusals };
  const assessment = await currentAssessment(ctx.db, tenancy.id);
  const approvalId = await ctx.db.transaction(async (tx) => {
    const id = await insertApproval(tx, { tenancyId: tenancy.id, action: 'apply_for_warrant', assessmentId: assessment?.id ?? null, recommendedAction: assessment?.action ?? null, requestedBy: ctx.actor.id, note: input.note, at: ctx.audit.now });
    if (id === null) return null;
    await appendCaseEvents(tx, [
      {
        tenancyId: tenancy.id,
        eventDate: ctx.today,
        type: 'approval_requested',
        details: { action: 'apply_for_warrant', approvalId: id, orderDate: court.n325?.orderDate ?? null, orderType: court.n325?.orderType ?? null, outstandingPence: court.n325?.outstandingPence ?? court.arrearsPence, breach: court.n325?.breach ?? null },
        note: input.note,
        recordedBy: ctx.actor.username,
        idempotencyKey: `approval_requested:${id}`,
      },
    ]);
    await auditCourt(tx, ctx, tenancy, 'warrant_approval_requested', { approvalId: id });
    return id;
  });
  if (approvalId === null) return { kind: 'refused', reasons: ['A warrant request is already waiting for a manager'] };
  await reassessAfterChange(ctx, [tenancy.id]);
  return { kind: 'approval_requested', approvalId };
}

/** After a manager approved the request: the warrant is sent to the court (`warrant_requested`). */
export async function recordWarrantRequested(ctx: CaseContext, ref: string): Promise<CourtOutcome> {
  const c = await withCase(ctx, ref);
  if (!c.ok) return c.outcome;
  const { tenancy, court } = c;
  const approvalId = court.warrant.approvedApprovalId;
  if (approvalId === null) return { kind: 'refused', reasons: ['No approved warrant request is waiting to be sent: ask for a manager\'s approval first'] };
  const ids = await ctx.db.transaction(async (tx) => {
    const eventIds = await appendCaseEvents(tx, [
      {
        tenancyId: tenancy.id,
        eventDate: ctx.today,
        type: 'warrant_requested',
        details: { approvalId, orderDate: court.n325?.orderDate ?? null, orderType: court.n325?.orderType ?? null, outstandingPence: court.n325?.outstandingPence ?? court.arrearsPence },
        recordedBy: ctx.actor.username,
        idempotencyKey: `warrant_requested:approval:${approvalId}`,
      },
    ]);
    if (eventIds.length > 0) await auditCourt(tx, ctx, tenancy, 'warrant_requested', { approvalId });
    return eventIds;
  });
  return done(ctx, tenancy, ids);
}

/** The bailiffs' date; raises the eviction safeguards task (a week before, or today when nearer). */
export async function scheduleEviction(ctx: CaseContext, ref: string, input: { evictionDate: BusinessDate }): Promise<CourtOutcome> {
  const c = await withCase(ctx, ref);
  if (!c.ok) return c.outcome;
  const { tenancy, court } = c;
  if (court.ended) return { kind: 'refused', reasons: ['The tenancy has ended'] };
  if (court.warrant.requestedOn === null) return { kind: 'refused', reasons: ['Record the warrant as requested before the eviction date'] };
  if (input.evictionDate < court.warrant.requestedOn) return { kind: 'invalid', problems: [{ field: 'evictionDate', message: `The eviction date must be on or after the warrant was requested (${court.warrant.requestedOn})` }] };
  const ids = await ctx.db.transaction(async (tx) => {
    const eventIds = await appendCaseEvents(tx, [
      { tenancyId: tenancy.id, eventDate: ctx.today, type: 'eviction_scheduled', details: { evictionDate: input.evictionDate }, recordedBy: ctx.actor.username, idempotencyKey: `eviction_scheduled:${tenancy.id}:${input.evictionDate}` },
    ]);
    await raiseTasks(tx, [
      {
        tenancyId: tenancy.id,
        kind: 'eviction_safeguards',
        title: `Complete the eviction safeguards checklist before ${input.evictionDate}`,
        dueOn: maxDate(ctx.today, addDays(input.evictionDate, -7)),
        details: { evictionDate: input.evictionDate },
        idempotencyKey: `eviction_safeguards:${tenancy.id}:${input.evictionDate}`,
        createdBy: ctx.actor.username,
      },
    ]);
    if (eventIds.length > 0) await auditCourt(tx, ctx, tenancy, 'eviction_scheduled', { evictionDate: input.evictionDate });
    return eventIds;
  });
  return done(ctx, tenancy, ids);
}

/** Safeguards confirmed now (one `eviction_safeguard` event each, with who and when). */
export async function recordSafeguards(ctx: CaseContext, ref: string, input: { items: SafeguardItem[]; consent: boolean; note: string | null }): Promise<CourtOutcome> {
  const c = await withCase(ctx, ref);
  if (!c.ok) return c.outcome;
  const { tenancy, court } = c;
  const evictionDate = court.eviction.evictionDate;
  if (evictionDate === null || court.eviction.cancelled !== null || court.eviction.evictedOn !== null) return { kind: 'refused', reasons: ['There is no eviction date to prepare for'] };
  if (input.items.length === 0) return { kind: 'invalid', problems: [{ field: 'items', message: 'Select the safeguards you have completed' }] };
  if (input.items.includes('housing_options_referral') && !input.consent) {
    return { kind: 'invalid', problems: [{ field: 'consent', message: 'Confirm the tenant consented to the Housing Options referral (a referral needs their consent)' }] };
  }
  const ids = await ctx.db.transaction(async (tx) => {
    const eventIds = await appendCaseEvents(
      tx,
      input.items.map((item) => ({
        tenancyId: tenancy.id,
        eventDate: ctx.today,
        type: 'eviction_safeguard',
        details: item === 'housing_options_referral' ? { item, evictionDate, consent: true } : { item, evictionDate },
        note: input.note,
        recordedBy: ctx.actor.username,
        idempotencyKey: `eviction_safeguard:${court.eviction.scheduledEventId}:${item}`,
      })),
    );
    if (eventIds.length > 0) await auditCourt(tx, ctx, tenancy, 'eviction_safeguards', { items: input.items, evictionDate });
    return eventIds;
  });
  // The checklist complete: its task is done (closed with who and when, like an officer's "Mark as done").
  const after = await loadCourtCase(ctx.db, tenancy, ctx.today);
  if (after.eviction.safeguards.complete) {
    const open = await listTasks(ctx.db, { tenancyId: tenancy.id, kinds: ['eviction_safeguards'], status: 'open' });
    for (const task of open) {
      if (task.details.evictionDate === evictionDate) await completeTask(ctx, tenancy.ref, task.id, { status: 'done', note: 'Eviction safeguards checklist complete' });
    }
  }
  return done(ctx, tenancy, ids);
}

export const CANCEL_REASONS = ['arrears_cleared', 'warrant_suspended'] as const;

/**
 * The eviction's outcome. Cancelled: `eviction_cancelled` with the reason. Evicted (only once the
 * safeguards checklist is complete): `evicted`, the tenancy ends (reason eviction), every rent-account
 * balance is moved to former tenant arrears (idempotent transfer entries, same total) and
 * `tenancy_ended` is recorded.
 */
export async function recordEvictionOutcome(
  ctx: CaseContext,
  ref: string,
  input: { outcome: 'evicted'; date: BusinessDate } | { outcome: 'cancelled'; reason: (typeof CANCEL_REASONS)[number]; note: string | null },
): Promise<CourtOutcome> {
  const c = await withCase(ctx, ref);
  if (!c.ok) return c.outcome;
  const { tenancy, court } = c;
  const { evictionDate, scheduledEventId } = court.eviction;
  if (evictionDate === null || scheduledEventId === null || court.eviction.cancelled !== null || court.eviction.evictedOn !== null || court.ended) {
    return { kind: 'refused', reasons: ['There is no eviction date waiting for an outcome'] };
  }
  if (input.outcome === 'cancelled') {
    const ids = await ctx.db.transaction(async (tx) => {
      const eventIds = await appendCaseEvents(tx, [
        { tenancyId: tenancy.id, eventDate: ctx.today, type: 'eviction_cancelled', details: { reason: input.reason, evictionDate }, note: input.note, recordedBy: ctx.actor.username, idempotencyKey: `eviction_cancelled:${scheduledEventId}` },
      ]);
      if (eventIds.length > 0) await auditCourt(tx, ctx, tenancy, 'eviction_cancelled', { reason: input.reason });
      return eventIds;
    });
    return done(ctx, tenancy, ids);
  }
  if (!court.eviction.safeguards.complete) {
    return { kind: 'refused', reasons: [`The eviction safeguards checklist is not complete: ${court.eviction.safeguards.missing.map((m) => m.replace(/_/g, ' ')).join(', ')}`] };
  }
  if (input.date < evictionDate) return { kind: 'invalid', problems: [{ field: 'date', message: `The eviction cannot be recorded before the bailiffs' date (${evictionDate})` }] };
  if (input.date > ctx.today) return { kind: 'invalid', problems: [{ field: 'date', message: 'The date of the eviction must be today or in the past' }] };
  const ids = await ctx.db.transaction(async (tx) => {
    const [evictedId] = await appendCaseEvents(tx, [
      { tenancyId: tenancy.id, eventDate: input.date, type: 'evicted', details: { evictionDate }, recordedBy: ctx.actor.username, idempotencyKey: `evicted:${scheduledEventId}` },
    ]);
    if (evictedId === undefined) return [];
    await endTenancy(tx, tenancy.id, input.date, 'eviction');
    // Rent charged for days after the eviction is not owed: credited before the balance is moved.
    const credited = await creditChargesAfterEnd(tx, { id: tenancy.id, startDate: tenancy.start_date }, input.date, { source: 'court', recordedBy: ctx.actor.username, endReason: 'eviction' });
    const entries = formerTenantArrearsTransfer(await subAccountBalances(tx, tenancy.id));
    await appendLedgerTransactions(
      tx,
      entries.map((e) => ({
        tenancyId: tenancy.id,
        subAccount: e.subAccount,
        businessDate: input.date,
        kind: 'adjustment' as const,
        method: 'fta_transfer',
        amountPence: e.amountPence,
        note: e.subAccount === 'former_tenant_arrears' ? 'Balance transferred to former tenant arrears (eviction)' : 'Transferred to former tenant arrears (eviction)',
        idempotencyKey: `fta_transfer:${evictedId}:${e.subAccount}`,
        source: 'court',
        recordedBy: ctx.actor.username,
      })),
    );
    const transferredPence = entries.find((e) => e.subAccount === 'former_tenant_arrears')?.amountPence ?? 0;
    const [endedId] = await appendCaseEvents(tx, [
      { tenancyId: tenancy.id, eventDate: input.date, type: 'tenancy_ended', details: { endReason: 'eviction', transferredPence, chargesCreditedPence: credited.creditedPence }, recordedBy: ctx.actor.username, idempotencyKey: `tenancy_ended:${tenancy.id}` },
    ]);
    await auditCourt(tx, ctx, tenancy, 'evicted', { date: input.date, transferredPence, chargesCreditedPence: credited.creditedPence });
    return [evictedId, ...(endedId !== undefined ? [endedId] : [])];
  });
  return done(ctx, tenancy, ids);
}
