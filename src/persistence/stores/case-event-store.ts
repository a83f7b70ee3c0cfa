import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../database';

export interface NewCaseEvent {
  tenancyId: number;
  eventDate: BusinessDate;
  type: string;
  /** The event's fields other than date and type, as the case file writes them. */
  details?: Record<string, unknown>;
  note?: string | null;
  idempotencyKey?: string | null;
  recordedBy?: string | null;
}

export interface CaseEventRow {
  id: number;
  tenancy_id: number;
  event_date: BusinessDate;
  type: string;
  details: Record<string, unknown>;
  note: string | null;
  recorded_at: Date;
  recorded_by: string | null;
}

/** Records events on case timelines; an event whose idempotency key was recorded before is skipped. */
export async function appendCaseEvents(db: Db, events: readonly NewCaseEvent[]): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await db.query<{ id: number }>(
    `INSERT INTO case_events (tenancy_id, event_date, type, details, note, idempotency_key, recorded_by)
     SELECT * FROM unnest($1::int[], $2::date[], $3::text[], $4::jsonb[], $5::text[], $6::text[], $7::text[])
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      events.map((e) => e.tenancyId),
      events.map((e) => e.eventDate),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.details ?? {})),
      events.map((e) => e.note ?? null),
      events.map((e) => e.idempotencyKey ?? null),
      events.map((e) => e.recordedBy ?? null),
    ],
  );
  return rows.map((r) => r.id);
}

export async function listCaseEvents(db: Db, tenancyId: number): Promise<CaseEventRow[]> {
  // The tenancy as a scalar subquery, so that the plan is the same for every tenancy and PostgreSQL keeps one on
  // each connection: as a plain parameter it planned afresh for half the account pages (a tenancy's own count of
  // events made the generic plan look dearer or not), as listLedgerTransactions' bounds.
  return db.query<CaseEventRow>(
    `SELECT id, tenancy_id, event_date, type, details, note, recorded_at, recorded_by FROM case_events WHERE tenancy_id = (SELECT $1::int) ORDER BY event_date, id`,
    [tenancyId],
  );
}
