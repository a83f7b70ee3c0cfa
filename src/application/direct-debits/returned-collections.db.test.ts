import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type BusinessDate } from '../../domain/calendar/business-date';
import { ARUDD_CODES } from '../../domain/direct-debits/return-codes';
import type { Db } from '../../persistence/database';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import { seededRandom } from '../../../test/builders/seeded-random';
import { seedWeb, type SeededWeb } from '../../../test/support/seed-web';
import { createTestDatabase } from '../../../test/support/test-database';
import type { CaseContext } from '../case-events/case-access';
import { cancelMandate, handleReturnedCollections, setUpMandate } from './direct-debits';
import { caseContextAs } from '../../../test/builders/case-context';

/**
 * handleReturnedCollections decides the returns it finds in ledger order, each seeing what the ones before it
 * did, and writes them together. Handling generated returns one at a time (a reversal posted, then handled)
 * and all at once must record the same failures, mandate events, cancellations, case events and tasks: a
 * return after a re-presentation within 14 days is not re-presented again, and a return after its mandate was
 * cancelled falls to the tenancy's other mandate or the cancelled one, whether or not the earlier return was
 * handled in the same run.
 */
const AS_OF: BusinessDate = '2026-11-23';
const REFS = ['TEN-N001', 'TEN-N002', 'TEN-N003', 'TEN-N004', 'TEN-S001', 'TEN-S002'] as const;
const CODES = ['0', '0', '0', '0', '1', '2', '4', '7', '9', 'B', 'Z'];

async function landlord(): Promise<{ db: Db; seed: SeededWeb }> {
  const db = await createTestDatabase();
  const seed = await seedWeb(db);
  const context = (userId: number): Promise<CaseContext> => caseContextAs(db, userId, '2026-09-01');
  const north = await context(seed.users.officerNorth.id);
  const south = await context(seed.users.officerSouth.id);
  const mandate = { payerName: 'Alex Example', sortCode: '30-94-57', accountNumber: '12345678', amount: '100.00', startOn: '2026-09-15' };
  // TEN-N001 has a cancelled mandate and an active one; TEN-N004 none; the others one each, monthly or weekly.
  const first = await setUpMandate(north, 'TEN-N001', { ...mandate, collectionDay: 'monthly:1' });
  if (first.kind !== 'created') throw new Error(first.kind);
  expect(await cancelMandate(north, 'TEN-N001', first.mandate.id, 'Replaced')).toEqual({ kind: 'cancelled' });
  for (const [ctx, ref, collectionDay] of [
    [north, 'TEN-N001', 'monthly:15'],
    [north, 'TEN-N002', 'monthly:28'],
    [north, 'TEN-N003', 'weekly:1'],
    [south, 'TEN-S001', 'monthly:1'],
    [south, 'TEN-S002', 'weekly:4'],
  ] as const) {
    expect((await setUpMandate(ctx, ref, { ...mandate, collectionDay })).kind).toBe('created');
  }
  return { db, seed };
}

/** What the returns left behind, without the ids of the rows written (ledger and mandate ids are the same on both). */
async function recorded(db: Db) {
  return {
    failures: await db.query(
      `SELECT f.ledger_transaction_id::int AS ledger_id, t.ref, m.reference, f.return_code, to_char(f.returned_on, 'YYYY-MM-DD') AS returned_on, f.amount_pence::int AS amount_pence,
              f.action, to_char(f.represent_on, 'YYYY-MM-DD') AS represent_on
       FROM dd_collection_failures f JOIN tenancies t ON t.id = f.tenancy_id LEFT JOIN dd_mandates m ON m.id = f.mandate_id ORDER BY f.ledger_transaction_id`,
    ),
    mandates: await db.query(`SELECT reference, status, to_char(cancelled_on, 'YYYY-MM-DD') AS cancelled_on, cancel_reason FROM dd_mandates ORDER BY id`),
    mandateEvents: await db.query(`SELECT m.reference, e.type, to_char(e.event_on, 'YYYY-MM-DD') AS event_on, e.details, e.idempotency_key FROM dd_mandate_events e JOIN dd_mandates m ON m.id = e.mandate_id ORDER BY e.id`),
    caseEvents: await db.query(
      `SELECT t.ref, e.type, to_char(e.event_date, 'YYYY-MM-DD') AS event_date, e.details - 'taskId' AS details, e.idempotency_key LIKE 'task_created:%' AS for_a_task, e.recorded_by
       FROM case_events e JOIN tenancies t ON t.id = e.tenancy_id WHERE e.type IN ('dd_collection_failed', 'task_created') ORDER BY t.ref, e.type, e.event_date, e.details::text`,
    ),
    tasks: await db.query(`SELECT t.ref, k.kind, k.title, to_char(k.due_on, 'YYYY-MM-DD') AS due_on, k.details, k.idempotency_key FROM tasks k JOIN tenancies t ON t.id = k.tenancy_id WHERE k.kind LIKE 'dd_%' ORDER BY k.idempotency_key`),
  };
}

