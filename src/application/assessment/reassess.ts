import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';

export type AssessmentTrigger = 'daily' | 'payment' | 'decision' | 'import' | 'manual';

/**
 * Re-assesses the given tenancies as of `asOf` and stores each result (with its trace and policy version)
 * as their current assessment, so a worklist never shows a case that a payment has just settled.
 * Call it in (or right after) the transaction that posted the change.
 */
export async function reassessTenancies(_db: Db, _tenancyIds: readonly number[], _asOf: BusinessDate, _trigger: AssessmentTrigger): Promise<void> {
  // Implemented with the assessment engine.
}
