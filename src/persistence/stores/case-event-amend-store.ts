import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../database';

export interface CaseEventLite {
  id: number;
  tenancy_id: number;
  event_date: BusinessDate;
  type: string;
  details: Record<string, unknown>;
}

export async function findCaseEvent(db: Db, id: number): Promise<CaseEventLite | null> {
  const rows = await db.query<CaseEventLite>(`SELECT id, tenancy_id, event_date, type, details FROM case_events WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/**
 * Adds fields to an event's details where the case-file contract closes an event by a field on it
 * (a dispute's `resolvedOn`, a breathing space's `endDate`). Only fields not yet set are added; the
 * closing is also recorded as its own event, so the timeline keeps who did it and when.
 */
export async function addCaseEventDetails(db: Db, id: number, fields: Record<string, unknown>): Promise<boolean> {
  const keys = Object.keys(fields);
  const rows = await db.query<{ id: number }>(
    `UPDATE case_events SET details = $2::jsonb || details WHERE id = $1 AND NOT (details ?| $3::text[]) RETURNING id`,
    [id, JSON.stringify(fields), keys],
  );
  return rows.length > 0;
}
