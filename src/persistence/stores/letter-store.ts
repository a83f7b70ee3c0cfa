import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../database';

export interface LetterRow {
  id: number;
  tenancy_id: number;
  template: string;
  letter_date: BusinessDate;
  case_event_id: number | null;
  content: Record<string, unknown>;
  created_by: string;
  created_at: Date;
}

export async function insertLetter(
  db: Db,
  l: { tenancyId: number; template: string; letterDate: BusinessDate; caseEventId: number | null; content: unknown; createdBy: string },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO letters (tenancy_id, template, letter_date, case_event_id, content, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [l.tenancyId, l.template, l.letterDate, l.caseEventId, JSON.stringify(l.content), l.createdBy],
  );
  return row!.id;
}

export async function findLetter(db: Db, id: number): Promise<LetterRow | null> {
  const rows = await db.query<LetterRow>(
    `SELECT id, tenancy_id, template, letter_date, case_event_id, content, created_by, created_at FROM letters WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function listLettersOfTenancy(db: Db, tenancyId: number): Promise<Omit<LetterRow, 'content'>[]> {
  return db.query<Omit<LetterRow, 'content'>>(
    `SELECT id, tenancy_id, template, letter_date, case_event_id, created_by, created_at FROM letters WHERE tenancy_id = $1 ORDER BY id DESC`,
    [tenancyId],
  );
}
