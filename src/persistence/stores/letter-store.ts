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

/** Inserts letters in one statement; their ids in the order given. */
export async function insertLetters(
  db: Db,
  letters: readonly { tenancyId: number; template: string; letterDate: BusinessDate; caseEventId: number | null; content: unknown; createdBy: string }[],
): Promise<number[]> {
  if (letters.length === 0) return [];
  const rows = await db.query<{ id: number; n: number }>(
    `WITH input AS (
       SELECT * FROM unnest($1::int[], $2::text[], $3::date[], $4::bigint[], $5::jsonb[], $6::text[]) WITH ORDINALITY AS x (tenancy_id, template, letter_date, case_event_id, content, created_by, n)
     ), inserted AS (
       INSERT INTO letters (tenancy_id, template, letter_date, case_event_id, content, created_by)
       SELECT tenancy_id, template, letter_date, case_event_id, content, created_by FROM input ORDER BY n
       RETURNING id, tenancy_id, template, letter_date
     )
     SELECT i.id, x.n::int AS n FROM inserted i
     JOIN input x ON x.tenancy_id = i.tenancy_id AND x.template = i.template AND x.letter_date = i.letter_date
     ORDER BY x.n`,
    [
      letters.map((l) => l.tenancyId),
      letters.map((l) => l.template),
      letters.map((l) => l.letterDate),
      letters.map((l) => l.caseEventId),
      letters.map((l) => JSON.stringify(l.content)),
      letters.map((l) => l.createdBy),
    ],
  );
  if (rows.length !== letters.length) throw new Error('insertLetters: each letter must be the only one of its tenancy, template and date in the call');
  return rows.map((r) => r.id);
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
