/**
 * The daily run's step for arrangements and court orders with payment terms (docs/money-workflows.md):
 * an `arrangement_early_warning` task the day an instalment is late but not yet broken (one per
 * arrangement and instalment date), and `arrangement_breached` (or `court_order_breach`) when the
 * stored assessment says the arrangement in force is broken (one per arrangement). Set-based: one
 * query for what is being watched, one for the sums, one for the breaches — no per-account queries.
 */
import type { BusinessDate } from '../../domain/calendar/business-date';
import { watchInstalments } from '../../domain/arrangements/monitoring';
import type { InstalmentFrequency } from '../../domain/arrangements/plan-arrangement';
import { formatPounds } from '../../domain/money/pence';
import { formatLongDate } from '../../domain/statements/dates';
import type { Db } from '../../persistence/database';
import { inTransitOn, RESULT_OF_CURRENT } from '../../persistence/stores/assessment-store';
import type { AfterRunStep } from '../daily-run/after-run';
import { raiseTasks, type NewTask } from '../tasks/tasks';
import { complianceSums } from './money';

interface Watched {
  source: 'arrangement' | 'court_order';
  id: number;
  tenancy_id: number;
  start_date: BusinessDate;
  instalment_pence: number;
  frequency: string | null;
}

const frequencyOf = (f: string | null): InstalmentFrequency => (f === 'fortnightly' || f === 'four_weekly' || f === 'monthly' ? f : 'weekly');

/** Active arrangements, and each tenancy's latest court order with instalments where no arrangement is active. */
async function watched(db: Db, asOf: BusinessDate): Promise<Watched[]> {
  return db.query<Watched>(
    `SELECT 'arrangement' AS source, a.id, a.tenancy_id, a.start_date, a.instalment_pence, a.frequency
       FROM arrangements a JOIN tenancies t ON t.id = a.tenancy_id
      WHERE a.status = 'active' AND a.start_date <= $1::date AND t.end_date IS NULL
     UNION ALL
     SELECT DISTINCT ON (e.tenancy_id) 'court_order', e.id, e.tenancy_id, e.event_date, (e.details ->> 'instalmentPence')::bigint, e.details ->> 'frequency'
       FROM case_events e JOIN tenancies t ON t.id = e.tenancy_id
      WHERE e.type = 'court_order' AND (e.details ->> 'instalmentPence') ~ '^[0-9]+$' AND (e.details ->> 'instalmentPence')::bigint > 0
        AND e.event_date <= $1::date AND t.end_date IS NULL
        AND NOT EXISTS (SELECT 1 FROM arrangements x WHERE x.tenancy_id = e.tenancy_id AND x.status = 'active')
      ORDER BY 3, 4 DESC, 2 DESC`,
    [asOf],
  );
}

export async function arrangementTasksFor(db: Db, asOf: BusinessDate): Promise<NewTask[]> {
  const items = await watched(db, asOf);
  // DISTINCT ON above keeps the latest court order per tenancy; arrangements: at most one active per tenancy.
  const sums = await complianceSums(db, asOf, items.map((w) => ({ tenancyId: w.tenancy_id, startDate: w.start_date })));
  // The payments in transit the day's assessment found widen the tolerance, as in the engine's kept/broken.
  const transit = await inTransitOn(db, items.map((w) => w.tenancy_id), asOf);
  const tasks: NewTask[] = [];
  for (const w of items) {
    const s = sums.get(`${w.tenancy_id}|${w.start_date}`) ?? { chargesPence: 0, paidPence: 0 };
    const watch = watchInstalments({ startDate: w.start_date, frequency: frequencyOf(w.frequency), instalmentPence: w.instalment_pence, asOf, ...s, transitPence: transit.get(w.tenancy_id) ?? 0 });
    if (watch.state !== 'late') continue;
    const what = w.source === 'arrangement' ? 'arrangement' : 'court order';
    tasks.push({
      tenancyId: w.tenancy_id,
      kind: 'arrangement_early_warning',
      title: `Instalment of ${formatLongDate(watch.lateInstalmentOn)} on the ${what} is ${watch.daysLate} day${watch.daysLate === 1 ? '' : 's'} late: contact the tenant before it breaks on ${formatLongDate(watch.breaksOn)}`,
      dueOn: asOf,
      details: { source: w.source, id: w.id, lateInstalmentOn: watch.lateInstalmentOn, daysLate: watch.daysLate, shortfallPence: watch.shortfallPence, breaksOn: watch.breaksOn },
      idempotencyKey: `arrangement_early_warning:${w.source}:${w.id}:${watch.lateInstalmentOn}`,
      createdBy: 'daily-run',
    });
  }
  const broken = await db.query<{ tenancy_id: number; shortfall: number | null; arrangement_id: number | null; order_id: number | null }>(
    `SELECT c.tenancy_id, (a.result -> 'arrangement' ->> 'shortfallPence')::bigint AS shortfall,
            (SELECT x.id FROM arrangements x WHERE x.tenancy_id = c.tenancy_id AND x.status = 'active' ORDER BY x.id DESC LIMIT 1) AS arrangement_id,
            (SELECT e.id FROM case_events e WHERE e.tenancy_id = c.tenancy_id AND e.type = 'court_order' AND e.event_date <= $1::date ORDER BY e.event_date DESC, e.id DESC LIMIT 1) AS order_id
       FROM current_assessments c ${RESULT_OF_CURRENT}
      WHERE a.result -> 'arrangement' ->> 'status' = 'broken'`,
    [asOf],
  );
  for (const b of broken) {
    const onArrangement = b.arrangement_id !== null;
    const key = onArrangement ? `arrangement_breached:arrangement:${b.arrangement_id}` : `court_order_breach:${b.order_id ?? `tenancy-${b.tenancy_id}`}`;
    tasks.push({
      tenancyId: b.tenancy_id,
      kind: onArrangement ? 'arrangement_breached' : 'court_order_breach',
      title: `${onArrangement ? 'Arrangement' : 'Court order terms'} broken${b.shortfall !== null ? `: ${formatPounds(b.shortfall)} behind` : ''} — review with the tenant`,
      dueOn: asOf,
      details: { arrangementId: b.arrangement_id, courtOrderEventId: b.order_id, shortfallPence: b.shortfall },
      idempotencyKey: key,
      createdBy: 'daily-run',
    });
  }
  return tasks;
}

export const arrangementMonitorStep: AfterRunStep = {
  name: 'arrangements',
  async run(db, asOf) {
    const ids = await raiseTasks(db, await arrangementTasksFor(db, asOf));
    return { tasksRaised: ids.length };
  },
};
