import type { BusinessDate } from '../../domain/calendar/business-date';
import { mondayOnOrBefore } from '../../domain/calendar/business-date';
import { chargeIdempotencyKey, chargesDue } from '../../domain/rent/charges-due';
import type { Db } from '../../persistence/database';
import { loadChargeableTenancies, setChargePositions, type ChargeScheduleRows, type TenancyIdRange } from '../../persistence/stores/charge-store';
import { appendLedgerTransactions, type NewLedgerTransaction } from '../../persistence/stores/ledger-store';

export interface PostChargesResult {
  tenancies: number;
  posted: number;
  postedPence: number;
}

/**
 * Posts every weekly charge due up to `asOf` from the charge schedules (rent weeks Monday–Sunday,
 * rent-free weeks skipped, part weeks pro rata by day). Idempotent twice over: the charge position
 * skips weeks already charged, and each week's idempotency key refuses a second posting.
 * Writes in batches, each batch's charges and positions in one transaction. With `range`, only the
 * tenancies of that id range (the daily run posts each assessment batch's charges just before reading it),
 * and with `known` the range's schedules and rent-free weeks as already read (see loadChargeableTenancies).
 */
export async function postCharges(db: Db, asOf: BusinessDate, options: { range?: TenancyIdRange; known?: ChargeScheduleRows; batchSize?: number } = {}): Promise<PostChargesResult> {
  if (options.known && !options.range) throw new Error('known charge schedules stand in for those of an id range only');
  const tenancies = await loadChargeableTenancies(db, asOf, options.range ?? null, options.known);
  const batchSize = options.batchSize ?? 2000;
  const result: PostChargesResult = { tenancies: 0, posted: 0, postedPence: 0 };
  for (let i = 0; i < tenancies.length; i += batchSize) {
    const batch = tenancies.slice(i, i + batchSize);
    const rows: NewLedgerTransaction[] = [];
    const positions: { tenancyId: number; chargedTo: BusinessDate }[] = [];
    for (const t of batch) {
      const due = chargesDue({ startDate: t.startDate, endDate: t.endDate, schedule: t.schedule, rentFreeWeeks: t.rentFreeWeeks }, t.chargedTo, asOf);
      for (const c of due) {
        rows.push({
          tenancyId: t.id,
          subAccount: c.subAccount,
          businessDate: c.businessDate,
          kind: 'charge',
          amountPence: c.amountPence,
          note: c.days === 7 ? null : `${c.days} of 7 days`,
          idempotencyKey: chargeIdempotencyKey(t.id, c.subAccount, c.weekCommencing),
          source: 'charge_run',
        });
      }
      const lastWeek = mondayOnOrBefore(t.endDate !== null && t.endDate < asOf ? t.endDate : asOf);
      if (lastWeek >= mondayOnOrBefore(t.startDate)) positions.push({ tenancyId: t.id, chargedTo: lastWeek });
    }
    await db.transaction(async (tx) => {
      for (let j = 0; j < rows.length; j += 5000) {
        const inserted = await appendLedgerTransactions(tx, rows.slice(j, j + 5000));
        result.posted += inserted.length;
        const keys = new Set(inserted.map((r) => r.idempotencyKey));
        for (const r of rows.slice(j, j + 5000)) if (keys.has(r.idempotencyKey)) result.postedPence += r.amountPence;
      }
      await setChargePositions(tx, positions);
    });
    result.tenancies += batch.length;
  }
  return result;
}
