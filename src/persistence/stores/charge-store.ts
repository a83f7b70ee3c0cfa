import type { BusinessDate } from '../../domain/calendar/business-date';
import type { ChargeScheduleEntry, SubAccount } from '../../domain/rent/charges-due';
import type { Db } from '../database';

export interface ChargeableTenancy {
  id: number;
  startDate: BusinessDate;
  endDate: BusinessDate | null;
  chargedTo: BusinessDate | null;
  schedule: ChargeScheduleEntry[];
  rentFreeWeeks: Set<BusinessDate>;
}

/** Tenancy ids from `idFrom` to `idTo` (inclusive). */
export interface TenancyIdRange {
  idFrom: number;
  idTo: number;
}

/** A tenancy's charge schedule rows and the rent-free weeks (landlord-wide ones with a null tenancy), as read. */
export interface ChargeScheduleRows {
  schedules: readonly { tenancy_id: number; sub_account: string; effective_from: BusinessDate; weekly_pence: number }[];
  rentFree: readonly { tenancy_id: number | null; week_commencing: BusinessDate }[];
}

/**
 * Tenancies that may have charges due on or before `asOf` (started by then and not charged up to the
 * week of asOf), with their schedules and rent-free weeks: three queries for the whole landlord, or for
 * the tenancies of an id range. With `known`, the schedules and rent-free weeks already read for the
 * range (the daily run reads them for the assessment anyway) stand in for the last two.
 */
export async function loadChargeableTenancies(db: Db, asOf: BusinessDate, range: TenancyIdRange | null = null, known?: ChargeScheduleRows): Promise<ChargeableTenancy[]> {
  // Two statements, not one with an optional range (`$2 IS NULL OR …`): the prepared statement's generic plan
  // for that could not use the range and scanned every tenancy for each batch of the daily run.
  const rows = await db.query<{ id: number; start_date: BusinessDate; end_date: BusinessDate | null; charged_to: BusinessDate | null }>(
    `SELECT t.id, t.start_date, t.end_date, cp.charged_to
     FROM tenancies t LEFT JOIN charge_positions cp ON cp.tenancy_id = t.id
     WHERE t.start_date <= $1
       AND (cp.charged_to IS NULL OR cp.charged_to + 7 <= $1)
       AND (t.end_date IS NULL OR cp.charged_to IS NULL OR cp.charged_to + 7 <= t.end_date)
       ${range ? 'AND t.id BETWEEN $2 AND $3' : ''}
     ORDER BY t.id`,
    range ? [asOf, range.idFrom, range.idTo] : [asOf],
  );
  const tenancies = rows.map((t) => ({ id: t.id, startDate: t.start_date, endDate: t.end_date, chargedTo: t.charged_to }));
  return known ? chargeableWith(tenancies, known) : withChargeSchedules(db, tenancies);
}

/** The tenancies with their charge schedules and rent-free weeks (two queries), in the order given. */
export async function withChargeSchedules(db: Db, tenancies: readonly Omit<ChargeableTenancy, 'schedule' | 'rentFreeWeeks'>[]): Promise<ChargeableTenancy[]> {
  if (tenancies.length === 0) return [];
  const ids = tenancies.map((t) => t.id);
  const [schedules, rentFree] = await Promise.all([
    db.query<ChargeScheduleRows['schedules'][number]>(
      `SELECT tenancy_id, sub_account, effective_from, weekly_pence FROM charge_schedules WHERE tenancy_id = ANY($1::int[]) ORDER BY tenancy_id, effective_from, id`,
      [ids],
    ),
    db.query<ChargeScheduleRows['rentFree'][number]>(
      `SELECT tenancy_id, week_commencing FROM rent_free_weeks WHERE tenancy_id IS NULL OR tenancy_id = ANY($1::int[])`,
      [ids],
    ),
  ]);
  return chargeableWith(tenancies, { schedules, rentFree });
}

/** The tenancies, in the order given, with their schedules (in the rows' order) and rent-free weeks. */
function chargeableWith(tenancies: readonly Omit<ChargeableTenancy, 'schedule' | 'rentFreeWeeks'>[], known: ChargeScheduleRows): ChargeableTenancy[] {
  const byId = new Map<number, ChargeableTenancy>();
  const landlordWide = known.rentFree.filter((r) => r.tenancy_id === null).map((r) => r.week_commencing);
  for (const t of tenancies) byId.set(t.id, { ...t, schedule: [], rentFreeWeeks: new Set(landlordWide) });
  for (const s of known.schedules) byId.get(s.tenancy_id)?.schedule.push({ subAccount: s.sub_account as SubAccount, effectiveFrom: s.effective_from, weeklyPence: s.weekly_pence });
  for (const r of known.rentFree) if (r.tenancy_id !== null) byId.get(r.tenancy_id)?.rentFreeWeeks.add(r.week_commencing);
  return [...byId.values()];
}

export async function setChargePositions(db: Db, positions: readonly { tenancyId: number; chargedTo: BusinessDate }[]): Promise<void> {
  if (positions.length === 0) return;
  await db.query(
    `INSERT INTO charge_positions (tenancy_id, charged_to) SELECT * FROM unnest($1::int[], $2::date[])
     ON CONFLICT (tenancy_id) DO UPDATE SET charged_to = greatest(charge_positions.charged_to, EXCLUDED.charged_to)`,
    [positions.map((p) => p.tenancyId), positions.map((p) => p.chargedTo)],
  );
}
