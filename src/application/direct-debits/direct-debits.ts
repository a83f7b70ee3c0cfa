import type { BusinessDate } from '../../domain/calendar/business-date';
import { addDays, maxDate } from '../../domain/calendar/business-date';
import { maskAccountNumber, maskSortCode } from '../../domain/direct-debits/bank-details';
import type { CollectionDay } from '../../domain/direct-debits/collection-schedule';
import { advanceNoticeBy, collectionDates, describeCollectionDay, firstCollection } from '../../domain/direct-debits/collection-schedule';
import type { MandateInputErrors, MandateInputText } from '../../domain/direct-debits/mandate-input';
import { validateMandateInput } from '../../domain/direct-debits/mandate-input';
import { aruddCodeOf, ARUDD_CODES, failureAction, isReturnTooOldToAct, type FailureAction } from '../../domain/direct-debits/return-codes';
import { subtractWorkingDays } from '../../domain/calendar/working-days';
import type { Db } from '../../persistence/database';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { audit } from '../audit/audit';
import type { CaseContext } from '../case-events/case-access';
import { caseToActOn, caseToView, reassessAfterChange } from '../case-events/case-access';
import { raiseTasks } from '../tasks/tasks';
import type { MandateEventRow, MandateRow } from './mandate-store';
import { appendMandateEvents, findMandate, insertMandate, mandateEventsOf, mandatesOf, mandatesOfTenancies, markMandateCancelled, markMandatesCancelled } from './mandate-store';

export type { MandateRow };

export function collectionDayOf(m: Pick<MandateRow, 'frequency' | 'collection_day'>): CollectionDay {
  return { frequency: m.frequency, day: m.collection_day };
}

/** A mandate as shown to staff: bank details masked except their last digits. */
export interface MandateView {
  id: number;
  reference: string;
  payerName: string;
  sortCodeMasked: string;
  accountNumberMasked: string;
  collectionDay: string;
  frequency: 'monthly' | 'weekly';
  amountPence: number;
  startOn: BusinessDate;
  firstCollectionOn: BusinessDate;
  status: 'active' | 'cancelled';
  cancelledOn: BusinessDate | null;
  cancelReason: string | null;
  /** Next collections (active mandates), each with the date its advance notice had to go by. */
  schedule: { collectionOn: BusinessDate; amountPence: number; noticeBy: BusinessDate }[];
  history: MandateEventRow[];
}

export function viewOfMandate(m: MandateRow, history: MandateEventRow[], today: BusinessDate, count = 6): MandateView {
  const from = maxDate(today, m.first_collection_on);
  const schedule = m.status === 'active' ? collectionDates(collectionDayOf(m), from, count).map((collectionOn) => ({ collectionOn, amountPence: m.amount_pence, noticeBy: advanceNoticeBy(collectionOn) })) : [];
  const own = history.filter((h) => h.mandate_id === m.id);
  // A pending amount change of this mandate takes over from its first collection.
  for (const change of own.filter((h) => h.type === 'amount_changed')) {
    const from2 = String(change.details.firstCollectionOn ?? '');
    for (const s of schedule) if (from2 && s.collectionOn >= from2) s.amountPence = Number(change.details.newAmountPence);
  }
  return {
    id: m.id,
    reference: m.reference,
    payerName: m.payer_name,
    sortCodeMasked: maskSortCode(m.sort_code),
    accountNumberMasked: maskAccountNumber(m.account_number),
    collectionDay: describeCollectionDay(collectionDayOf(m)),
    frequency: m.frequency,
    amountPence: m.amount_pence,
    startOn: m.start_on,
    firstCollectionOn: m.first_collection_on,
    status: m.status,
    cancelledOn: m.cancelled_on,
    cancelReason: m.cancel_reason,
    schedule,
    history: own,
  };
}

export interface DirectDebitsPage {
  tenancyId: number;
  ref: string;
  mandates: MandateView[];
  canAct: boolean;
}

