import type { BusinessDate } from '../../domain/calendar/business-date';
import { mondayOnOrBefore } from '../../domain/calendar/business-date';
import { creditsForChargesAfterEnd } from '../../domain/rent/charges-after-end';
import type { Db } from '../../persistence/database';
import { withChargeSchedules } from '../../persistence/stores/charge-store';
import { appendLedgerTransactions, chargesFrom } from '../../persistence/stores/ledger-store';

/**
 * Credits the charges posted for days after a tenancy ended on `endDate` (src/domain/rent/charges-after-end.ts):
 * one `reversal` of each such charge for the part not due, dated as the charge, with the reason; the
 * idempotency key `charge_after_end:<charge id>` posts each at most once. Run in the transaction that
 * ends the tenancy, before its balance is moved to former tenant arrears.
 */
export async function creditChargesAfterEnd(
  db: Db,
  tenancy: { id: number; startDate: BusinessDate },
  endDate: BusinessDate,
  by: { source: string; recordedBy: string | null; endReason: string },
): Promise<{ credited: number; creditedPence: number }> {
  const tenancyId = tenancy.id;
  const [[inputs], posted] = await Promise.all([
    withChargeSchedules(db, [{ id: tenancyId, startDate: tenancy.startDate, endDate, chargedTo: null }]),
    chargesFrom(db, tenancyId, mondayOnOrBefore(endDate)),
  ]);
  const credits = creditsForChargesAfterEnd({ ...inputs!, endDate }, posted);
  const inserted = await appendLedgerTransactions(
    db,
    credits.map((c) => ({
      tenancyId,
      subAccount: c.subAccount,
      businessDate: c.businessDate,
      kind: 'reversal' as const,
      amountPence: c.amountPence,
      reversesId: c.reversesId,
      reason: `Not due: the tenancy ended on ${endDate} (${by.endReason}), ${c.daysAfterEnd} ${c.daysAfterEnd === 1 ? 'day' : 'days'} of the week commencing ${c.weekCommencing} after it`,
      idempotencyKey: `charge_after_end:${c.reversesId}`,
      source: by.source,
      recordedBy: by.recordedBy,
    })),
  );
  const keys = new Set(inserted.map((r) => r.idempotencyKey));
  const creditedNow = credits.filter((c) => keys.has(`charge_after_end:${c.reversesId}`));
  return { credited: creditedNow.length, creditedPence: -creditedNow.reduce((sum, c) => sum + c.amountPence, 0) };
}
