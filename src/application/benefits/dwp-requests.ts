/**
 * The DWP requests worklist (docs/money-workflows.md "Benefits"): open APA (managed payment) and
 * third-party deduction tasks in the actor's patches (seniors and managers: all), their CSV export in
 * the fields the DWP Landlord Portal asks for, and marking an export's tasks as done. Marking records
 * the export's requests on each timeline as the engine's `action` event (so the engine knows the
 * request was made in this episode), closes the tasks and re-assesses the accounts.
 */
import { DWP_REQUEST_TYPES, TASK_ACTIONS, dwpRequestReason } from '../../domain/benefits/benefits';
import type { BusinessDate } from '../../domain/calendar/business-date';
import { monthlyEquivalentPence } from '../../domain/assessment/measures/equivalents';
import { formatPenceAsDecimal } from '../../domain/money/pence';
import { csvLine, type Db } from '../../persistence/database';
import { appendAudit } from '../../persistence/stores/audit-store';
import { appendCaseEvents } from '../../persistence/stores/case-event-store';
import { reassessAfterChange, type CaseContext } from '../case-events/case-access';
import { canSeeCases, worksEveryPatch, type Actor } from '../users/permissions';
import { weeklyChargesOf } from './benefits';

export const DWP_KINDS = Object.keys(DWP_REQUEST_TYPES);

export interface DwpRequest {
  taskId: number;
  tenancyId: number;
  ref: string;
  patchId: number | null;
  kind: string;
  requestType: string;
  tenantName: string;
  dateOfBirth: BusinessDate | null;
  address: string;
  postcode: string;
  arrearsPence: number;
  rentFrequency: string;
  weeklyRentPence: number;
  weeklyServiceChargePence: number;
  reason: string;
  raisedOn: BusinessDate;
}

/** The patches whose DWP requests the actor sees: null = every patch. */
export function dwpPatches(actor: Actor): number[] | null {
  if (worksEveryPatch(actor)) return null;
  return actor.patchId === null ? [] : [actor.patchId];
}

/** Open DWP request tasks in the patches (null = all), oldest first; `taskIds` narrows to those tasks. */
export async function openDwpRequests(db: Db, patchIds: number[] | null, asOf: BusinessDate, taskIds?: readonly number[]): Promise<DwpRequest[]> {
  const rows = await db.query<{
    task_id: number; tenancy_id: number; ref: string; patch_id: number | null; kind: string; due_on: BusinessDate; name: string | null; date_of_birth: BusinessDate | null;
    address: string | null; postcode: string | null; arrears_pence: number | null; rent_frequency: string;
  }>(
    `SELECT k.id AS task_id, t.id AS tenancy_id, t.ref, t.patch_id, k.kind, k.due_on, tn.name, tn.date_of_birth, pr.address, pr.postcode,
            c.real_arrears_pence AS arrears_pence, t.rent_frequency
       FROM tasks k JOIN tenancies t ON t.id = k.tenancy_id
       LEFT JOIN properties pr ON pr.id = t.property_id
       LEFT JOIN tenants tn ON tn.tenancy_id = t.id AND tn.position = (SELECT min(position) FROM tenants x WHERE x.tenancy_id = t.id)
       LEFT JOIN current_assessments c ON c.tenancy_id = t.id
      WHERE k.status = 'open' AND k.kind = ANY($1::text[])
        AND ($2::int[] IS NULL OR t.patch_id = ANY($2::int[]))
        AND ($3::bigint[] IS NULL OR k.id = ANY($3::bigint[]))
      ORDER BY k.due_on, k.id
      LIMIT 2000`,
    [DWP_KINDS, patchIds, taskIds ?? null],
  );
  const charges = await weeklyChargesOf(db, [...new Set(rows.map((r) => r.tenancy_id))], asOf);
  return rows.map((r) => {
    const c = charges.get(r.tenancy_id) ?? { rentPence: 0, serviceChargePence: 0, totalPence: 0 };
    const arrearsPence = r.arrears_pence ?? 0;
    return {
      taskId: r.task_id,
      tenancyId: r.tenancy_id,
      ref: r.ref,
      patchId: r.patch_id,
      kind: r.kind,
      requestType: DWP_REQUEST_TYPES[r.kind] ?? r.kind,
      tenantName: r.name ?? '',
      dateOfBirth: r.date_of_birth,
      address: r.address ?? '',
      postcode: r.postcode ?? '',
      arrearsPence,
      rentFrequency: r.rent_frequency,
      weeklyRentPence: c.rentPence,
      weeklyServiceChargePence: c.serviceChargePence,
      reason: dwpRequestReason({ arrearsPence, weeklyChargePence: c.totalPence, rentFrequency: r.rent_frequency }),
      raisedOn: r.due_on,
    };
  });
}

/** The export's columns, in order (documented in docs/money-workflows.md "Benefits"). */
export const DWP_CSV_COLUMNS = [
  'landlord_reference',
  'request_type',
  'tenancy_reference',
  'tenant_name',
  'date_of_birth',
  'national_insurance_number',
  'address',
  'postcode',
  'arrears_pounds',
  'rent_frequency',
  'weekly_rent_pounds',
  'weekly_service_charges_pounds',
  'monthly_rent_pounds',
  'monthly_service_charges_pounds',
  'reason',
  'raised_on',
] as const;

/** The landlord's own reference for one request: the task's number, to match the DWP's answer back. */
export function landlordReference(taskId: number): string {
  return `RW-${taskId}`;
}