describe('returned collections: handled one at a time or all at once, the same records', () => {
  let oneByOne: { db: Db; seed: SeededWeb };
  let allAtOnce: { db: Db; seed: SeededWeb };
  beforeAll(async () => {
    oneByOne = await landlord();
    allAtOnce = await landlord();
  }, 60_000);
  afterAll(async () => {
    await oneByOne?.db.close();
    await allAtOnce?.db.close();
  });

  it('over 60 generated returns (codes, dates from 10 weeks ago, six tenancies)', async () => {
    const random = seededRandom(12);
    const returns = Array.from({ length: 60 }, (_, i) => {
      const ref = random.pick(REFS);
      const code = random.pick(CODES);
      return {
        ref,
        businessDate: addDays(AS_OF, -random.int(70)),
        amountPence: 5000 + random.int(10_000),
        reason: `ARUDD ${code}: ${ARUDD_CODES[code] ?? 'Unknown'}`,
        idempotencyKey: `test:return:${i}`,
      };
    });
    const row = (seed: SeededWeb, r: (typeof returns)[number]) => ({
      tenancyId: seed.tenancies[r.ref]!,
      businessDate: r.businessDate,
      kind: 'reversal' as const,
      method: 'direct_debit' as const,
      amountPence: r.amountPence,
      reason: r.reason,
      idempotencyKey: r.idempotencyKey,
      source: 'test',
    });
    let handledOneByOne = 0;
    for (const r of returns) {
      await appendLedgerTransactions(oneByOne.db, [row(oneByOne.seed, r)]);
      handledOneByOne += (await handleReturnedCollections(oneByOne.db, AS_OF)).handled;
    }
    await appendLedgerTransactions(allAtOnce.db, returns.map((r) => row(allAtOnce.seed, r)));
    const once = await handleReturnedCollections(allAtOnce.db, AS_OF);
    expect(once.handled).toBe(60);
    expect(handledOneByOne).toBe(60);

    const a = await recorded(oneByOne.db);
    const b = await recorded(allAtOnce.db);
    expect(b).toEqual(a);
    // The generated returns exercise each path: re-presented, refused a second re-presentation, contact,
    // cancelling, too old to act on, and no mandate.
    const actions = new Set(a.failures.map((f) => (f as { action: string }).action));
    expect([...actions].sort()).toEqual(['contact', 're_present', 'recorded']);
    expect(a.failures.filter((f) => (f as { reference: string | null }).reference === null).length).toBeGreaterThan(0);
    expect(a.mandates.filter((m) => (m as { cancel_reason: string | null }).cancel_reason?.startsWith('ARUDD')).length).toBeGreaterThan(0);
    const codeZeroContacts = a.failures.filter((f) => {
      const x = f as { return_code: string; action: string; reference: string | null };
      return x.return_code === '0' && x.action === 'contact' && x.reference !== null;
    });
    expect(codeZeroContacts.length).toBeGreaterThan(0);

    // Handled once: another run finds nothing.
    expect(await handleReturnedCollections(allAtOnce.db, AS_OF)).toEqual({ tasksRaised: 0, handled: 0 });
  }, 120_000);
});
