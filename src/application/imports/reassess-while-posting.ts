/**
 * Re-assessing a payment file's accounts while the rest of the file is still being posted.
 *
 * A payment import keeps every account it posts to fresh: each is re-assessed once the file is posted
 * (`reassessTenancies`). Posting is the database's work (a batch or two at once: posting-lanes.ts), re-assessing
 * is mostly Node's, so the two can run side by side: an account to which no later row of the file can post is
 * re-assessed as soon as the batch that posted to it last is committed, while the next batches are posted. Which
 * rows can post to an account is known from the first pass over the file: the last row with each payment
 * reference (importPayments uses this only for a file with no payment dated after today: such a payment moves
 * the date every account is re-assessed as of, and assessments stored as of today before it would be read as the
 * day's by others). Whatever that look-ahead says, the end is the same as re-assessing after the file: once the
 * file is posted, every account not yet re-assessed, posted to after it was (through a reference the look-ahead
 * did not see), or re-assessed as of another date is re-assessed then (`remaining`).
 */
import type { BusinessDate } from '../../domain/calendar/business-date';

export class ReassessWhilePosting {
  /** Each account posted to, and the batch that posted to it last. */
  private readonly lastPostedBatch = new Map<number, number>();
  /** Accounts not yet handed out, and the last row of the file that may post to each (Infinity: not known). */
  private readonly waiting = new Map<number, number>();
  /** Accounts handed out for re-assessment: after which batch, as of which date. */
  private readonly handedOut = new Map<number, { afterBatch: number; asOf: BusinessDate }>();

  /** A row of batch `batch` posted to `tenancyId`; `lastRow` is the file's last row that may post to it (null: not known). */
  posted(batch: number, tenancyId: number, lastRow: number | null): void {
    this.lastPostedBatch.set(tenancyId, batch);
    const last = lastRow ?? Number.POSITIVE_INFINITY;
    const before = this.waiting.get(tenancyId);
    this.waiting.set(tenancyId, before === undefined ? last : Math.max(before, last));
  }

  /**
   * Batch `batch` is committed and the file posted up to row `row`: the accounts no later row can post
   * to, to re-assess now as of `asOf` (each handed out once, unless posted to again).
   */
  committed(batch: number, row: number, asOf: BusinessDate): number[] {
    const ready: number[] = [];
    for (const [tenancyId, last] of this.waiting) {
      if (last > row) continue;
      ready.push(tenancyId);
      this.waiting.delete(tenancyId);
      this.handedOut.set(tenancyId, { afterBatch: batch, asOf });
    }
    return ready;
  }

  /** Once the whole file is posted: the accounts still to re-assess as of `asOf`. */
  remaining(asOf: BusinessDate): number[] {
    const ids: number[] = [];
    for (const [tenancyId, lastBatch] of this.lastPostedBatch) {
      const out = this.handedOut.get(tenancyId);
      if (out === undefined || out.afterBatch < lastBatch || out.asOf !== asOf) ids.push(tenancyId);
    }
    return ids;
  }
}
