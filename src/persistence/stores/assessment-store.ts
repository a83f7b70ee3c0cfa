import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../database';

export interface NewAssessment {
  tenancyId: number;
  asOf: BusinessDate;
  trigger: string;
  policyVersion: number;
  action: string;
  priority: number;
  balancePence: number;
  arrearsPence: number;
  realArrearsPence: number;
  needsApproval: boolean;
  patchId: number | null;
  result: unknown;
  trace: unknown;
  jobRunId?: number | null;
}

/**
 * Stores assessments and makes each its tenancy's current assessment (unless a later date is already
 * current). A daily assessment replaces the same day's daily assessment, so re-running a day's run
 * ends with exactly the same stored result.
 */
export async function storeAssessments(db: Db, rows: readonly NewAssessment[]): Promise<void> {
  if (rows.length === 0) return;
  const daily = rows.filter((r) => r.trigger === 'daily');
  const other = rows.filter((r) => r.trigger !== 'daily');
  const params = (list: readonly NewAssessment[]) => [
    list.map((r) => r.tenancyId),
    list.map((r) => r.asOf),
    list.map((r) => r.trigger),
    list.map((r) => r.policyVersion),
    list.map((r) => r.action),
    list.map((r) => r.priority),
    list.map((r) => String(r.balancePence)),
    list.map((r) => String(r.arrearsPence)),
    list.map((r) => String(r.realArrearsPence)),
    list.map((r) => JSON.stringify(r.result)),
    list.map((r) => JSON.stringify(r.trace)),
    list.map((r) => r.jobRunId ?? null),
  ];
  const insert = `INSERT INTO assessments (tenancy_id, as_of, trigger, policy_version, action, priority, balance_pence, arrears_pence,
       real_arrears_pence, result, trace, job_run_id)
     SELECT * FROM unnest($1::int[], $2::date[], $3::text[], $4::int[], $5::text[], $6::int[], $7::bigint[], $8::bigint[], $9::bigint[],
       $10::jsonb[], $11::jsonb[], $12::bigint[])`;
  const ids: { id: number; tenancy_id: number; as_of: BusinessDate }[] = [];
  if (daily.length > 0) {
    ids.push(
      ...(await db.query<{ id: number; tenancy_id: number; as_of: BusinessDate }>(
        `${insert}
         ON CONFLICT (tenancy_id, as_of) WHERE trigger = 'daily' DO UPDATE SET policy_version = EXCLUDED.policy_version,
           action = EXCLUDED.action, priority = EXCLUDED.priority, balance_pence = EXCLUDED.balance_pence, arrears_pence = EXCLUDED.arrears_pence,
           real_arrears_pence = EXCLUDED.real_arrears_pence, result = EXCLUDED.result, trace = EXCLUDED.trace, job_run_id = EXCLUDED.job_run_id,
           created_at = now()
         RETURNING id, tenancy_id, as_of`,
        params(daily),
      )),
    );
  }
  if (other.length > 0) {
    ids.push(...(await db.query<{ id: number; tenancy_id: number; as_of: BusinessDate }>(`${insert} RETURNING id, tenancy_id, as_of`, params(other))));
  }
  const byTenancy = new Map(rows.map((r) => [r.tenancyId, r]));
  const current = ids.map((i) => ({ ...i, row: byTenancy.get(i.tenancy_id)! }));
  await db.query(
    `INSERT INTO current_assessments (tenancy_id, assessment_id, as_of, patch_id, action, priority, real_arrears_pence, needs_approval)
     SELECT * FROM unnest($1::int[], $2::bigint[], $3::date[], $4::int[], $5::text[], $6::int[], $7::bigint[], $8::boolean[])
     ON CONFLICT (tenancy_id) DO UPDATE SET assessment_id = EXCLUDED.assessment_id, as_of = EXCLUDED.as_of, patch_id = EXCLUDED.patch_id,
       action = EXCLUDED.action, priority = EXCLUDED.priority, real_arrears_pence = EXCLUDED.real_arrears_pence,
       needs_approval = EXCLUDED.needs_approval
     WHERE current_assessments.as_of <= EXCLUDED.as_of`,
    [
      current.map((c) => c.tenancy_id),
      current.map((c) => c.id),
      current.map((c) => c.as_of),
      current.map((c) => c.row.patchId),
      current.map((c) => c.row.action),
      current.map((c) => c.row.priority),
      current.map((c) => String(c.row.realArrearsPence)),
      current.map((c) => c.row.needsApproval),
    ],
  );
}

export interface StoredAssessment {
  id: number;
  tenancy_id: number;
  as_of: BusinessDate;
  trigger: string;
  policy_version: number;
  action: string;
  priority: number;
  result: Record<string, unknown>;
  trace: unknown[];
  created_at: Date;
}

export async function currentAssessment(db: Db, tenancyId: number): Promise<StoredAssessment | null> {
  const rows = await db.query<StoredAssessment>(
    `SELECT a.id, a.tenancy_id, a.as_of, a.trigger, a.policy_version, a.action, a.priority, a.result, a.trace, a.created_at
     FROM current_assessments c JOIN assessments a ON a.id = c.assessment_id WHERE c.tenancy_id = $1`,
    [tenancyId],
  );
  return rows[0] ?? null;
}

export async function dailyAssessment(db: Db, tenancyId: number, asOf: BusinessDate): Promise<StoredAssessment | null> {
  const rows = await db.query<StoredAssessment>(
    `SELECT id, tenancy_id, as_of, trigger, policy_version, action, priority, result, trace, created_at
     FROM assessments WHERE tenancy_id = $1 AND as_of = $2 AND trigger = 'daily'`,
    [tenancyId, asOf],
  );
  return rows[0] ?? null;
}