/** The direct-debit section of an account (audited read). */
export async function loadDirectDebits(ctx: CaseContext, ref: string): Promise<{ kind: 'ok'; page: DirectDebitsPage } | { kind: 'not_found' } | { kind: 'forbidden' }> {
  const access = await caseToView(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const mandates = await mandatesOf(ctx.db, access.tenancy.id);
  const history = await mandateEventsOf(ctx.db, mandates.map((m) => m.id));
  await audit(ctx.db, ctx.audit, [{ action: 'read', entity: 'dd_mandate', tenancyId: access.tenancy.id }]);
  const canAct = (await caseToActOn(ctx.db, ctx.actor, ref)).ok;
  return { kind: 'ok', page: { tenancyId: access.tenancy.id, ref: access.tenancy.ref, mandates: mandates.map((m) => viewOfMandate(m, history, ctx.today)), canAct } };
}

export type SetUpOutcome =
  | { kind: 'created'; mandate: MandateView }
  | { kind: 'invalid'; errors: MandateInputErrors }
  | { kind: 'not_found' }
  | { kind: 'forbidden' };

/**
 * Sets up a mandate on the case: validated (form, collection day, amount, start not in the past), the
 * first collection the first collection day on/after the start and at least 10 working days after today
 * (advance notice; covers the Bacs lead time). One active mandate per tenancy. Timeline, history, audit.
 */
export async function setUpMandate(ctx: CaseContext, ref: string, input: MandateInputText): Promise<SetUpOutcome> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const parsed = validateMandateInput(input, ctx.today);
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
  const tenancy = access.tenancy;
  const existing = (await mandatesOf(ctx.db, tenancy.id)).find((m) => m.status === 'active');
  if (existing) return { kind: 'invalid', errors: { payerName: `This account already has an active direct debit (${existing.reference}): cancel it first` } };
  const v = parsed.value;
  const first = firstCollection(v.collectionDay, v.startOn, ctx.today);
  const mandate = await ctx.db.transaction(async (tx) => {
    const m = await insertMandate(tx, {
      tenancy_id: tenancy.id,
      referencePrefix: tenancy.payment_reference,
      payer_name: v.payerName,
      sort_code: v.sortCode,
      account_number: v.accountNumber,
      frequency: v.collectionDay.frequency,
      collection_day: v.collectionDay.day,
      amount_pence: v.amountPence,
      start_on: v.startOn,
      first_collection_on: first,
      created_by: ctx.actor.username,
    });
    await appendMandateEvents(tx, [
      { mandateId: m.id, eventOn: ctx.today, type: 'created', details: { amountPence: v.amountPence, firstCollectionOn: first, noticeBy: advanceNoticeBy(first) }, idempotencyKey: `dd:created:${m.id}`, recordedBy: ctx.actor.username },
    ]);
    await appendCaseEvents(tx, [
      {
        tenancyId: tenancy.id,
        eventDate: ctx.today,
        type: 'dd_mandate_set_up',
        details: { reference: m.reference, amountPence: v.amountPence, collectionDay: describeCollectionDay(v.collectionDay), firstCollectionOn: first },
        idempotencyKey: `dd_mandate_set_up:${m.id}`,
        recordedBy: ctx.actor.username,
      },
    ]);
    await audit(tx, ctx.audit, [{ action: 'create', entity: 'dd_mandate', entityId: String(m.id), tenancyId: tenancy.id, details: { reference: m.reference } }]);
    return m;
  });
  await reassessAfterChange(ctx, [tenancy.id]);
  return { kind: 'created', mandate: viewOfMandate(mandate, await mandateEventsOf(ctx.db, [mandate.id]), ctx.today) };
}

/** Cancels a mandate of the case (officer's own patch; seniors anywhere). */
export async function cancelMandate(ctx: CaseContext, ref: string, mandateId: number, reason: string): Promise<{ kind: 'cancelled' | 'not_found' | 'forbidden' | 'not_active' }> {
  const access = await caseToActOn(ctx.db, ctx.actor, ref);
  if (!access.ok) return { kind: access.reason };
  const m = await findMandate(ctx.db, mandateId);
  if (!m || m.tenancy_id !== access.tenancy.id) return { kind: 'not_found' };
  const done = await ctx.db.transaction(async (tx) => {
    if (!(await markMandateCancelled(tx, m.id, ctx.today, reason))) return false;
    await appendMandateEvents(tx, [{ mandateId: m.id, eventOn: ctx.today, type: 'cancelled', details: { reason }, idempotencyKey: `dd:cancelled:${m.id}`, recordedBy: ctx.actor.username }]);
    await appendCaseEvents(tx, [
      { tenancyId: m.tenancy_id, eventDate: ctx.today, type: 'dd_mandate_cancelled', details: { reference: m.reference, reason }, idempotencyKey: `dd_mandate_cancelled:${m.id}`, recordedBy: ctx.actor.username },
    ]);
    await audit(tx, ctx.audit, [{ action: 'update', entity: 'dd_mandate', entityId: String(m.id), tenancyId: m.tenancy_id, details: { cancelled: reason } }]);
    return true;
  });
  if (!done) return { kind: 'not_active' };
  await reassessAfterChange(ctx, [m.tenancy_id]);
  return { kind: 'cancelled' };
}

