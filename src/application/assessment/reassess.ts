import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';
import { activePolicy, type AssessmentBatch, type AssessmentTrigger } from './assess-tenancies';
import { assessInParallel } from './parallel-assessment';

export type { AssessmentTrigger };

/**
 * Re-assesses the given tenancies as of `asOf` and stores each result (with its trace and policy version)
 * as their current assessment, so a worklist never shows a case that a payment has just settled.
 * Call it in (or right after) the transaction that posted the change.
 */
export async function reassessTenancies(db: Db, tenancyIds: readonly number[], asOf: BusinessDate, trigger: AssessmentTrigger): Promise<void> {
  const ids = [...new Set(tenancyIds)];
  if (ids.length === 0) return;
  const policy = await activePolicy(db);
  // Never assess earlier than the account's current assessment: a payment file of last week's money
  // re-assesses the account as of the day it is already assessed to.
  const current = await db.query<{ tenancy_id: number; as_of: BusinessDate }>(
    `SELECT tenancy_id, as_of FROM current_assessments WHERE tenancy_id = ANY($1::int[]) AND as_of > $2`,
    [ids, asOf],
  );
  const byDate = new Map<BusinessDate, number[]>();
  const later = new Map(current.map((c) => [c.tenancy_id, c.as_of]));
  for (const id of ids) {
    const d = later.get(id) ?? asOf;
    byDate.set(d, [...(byDate.get(d) ?? []), id]);
  }
  const batches: AssessmentBatch[] = [];
  for (const [date, group] of byDate) {
    group.sort((a, b) => a - b);
    for (let i = 0; i < group.length; i += 1000) batches.push({ selection: { ids: group.slice(i, i + 1000) }, asOf: date });
  }
  // Thousands of accounts (a large payment file) are shared among worker threads on PostgreSQL when not in a transaction.
  await assessInParallel(db, batches, trigger, policy);
}
