import type { BusinessDate } from '../../domain/calendar/business-date';
import { RENT_ACCOUNT_SUB_ACCOUNTS } from '../../domain/rent/charges-due';
import type { Db } from '../database';
import { parseCopyText, parseInt8, sqlLiteral } from '../database';

/** Everything the database knows of a set of tenancies that a case file carries, in a handful of queries. */
export interface CaseData {
  tenancy: {
    id: number;
    ref: string;
    payment_reference: string;
    tenure: string;
    landlord_type: string;
    start_date: BusinessDate;
    end_date: BusinessDate | null;
    end_reason: string | null;
    rent_frequency: string;
    address: string | null;
    postcode: string | null;
    patch_id: number | null;
    patch_name: string | null;
  };
  tenants: { name: string; has_forwarding_address: boolean }[];
  charges: { sub_account: string; effective_from: BusinessDate; weekly_pence: number }[];
  rentFreeWeeks: BusinessDate[];
  transactions: {
    id: number;
    business_date: BusinessDate;
    kind: string;
    method: string | null;
    amount_pence: number;
    period_from: BusinessDate | null;
    period_to: BusinessDate | null;
    note: string | null;
    sub_account: string;
    reverses_id: number | null;
    reason: string | null;
  }[];
  benefits: {
    type: string;
    status: string;
    from_date: BusinessDate;
    weekly_pence: number | null;
    paid_every_weeks: number | null;
    evidence_complete: boolean | null;
    housing_costs_to: string | null;
    monthly_housing_pence: number | null;
    assessment_period_start_day: number | null;
    details: Record<string, unknown>;
  }[];
  events: { id: number; event_date: BusinessDate; type: string; details: Record<string, unknown> }[];
}

export type TenancySelection = { ids: readonly number[] } | { idFrom: number; idTo: number };

function where(selection: TenancySelection, column: string, firstParam: number): { clause: string; params: unknown[] } {
  if ('ids' in selection) return { clause: `${column} = ANY($${firstParam}::int[])`, params: [selection.ids] };
  return { clause: `${column} BETWEEN $${firstParam} AND $${firstParam + 1}`, params: [selection.idFrom, selection.idTo] };
}

/**
 * Loads the case data of the selected tenancies as known on `asOf`: transactions and events dated after it
 * are left out; charge schedules and benefits are whole. One query per table, whatever the number of tenancies.
 */
export async function loadCaseData(db: Db, selection: TenancySelection, asOf: BusinessDate): Promise<CaseData[]> {
  const w = where(selection, 't.id', 1);
  const tenancies = await db.query<CaseData['tenancy']>(
    `SELECT t.id, t.ref, t.payment_reference, t.tenure, t.landlord_type, t.start_date, t.end_date, t.end_reason, t.rent_frequency,
            pr.address, pr.postcode, t.patch_id, pa.name AS patch_name
     FROM tenancies t LEFT JOIN properties pr ON pr.id = t.property_id LEFT JOIN patches pa ON pa.id = t.patch_id
     WHERE ${w.clause} ORDER BY t.id`,
    w.params,
  );
  const byId = new Map<number, CaseData>();
  for (const t of tenancies) byId.set(t.id, { tenancy: t, tenants: [], charges: [], rentFreeWeeks: [], transactions: [], benefits: [], events: [] });
  if (byId.size === 0) return [];

  const wt = where(selection, 'tenancy_id', 1);
  const [tenants, charges, rentFree, transactions, benefits, events] = await Promise.all([
    db.query<{ tenancy_id: number; name: string; has_forwarding_address: boolean }>(
      `SELECT tenancy_id, name, has_forwarding_address FROM tenants WHERE ${wt.clause} ORDER BY tenancy_id, position`,
      wt.params,
    ),
    db.query<{ tenancy_id: number; sub_account: string; effective_from: BusinessDate; weekly_pence: number }>(
      `SELECT tenancy_id, sub_account, effective_from, weekly_pence FROM charge_schedules WHERE ${wt.clause} ORDER BY tenancy_id, effective_from, id`,
      wt.params,
    ),
    db.query<{ tenancy_id: number | null; week_commencing: BusinessDate }>(
      `SELECT tenancy_id, week_commencing FROM rent_free_weeks WHERE tenancy_id IS NULL OR ${wt.clause} ORDER BY week_commencing`,
      wt.params,
    ),
    loadTransactions(db, selection, asOf),
    db.query<CaseData['benefits'][number] & { tenancy_id: number }>(
      `SELECT tenancy_id, type, status, from_date, weekly_pence, paid_every_weeks, evidence_complete, housing_costs_to, monthly_housing_pence,
              assessment_period_start_day, details
       FROM benefit_claims WHERE ${wt.clause} ORDER BY tenancy_id, position, id`,
      wt.params,
    ),
    loadEvents(db, selection, asOf),
  ]);
  for (const r of tenants) byId.get(r.tenancy_id)?.tenants.push(r);
  for (const r of charges) byId.get(r.tenancy_id)?.charges.push(r);
  const landlordWide = rentFree.filter((r) => r.tenancy_id === null).map((r) => r.week_commencing);
  for (const c of byId.values()) c.rentFreeWeeks.push(...landlordWide);
  for (const r of rentFree) if (r.tenancy_id !== null) byId.get(r.tenancy_id)?.rentFreeWeeks.push(r.week_commencing);
  for (const r of transactions) byId.get(r.tenancy_id)?.transactions.push(r);
  for (const r of benefits) byId.get(r.tenancy_id)?.benefits.push(r);
  for (const r of events) byId.get(r.tenancy_id)?.events.push(r);
  return [...byId.values()];
}

