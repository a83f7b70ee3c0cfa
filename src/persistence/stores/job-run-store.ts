import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../database';

export async function startJobRun(db: Db, job: string, businessDate: BusinessDate): Promise<number> {
  const [r] = await db.query<{ id: number }>(`INSERT INTO job_runs (job, business_date, status) VALUES ($1, $2, 'running') RETURNING id`, [job, businessDate]);
  return r!.id;
}

export async function finishJobRun(db: Db, id: number, status: 'succeeded' | 'failed', summary: unknown): Promise<void> {
  await db.query(`UPDATE job_runs SET status = $2, finished_at = now(), summary = $3 WHERE id = $1`, [id, status, JSON.stringify(summary)]);
}
