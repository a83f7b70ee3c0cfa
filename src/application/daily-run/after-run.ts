import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';
import { arrangementMonitorStep } from '../arrangements/monitor-step';
import { benefitTasksStep } from '../benefits/benefit-tasks';
import { ddReturnedCollectionsStep } from '../direct-debits/direct-debits';

/**
 * One step the daily run takes after every account is assessed and stored: raising the day's tasks
 * (instalments late, DWP requests due, direct-debit re-presentations, court dates…). Each step is
 * idempotent for a date (tasks carry idempotency keys), so a run killed and re-run raises nothing twice.
 */
export interface AfterRunStep {
  name: string;
  run(db: Db, asOf: BusinessDate): Promise<{ tasksRaised: number }>;
}

/** The steps, in order. Each workflow adds its own step here. */
export const AFTER_RUN_STEPS: readonly AfterRunStep[] = [arrangementMonitorStep, benefitTasksStep, ddReturnedCollectionsStep];

/** Runs every step; returns the tasks raised per step. */
export async function runAfterRunSteps(db: Db, asOf: BusinessDate, steps: readonly AfterRunStep[] = AFTER_RUN_STEPS): Promise<Record<string, number>> {
  const raised: Record<string, number> = {};
  for (const step of steps) raised[step.name] = (await step.run(db, asOf)).tasksRaised;
  return raised;
}
