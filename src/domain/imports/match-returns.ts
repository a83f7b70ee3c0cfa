/**
 * Which direct debit each Bacs return reverses (payment-formats/bacs-arudd.ts): the same account's
 * `direct_debit` payment of the returned amount, dated within a window of the return's original processing
 * date, not already reversed, and not taken by a return before it in the file; the nearest in date first (a
 * tie: the earlier posted). A return with nothing left to match is posted unlinked.
 */
import { toDayNumber, type BusinessDate } from '../calendar/business-date';

export interface ReturnToMatch {
  tenancyId: number;
  /** The direct debit's amount as the ledger has it (negative: a credit). */
  ledgerAmountPence: number;
  originalDate: BusinessDate;
}

/** A direct-debit payment not yet reversed (a candidate for some return). */
export interface UnreversedDirectDebit {
  id: number;
  tenancyId: number;
  amountPence: number;
  businessDate: BusinessDate;
}

/** For each return, in the file's order, the id of the direct debit it reverses, or null. */
export function matchReturnsToDirectDebits(returns: readonly ReturnToMatch[], candidates: readonly UnreversedDirectDebit[], windowDays: number): (number | null)[] {
  const byTenancy = new Map<number, UnreversedDirectDebit[]>();
  for (const c of candidates) {
    const list = byTenancy.get(c.tenancyId);
    if (list) list.push(c);
    else byTenancy.set(c.tenancyId, [c]);
  }
  const taken = new Set<number>();
  return returns.map((r) => {
    const originalDay = toDayNumber(r.originalDate);
    let best: { id: number; distance: number } | null = null;
    for (const c of byTenancy.get(r.tenancyId) ?? []) {
      if (c.amountPence !== r.ledgerAmountPence || taken.has(c.id)) continue;
      const distance = Math.abs(toDayNumber(c.businessDate) - originalDay);
      if (distance > windowDays) continue;
      if (best === null || distance < best.distance || (distance === best.distance && c.id < best.id)) best = { id: c.id, distance };
    }
    if (best === null) return null;
    taken.add(best.id);
    return best.id;
  });
}
