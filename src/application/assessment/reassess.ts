import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';
import { activePolicy, batchesByDate, type AssessmentBatch, type AssessmentTrigger } from './assess-tenancies';
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
  const batches = reassessmentBatches(ids, new Map(current.map((c) => [c.tenancy_id, c.as_of])), asOf);
  // Thousands of accounts (a large payment file) are shared among worker threads on PostgreSQL when not in a transaction.
  await assessInParallel(db, batches, trigger, policy);
}

export { REASSESSMENT_BATCH_SIZE } from './assess-tenancies';

/**
 * The batches that re-assess `ids` (distinct): each tenancy as of `asOf`, or as of the later date it is
 * already assessed to (`later`); grouped by that date, in tenancy order, REASSESSMENT_BATCH_SIZE at a time
 * (batchesByDate). Linear in the number of tenancies (a payment file can touch every account of a landlord).
 */
export function reassessmentBatches(ids: readonly number[], later: ReadonlyMap<number, BusinessDate>, asOf: BusinessDate): AssessmentBatch[] {
  return batchesByDate(ids.map((id) => ({ tenancyId: id, asOf: later.get(id) ?? asOf })));
}
