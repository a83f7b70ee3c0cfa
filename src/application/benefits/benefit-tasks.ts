/**
 * The engine's benefit actions become tasks (docs/money-workflows.md "Benefits"): the stored
 * assessment's recommended action and its `alsoConsider` codes request_managed_payment,
 * request_third_party_deduction, request_hb_direct_payment, offer_dhp_support and chase_benefit_claim
 * become dwp_managed_payment, dwp_third_party_deduction, hb_direct_payment, dhp_referral and
 * benefit_claim_chase; plus hb_direct_payment where Housing Benefit goes to the tenant and the arrears
 * are 8 weeks or more (domain-reference §5.4). One task per tenancy, kind and arrears episode: the key
 * `benefits:<kind>:<tenancy>:<episode start>` is never raised twice, so one done or cancelled in the
 * episode is not raised again. Set-based: one query finds what is due, whatever the number of accounts.
 */
import { BENEFIT_ACTION_TASKS, HB_DIRECT_PAYMENT_WEEKS } from '../../domain/benefits/benefits';
import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';
import { RESULT_OF_CURRENT } from '../../persistence/stores/assessment-store';
import type { AfterRunStep } from '../daily-run/after-run';
import { raiseTasks, taskKindLabel, type NewTask } from '../tasks/tasks';

interface Due {
  tenancy_id: number;
  code: string;
  kind: string;
  episode: string;
  real_arrears_pence: number;
  idempotency_key: string;
}

/** What is due: one query over the current assessments (optionally of some tenancies). */
export async function benefitTasksDue(db: Db, options: { tenancyIds?: readonly number[] } = {}): Promise<Due[]> {
  const codes = Object.keys(BENEFIT_ACTION_TASKS);
  const kinds = codes.map((c) => BENEFIT_ACTION_TASKS[c]!);
  return db.query<Due>(
    `WITH cur AS (
       SELECT c.tenancy_id, a.result, COALESCE(a.result ->> 'episodeStart', 'none') AS episode, c.real_arrears_pence
         FROM current_assessments c JOIN tenancies t ON t.id = c.tenancy_id ${RESULT_OF_CURRENT}
        WHERE t.end_date IS NULL AND c.real_arrears_pence > 0
          AND ($3::int[] IS NULL OR c.tenancy_id = ANY($3::int[]))
     ),
     codes AS (
       SELECT cur.tenancy_id, cur.episode, cur.real_arrears_pence, cur.result -> 'recommendation' ->> 'action' AS code FROM cur
       UNION
       SELECT cur.tenancy_id, cur.episode, cur.real_arrears_pence, x.code
         FROM cur CROSS JOIN LATERAL jsonb_array_elements_text(COALESCE(cur.result -> 'alsoConsider', '[]'::jsonb)) AS x(code)
       UNION
       SELECT cur.tenancy_id, cur.episode, cur.real_arrears_pence, 'request_hb_direct_payment'
         FROM cur
        WHERE jsonb_array_length(COALESCE(cur.result -> 'blockedBy', '[]'::jsonb)) = 0
          AND (cur.result ->> 'weeksInArrears')::numeric >= $4
          AND EXISTS (SELECT 1 FROM benefit_claims b WHERE b.tenancy_id = cur.tenancy_id AND b.type = 'housing_benefit'
                         AND b.status = 'in_payment' AND b.housing_costs_to = 'tenant')
     ),
     mapped AS (
       SELECT codes.tenancy_id, codes.code, m.kind, codes.episode, codes.real_arrears_pence,
              'benefits:' || m.kind || ':' || codes.tenancy_id || ':' || codes.episode AS idempotency_key
         FROM codes JOIN unnest($1::text[], $2::text[]) AS m(code, kind) ON m.code = codes.code
     )
     SELECT * FROM mapped
      WHERE NOT EXISTS (SELECT 1 FROM tasks k WHERE k.idempotency_key = mapped.idempotency_key)
      ORDER BY tenancy_id, kind`,
    [codes, kinds, options.tenancyIds ?? null, HB_DIRECT_PAYMENT_WEEKS],
  );
}

/** Raises the due benefit tasks (due today); returns how many were created. */
export async function raiseBenefitTasks(db: Db, asOf: BusinessDate, options: { tenancyIds?: readonly number[]; createdBy?: string } = {}): Promise<number> {
  const due = await benefitTasksDue(db, options);
  const tasks: NewTask[] = due.map((d) => ({
    tenancyId: d.tenancy_id,
    kind: d.kind,
    title: taskKindLabel(d.kind),
    dueOn: asOf,
    details: { action: d.code, episodeStart: d.episode === 'none' ? null : d.episode, realArrearsPence: d.real_arrears_pence },
    idempotencyKey: d.idempotency_key,
    createdBy: options.createdBy ?? 'daily-run',
  }));
  return (await raiseTasks(db, tasks)).length;
}

export const benefitTasksStep: AfterRunStep = {
  name: 'benefit tasks',
  async run(db, asOf) {
    return { tasksRaised: await raiseBenefitTasks(db, asOf) };
  },
};
