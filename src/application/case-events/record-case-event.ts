import type { BusinessDate } from '../../domain/calendar/business-date';
import { appendAudit } from '../../persistence/stores/audit-store';
import { addCaseEventDetails, findCaseEvent } from '../../persistence/stores/case-event-amend-store';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { caseToActOn, reassessAfterChange, type CaseContext } from './case-access';

/**
 * The events an officer records from the account page: the case-file contract's `contact`,
 * `vulnerability`, `vulnerability_review`, `dispute`, `breathing_space`, plus the workspace's own `note`,
 * `follow_up` and `follow_up_done` (the assessment engine ignores types it does not know).
 */
export type RecordableEvent =
  | { type: 'contact'; date: BusinessDate; channel: string; outcome: string; note: string | null }
  | { type: 'note'; date: BusinessDate; note: string }
  | { type: 'follow_up'; date: BusinessDate; dueDate: BusinessDate; reason: string | null; note: string | null }
  | { type: 'vulnerability'; date: BusinessDate; flag: string; note: string | null }
  | { type: 'vulnerability_review'; date: BusinessDate; note: string | null }
  | { type: 'dispute'; date: BusinessDate; note: string | null }
  | { type: 'breathing_space'; date: BusinessDate; kind: string; endDate: BusinessDate | null; note: string | null };

export type RecordOutcome = { kind: 'recorded'; eventId: number; reassessed: boolean } | { kind: 'not_found' } | { kind: 'forbidden' } | { kind: 'not_open' };

function detailsOf(e: RecordableEvent): Record<string, unknown> {
  switch (e.type) {
    case 'contact':
      return { channel: e.channel, outcome: e.outcome };
    case 'follow_up':
      return e.reason ? { dueDate: e.dueDate, reason: e.reason } : { dueDate: e.dueDate };
    case 'vulnerability':
      return { flag: e.flag };
    case 'breathing_space':
      return e.endDate ? { kind: e.kind, endDate: e.endDate } : { kind: e.kind };
    default:
      return {};
  }
}

/** Records one event on the case of `ref` (officers: their own patch) and re-assesses the account. */
export async function recordCaseEvent(ctx: CaseContext, ref: string, event: RecordableEvent): Promise<RecordOutcome> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const tenancy = access.tenancy;
  const eventId = await ctx.db.transaction(async (tx) => {
    const [id] = await appendCaseEvents(tx, [
      { tenancyId: tenancy.id, eventDate: event.date, type: event.type, details: detailsOf(event), note: event.note, recordedBy: ctx.actor.username },
    ]);
    await appendAudit(tx, [
      { actor: ctx.actor.username, origin: ctx.audit.origin, at: ctx.audit.now, action: 'create', entity: 'case_event', entityId: String(id), tenancyId: tenancy.id, details: { type: event.type } },
    ]);
    return id!;
  });
  const reassessed = await reassessAfterChange(ctx, [tenancy.id]);
  return { kind: 'recorded', eventId, reassessed };
}

/**
 * Closes an open event: a dispute (`resolvedOn`), a breathing space (`endDate`, its last day) or a
 * follow-up (`follow_up_done`). The closing is recorded as its own event too.
 */
export async function closeCaseEvent(
  ctx: CaseContext,
  ref: string,
  input: { eventId: number; kind: 'dispute_resolved' | 'breathing_space_ended' | 'follow_up_done'; date: BusinessDate; note: string | null },
): Promise<RecordOutcome> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const tenancy = access.tenancy;
  const original = await findCaseEvent(ctx.db, input.eventId);
  const wanted = { dispute_resolved: 'dispute', breathing_space_ended: 'breathing_space', follow_up_done: 'follow_up' }[input.kind];
  if (!original || original.tenancy_id !== tenancy.id || original.type !== wanted) return { kind: 'not_found' };
  const eventId = await ctx.db.transaction(async (tx) => {
    if (input.kind === 'dispute_resolved') {
      if (!(await addCaseEventDetails(tx, original.id, { resolvedOn: input.date }))) return null;
    } else if (input.kind === 'breathing_space_ended') {
      if (!(await addCaseEventDetails(tx, original.id, { endDate: input.date }))) return null;
    } else {
      const done = await tx.query<{ id: number }>(
        `SELECT id FROM case_events WHERE tenancy_id = $1 AND type = 'follow_up_done' AND details ->> 'followUpId' = $2`,
        [tenancy.id, String(original.id)],
      );
      if (done.length > 0) return null;
    }
    const [id] = await appendCaseEvents(tx, [
      {
        tenancyId: tenancy.id,
        eventDate: input.date,
        type: input.kind,
        details: input.kind === 'follow_up_done' ? { followUpId: original.id } : { eventId: original.id },
        note: input.note,
        recordedBy: ctx.actor.username,
      },
    ]);
    await appendAudit(tx, [
      { actor: ctx.actor.username, origin: ctx.audit.origin, at: ctx.audit.now, action: 'update', entity: 'case_event', entityId: String(original.id), tenancyId: tenancy.id, details: { type: input.kind } },
    ]);
    return id!;
  });
  if (eventId === null) return { kind: 'not_open' };
  const reassessed = await reassessAfterChange(ctx, [tenancy.id]);
  return { kind: 'recorded', eventId, reassessed };
}
