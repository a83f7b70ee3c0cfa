import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/test-database';
import { chargeIdempotencyKey, chargesDue, type SubAccount } from '../../domain/rent/charges-due';
import type { Db } from '../../persistence/database';
import { rebuildAccountStates } from '../../persistence/stores/account-state-store';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import { buildDemoLandlord, DemoDatabaseNotEmptyError, type DemoSummary } from './build-demo';

const AS_OF = '2026-11-23';

async function constraintsOf(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT conrelid::regclass::text || '.' || conname || ':' || pg_get_constraintdef(oid) AS name FROM pg_constraint
     WHERE connamespace = 'public'::regnamespace ORDER BY 1`,
  );
  const indexes = await db.query<{ name: string }>(`SELECT indexname || ':' || indexdef AS name FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`);
  return [...rows, ...indexes].map((r) => r.name);
}

describe('buildDemoLandlord', () => {
  let db: Db;
  let summary: DemoSummary;
  let schemaBefore: string[];
  const progress: [number, number][] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    schemaBefore = await constraintsOf(db);
    summary = await buildDemoLandlord(db, { tenancies: 60, seed: 4, asOf: AS_OF, batchSize: 25, onProgress: (done, total) => progress.push([done, total]) });
  });
  afterAll(async () => {
    await db.close();
  });

  it('writes the landlord in at least two patches and says what it wrote', async () => {
    expect(summary.reused).toBe(false);
    expect(summary.tenancies).toBe(60);
    expect(summary.patches).toBeGreaterThanOrEqual(2);
    const [counts] = await db.query<{ tenancies: number; patches: number; properties: number; ledger: number; tenants: number; events: number; positions: number }>(
      `SELECT (SELECT count(*) FROM tenancies)::int AS tenancies, (SELECT count(DISTINCT patch_id) FROM tenancies)::int AS patches,
              (SELECT count(*) FROM properties)::int AS properties, (SELECT count(*) FROM ledger_transactions)::int AS ledger,
              (SELECT count(*) FROM tenants)::int AS tenants, (SELECT count(*) FROM case_events)::int AS events,
              (SELECT count(*) FROM charge_positions)::int AS positions`,
    );
    expect(counts).toMatchObject({ tenancies: 60, properties: 60, ledger: summary.ledgerRows, positions: 60 });
    expect(counts?.patches).toBeGreaterThanOrEqual(2);
    expect(counts?.tenants).toBeGreaterThanOrEqual(60);
    expect(counts?.events).toBeGreaterThan(0);
    expect(summary.currentTenancies + summary.formerTenancies).toBe(60);
    expect(Number.isSafeInteger(summary.totalArrearsPence) && Number.isSafeInteger(summary.annualDebitPence)).toBe(true);
    expect(progress[progress.length - 1]).toEqual([60, 60]);
  });

  it('keeps balances in whole pence, matching the summary, and nothing after asOf', async () => {
    const rows = await db.query<{ balance: number; tenancy_id: number; end_date: string | null }>(
      `SELECT t.id AS tenancy_id, t.end_date, coalesce(sum(l.amount_pence), 0)::bigint AS balance
       FROM tenancies t LEFT JOIN ledger_transactions l ON l.tenancy_id = t.id GROUP BY t.id, t.end_date`,
    );
    for (const r of rows) expect(Number.isSafeInteger(r.balance)).toBe(true);
    const arrears = rows.filter((r) => r.end_date === null && r.balance > 0).reduce((n, r) => n + r.balance, 0);
    expect(arrears).toBe(summary.totalArrearsPence);
    const [late] = await db.query<{ n: number }>(
      `SELECT ((SELECT count(*) FROM ledger_transactions WHERE business_date > $1) + (SELECT count(*) FROM case_events WHERE event_date > $1))::int AS n`,
      [AS_OF],
    );
    expect(late?.n).toBe(0);
    const [early] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ledger_transactions l JOIN tenancies t ON t.id = l.tenancy_id WHERE l.business_date < t.start_date`,
    );
    expect(early?.n).toBe(0);
  });

  it('posts the charges that chargesDue gives, up to the charge position', async () => {
    const tenancies = await db.query<{ id: number; start_date: string; end_date: string | null; charged_to: string | null }>(
      `SELECT t.id, t.start_date, t.end_date, cp.charged_to FROM tenancies t LEFT JOIN charge_positions cp ON cp.tenancy_id = t.id ORDER BY t.id`,
    );
    const rentFree = new Set((await db.query<{ week_commencing: string }>(`SELECT week_commencing FROM rent_free_weeks WHERE tenancy_id IS NULL`)).map((r) => r.week_commencing));
    let compared = 0;
    for (const t of tenancies) {
      const schedule = (
        await db.query<{ sub_account: SubAccount; effective_from: string; weekly_pence: number }>(
          `SELECT sub_account, effective_from, weekly_pence FROM charge_schedules WHERE tenancy_id = $1 ORDER BY effective_from, id`,
          [t.id],
        )
      ).map((c) => ({ subAccount: c.sub_account, effectiveFrom: c.effective_from, weeklyPence: c.weekly_pence }));
      const inputs = { startDate: t.start_date, endDate: t.end_date, schedule, rentFreeWeeks: rentFree };
      // what the daily run would post today: nothing, the demo is charged up to asOf
      expect(chargesDue(inputs, t.charged_to, AS_OF)).toEqual([]);
      const charges = await db.query<{ business_date: string; sub_account: string; amount_pence: number; idempotency_key: string }>(
        `SELECT business_date, sub_account, amount_pence, idempotency_key FROM ledger_transactions WHERE tenancy_id = $1 AND kind = 'charge' ORDER BY business_date, id`,
        [t.id],
      );
      const first = charges[0];
      if (!first) continue;
      // the ledger's weeks from its first charge are exactly chargesDue's
      const before = first.business_date > t.start_date ? new Date(Date.parse(first.business_date) - 7 * 86400000).toISOString().slice(0, 10) : null;
      const due = chargesDue(inputs, before, AS_OF);
      expect(charges.map((c) => [c.business_date, c.sub_account, c.amount_pence, c.idempotency_key])).toEqual(
        due.map((d) => [d.businessDate, d.subAccount, d.amountPence, chargeIdempotencyKey(t.id, d.subAccount, d.weekCommencing)]),
      );
      compared += 1;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('links reversals to the payments they reverse', async () => {
    const rows = await db.query<{ ok: boolean }>(
      `SELECT (p.kind = 'payment' AND p.amount_pence = -r.amount_pence AND p.tenancy_id = r.tenancy_id AND r.reason IS NOT NULL) AS ok
       FROM ledger_transactions r JOIN ledger_transactions p ON p.id = r.reverses_id WHERE r.kind = 'reversal'`,
    );
    for (const r of rows) expect(r.ok).toBe(true);
    const [orphans] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'reversal' AND reverses_id IS NULL`);
    expect(orphans?.n).toBe(0);
  });

  it('computes every account\'s derived state once after the load, and keeps it with later postings', async () => {
    const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM account_state`);
    expect(n?.n).toBeGreaterThan(50);
    expect((await rebuildAccountStates(db)).differed).toBe(0);
    expect(await db.query(`SELECT current_setting('rentwise.account_state', true) AS s`)).not.toEqual([{ s: 'deferred' }]);
  });

  it('leaves the schema as it found it, with the identity sequences past the demo rows', async () => {
    expect(await constraintsOf(db)).toEqual(schemaBefore);
    const [t] = await db.query<{ id: number }>(`SELECT id FROM tenancies ORDER BY id LIMIT 1`);
    const inserted = await appendLedgerTransactions(db, [
      { tenancyId: t?.id as number, businessDate: AS_OF, kind: 'payment', method: 'cash', amountPence: -100, idempotencyKey: 'test:after-demo', source: 'test' },
    ]);
    expect(inserted).toHaveLength(1);
    expect((await rebuildAccountStates(db)).differed).toBe(0);
    const [max] = await db.query<{ max: number }>(`SELECT max(id)::bigint AS max FROM ledger_transactions WHERE idempotency_key <> 'test:after-demo'`);
    expect(inserted[0]?.id).toBeGreaterThan(max?.max as number);
    const [p] = await db.query<{ id: number }>(`INSERT INTO properties (address) VALUES ('1 Test Road') RETURNING id`);
    expect(p?.id).toBe(61);
  });

  it('reuses the demo when run again', async () => {
    const [before] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tenancies`);
    const again = await buildDemoLandlord(db, { tenancies: 60, seed: 4, asOf: AS_OF });
    expect(again.reused).toBe(true);
    expect({ ...again, reused: false }).toEqual(summary);
    const other = await buildDemoLandlord(db, { tenancies: 10, seed: 9, asOf: '2026-01-05' });
    expect(other.reused).toBe(true);
    const [after] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM tenancies`);
    expect(after?.n).toBe(before?.n);
  });
});

