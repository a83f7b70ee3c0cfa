import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';

/** Mandate rows (table dd_mandates, migration 0011). Kept beside the use cases: only this module writes them. */
export interface MandateRow {
  id: number;
  tenancy_id: number;
  reference: string;
  payer_name: string;
  sort_code: string;
  account_number: string;
  frequency: 'monthly' | 'weekly';
  collection_day: number;
  amount_pence: number;
  start_on: BusinessDate;
  first_collection_on: BusinessDate;
  status: 'active' | 'cancelled';
  cancelled_on: BusinessDate | null;
  cancel_reason: string | null;
  created_by: string;
}

const COLUMNS = `id::int AS id, tenancy_id, reference, payer_name, sort_code, account_number, frequency, collection_day, amount_pence, to_char(start_on, 'YYYY-MM-DD') AS start_on,
  to_char(first_collection_on, 'YYYY-MM-DD') AS first_collection_on, status, to_char(cancelled_on, 'YYYY-MM-DD') AS cancelled_on, cancel_reason, created_by`;

export async function mandatesOf(db: Db, tenancyId: number): Promise<MandateRow[]> {
  return normalise(await db.query<MandateRow>(`SELECT ${COLUMNS} FROM dd_mandates WHERE tenancy_id = $1 ORDER BY id DESC`, [tenancyId]));
}

/** Every mandate of each tenancy, the latest first (as mandatesOf), in one query. */
export async function mandatesOfTenancies(db: Db, tenancyIds: readonly number[]): Promise<Map<number, MandateRow[]>> {
  const rows = normalise(await db.query<MandateRow>(`SELECT ${COLUMNS} FROM dd_mandates WHERE tenancy_id = ANY($1::int[]) ORDER BY id DESC`, [tenancyIds]));
  const byTenancy = new Map<number, MandateRow[]>();
  for (const row of rows) {
    const list = byTenancy.get(row.tenancy_id);
    if (list) list.push(row);
    else byTenancy.set(row.tenancy_id, [row]);
  }
  return byTenancy;
}

export async function activeMandatesOf(db: Db, tenancyIds: readonly number[]): Promise<MandateRow[]> {
  return normalise(await db.query<MandateRow>(`SELECT ${COLUMNS} FROM dd_mandates WHERE status = 'active' AND tenancy_id = ANY($1::int[]) ORDER BY id`, [tenancyIds]));
}

/** A mandate by its reference in any case (through the index on upper(reference), migration 0018). */
export const MANDATE_BY_REFERENCE_SQL = `SELECT ${COLUMNS} FROM dd_mandates WHERE upper(reference) = upper($1)`;

export async function findMandateByReference(db: Db, reference: string): Promise<MandateRow | null> {
  return normalise(await db.query<MandateRow>(MANDATE_BY_REFERENCE_SQL, [reference.trim()]))[0] ?? null;
}

export async function findMandate(db: Db, id: number): Promise<MandateRow | null> {
  return normalise(await db.query<MandateRow>(`SELECT ${COLUMNS} FROM dd_mandates WHERE id = $1`, [id]))[0] ?? null;
}

export async function insertMandate(
  db: Db,
  m: Omit<MandateRow, 'id' | 'status' | 'cancelled_on' | 'cancel_reason' | 'reference'> & { referencePrefix: string },
): Promise<MandateRow> {
  const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int + 1 AS n FROM dd_mandates WHERE tenancy_id = $1`, [m.tenancy_id])) as [{ n: number }];
  const reference = `${m.referencePrefix}-DD${String(n).padStart(2, '0')}`;
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO dd_mandates (tenancy_id, reference, payer_name, sort_code, account_number, frequency, collection_day, amount_pence, start_on, first_collection_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id::int AS id`,
    [m.tenancy_id, reference, m.payer_name, m.sort_code, m.account_number, m.frequency, m.collection_day, m.amount_pence, m.start_on, m.first_collection_on, m.created_by],
  );
  return (await findMandate(db, row!.id))!;
}

export async function markMandateCancelled(db: Db, id: number, on: BusinessDate, reason: string): Promise<boolean> {
  const rows = await db.query(`UPDATE dd_mandates SET status = 'cancelled', cancelled_on = $2, cancel_reason = $3 WHERE id = $1 AND status = 'active' RETURNING id`, [id, on, reason]);
  return rows.length > 0;
}

/** markMandateCancelled for many mandates in one statement; returns the ids it cancelled (those still active). */
export async function markMandatesCancelled(db: Db, cancellations: readonly { id: number; on: BusinessDate; reason: string }[]): Promise<number[]> {
  if (cancellations.length === 0) return [];
  const rows = await db.query<{ id: number }>(
    `UPDATE dd_mandates m SET status = 'cancelled', cancelled_on = x.cancelled_on, cancel_reason = x.cancel_reason
     FROM unnest($1::bigint[], $2::date[], $3::text[]) AS x (id, cancelled_on, cancel_reason)
     WHERE m.id = x.id AND m.status = 'active' RETURNING m.id::int AS id`,
    [cancellations.map((c) => c.id), cancellations.map((c) => c.on), cancellations.map((c) => c.reason)],
  );
  return rows.map((r) => r.id);
}

export async function setMandateAmount(db: Db, id: number, amountPence: number): Promise<void> {
  await db.query(`UPDATE dd_mandates SET amount_pence = $2 WHERE id = $1`, [id, amountPence]);
}

export interface MandateEventRow {
  id: number;
  mandate_id: number;
  event_on: BusinessDate;
  type: string;
  details: Record<string, unknown>;
  recorded_by: string;
}

export async function appendMandateEvents(
  db: Db,
  events: readonly { mandateId: number; eventOn: BusinessDate; type: string; details?: Record<string, unknown>; idempotencyKey: string; recordedBy: string }[],
): Promise<number> {
  if (events.length === 0) return 0;
  // One statement for all of them (an annual rent change records one for every direct debit).
  const rows = await db.query(
    `INSERT INTO dd_mandate_events (mandate_id, event_on, type, details, idempotency_key, recorded_by)
     SELECT * FROM unnest($1::bigint[], $2::date[], $3::text[], $4::jsonb[], $5::text[], $6::text[])
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      events.map((e) => e.mandateId),
      events.map((e) => e.eventOn),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.details ?? {})),
      events.map((e) => e.idempotencyKey),
      events.map((e) => e.recordedBy),
    ],
  );
  return rows.length;
}

export async function mandateEventsOf(db: Db, mandateIds: readonly number[]): Promise<MandateEventRow[]> {
  return db.query<MandateEventRow>(
    `SELECT id::int AS id, mandate_id::int AS mandate_id, to_char(event_on, 'YYYY-MM-DD') AS event_on, type, details, recorded_by FROM dd_mandate_events WHERE mandate_id = ANY($1::bigint[]) ORDER BY id`,
    [mandateIds],
  );
}

function normalise(rows: MandateRow[]): MandateRow[] {
  return rows.map((r) => ({ ...r, amount_pence: Number(r.amount_pence), collection_day: Number(r.collection_day) }));
}