/** The CSV (header + one line per request). The NI number is not held: left blank for the portal. */
export function renderDwpCsv(requests: readonly DwpRequest[]): string {
  let out = csvLine([...DWP_CSV_COLUMNS]);
  for (const r of requests) {
    out += csvLine([
      landlordReference(r.taskId),
      r.requestType,
      r.ref,
      r.tenantName,
      r.dateOfBirth ?? null,
      null,
      r.address,
      r.postcode,
      formatPenceAsDecimal(r.arrearsPence),
      r.rentFrequency,
      formatPenceAsDecimal(r.weeklyRentPence),
      formatPenceAsDecimal(r.weeklyServiceChargePence),
      formatPenceAsDecimal(monthlyEquivalentPence(r.weeklyRentPence)),
      formatPenceAsDecimal(monthlyEquivalentPence(r.weeklyServiceChargePence)),
      r.reason,
      r.raisedOn,
    ]);
  }
  return out;
}

/** Exports the open requests the actor sees: the CSV, and the export recorded (which tasks, by whom) and audited. */
export async function exportDwpRequests(ctx: CaseContext): Promise<{ exportId: number | null; csv: string; count: number }> {
  if (!canSeeCases(ctx.actor)) return { exportId: null, csv: csvLine([...DWP_CSV_COLUMNS]), count: 0 };
  const requests = await openDwpRequests(ctx.db, dwpPatches(ctx.actor), ctx.today);
  const csv = renderDwpCsv(requests);
  if (requests.length === 0) return { exportId: null, csv, count: 0 };
  const exportId = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO dwp_request_exports (task_ids, exported_by, exported_on) VALUES ($1::bigint[], $2, $3::date) RETURNING id`,
      [requests.map((r) => r.taskId), ctx.actor.username, ctx.today],
    );
    await appendAudit(
      tx,
      requests.map((r) => ({ actor: ctx.actor.username, origin: ctx.audit.origin, at: ctx.audit.now, action: 'export', entity: 'dwp_request', entityId: String(r.taskId), tenancyId: r.tenancyId, details: { exportId: row!.id, kind: r.kind } })),
    );
    return row!.id;
  });
  return { exportId, csv, count: requests.length };
}

export interface DwpExportRow {
  id: number;
  task_ids: number[];
  exported_by: string;
  exported_on: BusinessDate;
  open_count: number;
}

/** The actor's latest exports with how many of their tasks are still open. */
export function recentExports(db: Db, actor: Actor, limit = 5): Promise<DwpExportRow[]> {
  return db.query<DwpExportRow>(
    `SELECT e.id, e.task_ids, e.exported_by, e.exported_on,
            (SELECT count(*)::int FROM tasks k WHERE k.id = ANY(e.task_ids) AND k.status = 'open') AS open_count
       FROM dwp_request_exports e WHERE e.exported_by = $1 ORDER BY e.id DESC LIMIT $2`,
    [actor.username, limit],
  );
}

export type MarkExportOutcome = { kind: 'marked'; count: number } | { kind: 'not_found' };

/**
 * Marks the still-open tasks of an export as done (the actor's own export, tasks they may act on): each
 * closed with a note naming the export, a `task_done` and the engine's `action` event on the timeline,
 * audited, and the accounts re-assessed. Set-based: one update, one insert of events.
 */
export async function markExportDone(ctx: CaseContext, exportId: number): Promise<MarkExportOutcome> {
  const [exp] = await ctx.db.query<{ id: number; task_ids: number[] }>(`SELECT id, task_ids FROM dwp_request_exports WHERE id = $1 AND exported_by = $2`, [exportId, ctx.actor.username]);
  if (!exp) return { kind: 'not_found' };
  const patches = dwpPatches(ctx.actor);
  const note = `Sent to the DWP Landlord Portal (export ${exportId})`;
  const closed = await ctx.db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number; tenancy_id: number; kind: string; title: string }>(
      `UPDATE tasks k SET status = 'done', closed_on = $2::date, closed_by = $3, closing_note = $4
         FROM tenancies t
        WHERE t.id = k.tenancy_id AND k.id = ANY($1::bigint[]) AND k.status = 'open' AND k.kind = ANY($5::text[])
          AND ($6::int[] IS NULL OR t.patch_id = ANY($6::int[]))
        RETURNING k.id, k.tenancy_id, k.kind, k.title`,
      [exp.task_ids, ctx.today, ctx.actor.username, note, DWP_KINDS, patches],
    );
    await appendCaseEvents(tx, [
      ...rows.map((r) => ({ tenancyId: r.tenancy_id, eventDate: ctx.today, type: 'task_done', details: { taskId: r.id, kind: r.kind, title: r.title }, note, idempotencyKey: `task_closed:${r.id}`, recordedBy: ctx.actor.username })),
      ...rows.map((r) => ({ tenancyId: r.tenancy_id, eventDate: ctx.today, type: 'action', details: { action: TASK_ACTIONS[r.kind] ?? r.kind, outcome: note }, idempotencyKey: `dwp_request:${r.id}`, recordedBy: ctx.actor.username })),
    ]);
    await appendAudit(
      tx,
      rows.map((r) => ({ actor: ctx.actor.username, origin: ctx.audit.origin, at: ctx.audit.now, action: 'update', entity: 'task', entityId: String(r.id), tenancyId: r.tenancy_id, details: { status: 'done', kind: r.kind, exportId } })),
    );
    return rows;
  });
  if (closed.length > 0) await reassessAfterChange(ctx, [...new Set(closed.map((r) => r.tenancy_id))]);
  return { kind: 'marked', count: closed.length };
}