describe('buildDemoLandlord into other databases', () => {
  it('refuses a database that holds tenancies of its own', async () => {
    const db = await createTestDatabase();
    try {
      await db.query(`INSERT INTO tenancies (ref, payment_reference, tenure, start_date) VALUES ('REAL-1', '1', 'secure', '2020-01-06')`);
      await expect(buildDemoLandlord(db, { tenancies: 5, seed: 1, asOf: AS_OF })).rejects.toBeInstanceOf(DemoDatabaseNotEmptyError);
      const [n] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ledger_transactions`);
      expect(n?.n).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('gives the same landlord when generated in a worker thread', async () => {
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    try {
      const inline = await buildDemoLandlord(a, { tenancies: 30, seed: 8, asOf: AS_OF, worker: false, batchSize: 7 });
      const threaded = await buildDemoLandlord(b, { tenancies: 30, seed: 8, asOf: AS_OF, worker: true, batchSize: 7 });
      expect(threaded).toEqual(inline);
      const digest = (db: Db) =>
        db.query<{ d: string }>(`SELECT md5(string_agg(id || ':' || tenancy_id || ':' || business_date || ':' || amount_pence || ':' || idempotency_key || ':' || coalesce(reverses_id, 0), ',' ORDER BY id)) AS d FROM ledger_transactions`);
      expect(await digest(b)).toEqual(await digest(a));
    } finally {
      await a.close();
      await b.close();
    }
  });
});