type TransactionRow = CaseData['transactions'][number] & { tenancy_id: number };

/**
 * The rent-account transactions of the selected tenancies on or before `asOf`, in date order: read with
 * COPY (text format), which is several times faster than row-by-row results for millions of rows.
 */
function tenancyFilter(selection: TenancySelection): string {
  if ('ids' in selection) return selection.ids.length === 0 ? 'false' : `tenancy_id IN (${selection.ids.map((id) => sqlLiteral(id)).join(',')})`;
  return `tenancy_id BETWEEN ${sqlLiteral(selection.idFrom)} AND ${sqlLiteral(selection.idTo)}`;
}

async function loadTransactions(db: Db, selection: TenancySelection, asOf: BusinessDate): Promise<TransactionRow[]> {
  const subAccounts = RENT_ACCOUNT_SUB_ACCOUNTS.map((s) => sqlLiteral(s)).join(',');
  const text = await db.copyOutText(
    `SELECT tenancy_id, id, business_date, kind, method, amount_pence, period_from, period_to, note, sub_account, reverses_id, reason
     FROM ledger_transactions
     WHERE ${tenancyFilter(selection)} AND business_date <= ${sqlLiteral(asOf)}::date AND sub_account IN (${subAccounts})
     ORDER BY tenancy_id, business_date, id`,
  );
  return parseCopyText(text).map((f) => ({
    tenancy_id: Number(f[0]),
    id: Number(f[1]),
    business_date: f[2]!,
    kind: f[3]!,
    method: f[4] ?? null,
    amount_pence: parseInt8(f[5]!),
    period_from: f[6] ?? null,
    period_to: f[7] ?? null,
    note: f[8] ?? null,
    sub_account: f[9]!,
    reverses_id: f[10] === null || f[10] === undefined ? null : Number(f[10]),
    reason: f[11] ?? null,
  }));
}

type EventRow = CaseData['events'][number] & { tenancy_id: number };

/** The case events of the selected tenancies dated on or before `asOf`, in date order (read with COPY). */
async function loadEvents(db: Db, selection: TenancySelection, asOf: BusinessDate): Promise<EventRow[]> {
  const text = await db.copyOutText(
    `SELECT tenancy_id, id, event_date, type, details::text FROM case_events
     WHERE ${tenancyFilter(selection)} AND event_date <= ${sqlLiteral(asOf)}::date ORDER BY tenancy_id, event_date, id`,
  );
  return parseCopyText(text).map((f) => ({
    tenancy_id: Number(f[0]),
    id: Number(f[1]),
    event_date: f[2]!,
    type: f[3]!,
    details: JSON.parse(f[4] ?? '{}') as Record<string, unknown>,
  }));
}

/** The id range of all tenancies, for walking them in batches. */
export async function tenancyIdRange(db: Db): Promise<{ min: number; max: number } | null> {
  const [r] = await db.query<{ min: number | null; max: number | null }>(`SELECT min(id) AS min, max(id) AS max FROM tenancies`);
  return r && r.min !== null && r.max !== null ? { min: r.min, max: r.max } : null;
}