/** The ARUDD reversals not yet handled, read through their partial index (migration 0018), not the whole ledger. */
export const UNHANDLED_ARUDD_REVERSALS_SQL = `SELECT lt.id::int AS id, lt.tenancy_id, to_char(lt.business_date, 'YYYY-MM-DD') AS returned_on, lt.amount_pence, lt.reason
     FROM ledger_transactions lt LEFT JOIN dd_collection_failures f ON f.ledger_transaction_id = lt.id
     WHERE lt.kind = 'reversal' AND lt.reason LIKE 'ARUDD %' AND f.ledger_transaction_id IS NULL
     ORDER BY lt.id`;

/**
 * Failed collections: every ARUDD reversal (reason `ARUDD <code>…`, written by the bacs-arudd import) not
 * yet handled is recorded against the tenancy's mandate and either re-presented once (code 0, on the
 * next collection day at least 3 working days after the return: task `dd_re_presentation` due the day it
 * must be submitted) or becomes a contact task `dd_failed_collection`; cancelling codes cancel the
 * mandate. Idempotent (each reversal is handled once, tasks are keyed).
 *
 * The returns are decided in ledger order, each seeing what the ones before it did (a mandate cancelled by
 * an earlier return, a re-presentation it recorded): the same as handling them one at a time, which a test
 * checks. The database is read and written a fixed number of times however many there are (a first run
 * over years of history has tens of thousands): the tenancies' mandates and the re-presentations already
 * recorded for them, then the failures, the mandates' events, the cancellations and the case events, each
 * in one statement.
 */
export async function handleReturnedCollections(db: Db, asOf: BusinessDate): Promise<{ tasksRaised: number; handled: number }> {
  const reversals = await db.query<{ id: number; tenancy_id: number; returned_on: BusinessDate; amount_pence: number; reason: string }>(UNHANDLED_ARUDD_REVERSALS_SQL);
  if (reversals.length === 0) return { tasksRaised: 0, handled: 0 };
  const tasks: Parameters<typeof raiseTasks>[1][number][] = [];
  await db.transaction(async (tx) => {
    const mandatesByTenancy = await mandatesOfTenancies(tx, [...new Set(reversals.map((r) => r.tenancy_id))]);
    const mandateIds = [...mandatesByTenancy.values()].flat().map((m) => m.id);
    /** The dates of the re-presentations recorded for each mandate (before this run, then by it). */
    const representedOn = new Map<number, BusinessDate[]>();
    for (const f of await tx.query<{ mandate_id: number; represent_on: BusinessDate }>(
      `SELECT mandate_id::int AS mandate_id, to_char(represent_on, 'YYYY-MM-DD') AS represent_on FROM dd_collection_failures WHERE action = 're_present' AND mandate_id = ANY($1::bigint[]) AND represent_on IS NOT NULL`,
      [mandateIds],
    )) {
      representedOn.set(f.mandate_id, [...(representedOn.get(f.mandate_id) ?? []), f.represent_on]);
    }
    const failures: { ledgerTransactionId: number; tenancyId: number; mandateId: number | null; code: string; returnedOn: BusinessDate; amountPence: number; action: string; representOn: BusinessDate | null }[] = [];
    const mandateEvents: Parameters<typeof appendMandateEvents>[1][number][] = [];
    const cancellations: { id: number; on: BusinessDate; reason: string }[] = [];
    const caseEvents: Parameters<typeof appendCaseEvents>[1][number][] = [];
    for (const r of reversals) {
      const code = aruddCodeOf(r.reason) ?? '?';
      const amountPence = Number(r.amount_pence);
      const mandates = mandatesByTenancy.get(r.tenancy_id) ?? [];
      const mandate = mandates.find((m) => m.status === 'active') ?? mandates[0] ?? null;
      const from = addDays(r.returned_on, -14);
      const represented = mandate ? (representedOn.get(mandate.id) ?? []).some((on) => on >= from && on <= r.returned_on) : false;
      const action: FailureAction = mandate ? failureAction(code, r.returned_on, collectionDayOf(mandate), represented) : { kind: 'contact', cancelMandate: false };
      // An old return (a first run over years of history): recorded, its mandate cancelled by its code, no task.
      const tooOld = isReturnTooOldToAct(r.returned_on, asOf);
      const words = ARUDD_CODES[code] ?? 'Unknown return code';
      const representOn = action.kind === 're_present' && !tooOld ? action.representOn : null;
      failures.push({ ledgerTransactionId: r.id, tenancyId: r.tenancy_id, mandateId: mandate?.id ?? null, code, returnedOn: r.returned_on, amountPence, action: tooOld ? 'recorded' : action.kind, representOn });
      if (mandate) {
        if (representOn !== null) representedOn.set(mandate.id, [...(representedOn.get(mandate.id) ?? []), representOn]);
        mandateEvents.push({
          mandateId: mandate.id,
          eventOn: r.returned_on,
          type: 'collection_failed',
          details: { returnCode: code, reason: words, amountPence, ledgerTransactionId: r.id, ...(representOn !== null ? { representOn } : {}) },
          idempotencyKey: `dd:failed:${r.id}`,
          recordedBy: 'system',
        });
        if (action.kind === 'contact' && action.cancelMandate && mandate.status === 'active') {
          const reason = `ARUDD ${code}: ${words}`;
          mandate.status = 'cancelled';
          mandate.cancelled_on = r.returned_on;
          mandate.cancel_reason = reason;
          cancellations.push({ id: mandate.id, on: r.returned_on, reason });
          mandateEvents.push({ mandateId: mandate.id, eventOn: r.returned_on, type: 'cancelled', details: { reason }, idempotencyKey: `dd:cancelled:${mandate.id}`, recordedBy: 'system' });
        }
      }
      caseEvents.push({ tenancyId: r.tenancy_id, eventDate: r.returned_on, type: 'dd_collection_failed', details: { returnCode: code, reason: words, amountPence, reference: mandate?.reference ?? null }, idempotencyKey: `dd_collection_failed:${r.id}`, recordedBy: 'system' });
      if (tooOld) continue;
      if (action.kind === 're_present') {
        const submitBy = subtractWorkingDays(action.representOn, 3);
        tasks.push({
          tenancyId: r.tenancy_id,
          kind: 'dd_re_presentation',
          title: `Re-present the returned direct debit (${words}) for collection on ${action.representOn}`,
          dueOn: submitBy < asOf ? asOf : submitBy,
          details: { returnCode: code, amountPence, representOn: action.representOn, mandateReference: mandate?.reference ?? null, ledgerTransactionId: r.id },
          idempotencyKey: `dd:re_present:${r.id}`,
          createdBy: 'system',
        });
      } else {
        tasks.push({
          tenancyId: r.tenancy_id,
          kind: 'dd_failed_collection',
          title: `Contact the tenant: direct debit returned (ARUDD ${code} ${words})${action.cancelMandate ? ', instruction cancelled' : ''}`,
          dueOn: asOf,
          details: { returnCode: code, amountPence, mandateReference: mandate?.reference ?? null, mandateCancelled: action.cancelMandate, ledgerTransactionId: r.id },
          idempotencyKey: `dd:failed:${r.id}`,
          createdBy: 'system',
        });
      }
    }
    await tx.query(
      `INSERT INTO dd_collection_failures (ledger_transaction_id, tenancy_id, mandate_id, return_code, returned_on, amount_pence, action, represent_on)
       SELECT * FROM unnest($1::bigint[], $2::int[], $3::bigint[], $4::text[], $5::date[], $6::bigint[], $7::text[], $8::date[])`,
      [
        failures.map((f) => f.ledgerTransactionId),
        failures.map((f) => f.tenancyId),
        failures.map((f) => f.mandateId),
        failures.map((f) => f.code),
        failures.map((f) => f.returnedOn),
        failures.map((f) => f.amountPence),
        failures.map((f) => f.action),
        failures.map((f) => f.representOn),
      ],
    );
    await markMandatesCancelled(tx, cancellations);
    await appendMandateEvents(tx, mandateEvents);
    await appendCaseEvents(tx, caseEvents);
  });
  const ids = await raiseTasks(db, tasks);
  return { tasksRaised: ids.length, handled: reversals.length };
}

/** The daily run's step (src/application/daily-run/after-run.ts AFTER_RUN_STEPS). */
export const ddReturnedCollectionsStep = {
  name: 'dd_returned_collections',
  async run(db: Db, asOf: BusinessDate): Promise<{ tasksRaised: number }> {
    return { tasksRaised: (await handleReturnedCollections(db, asOf)).tasksRaised };
  },
};
