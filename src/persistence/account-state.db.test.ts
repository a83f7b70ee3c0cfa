import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, type BusinessDate } from '../domain/calendar/business-date';
import { createTestDatabase } from '../../test/support/test-database';
import type { Db } from './database';
import { listAccountStates, rebuildAccountStates, type AccountStateRow } from './stores/account-state-store';
import { appendLedgerTransactions, type NewLedgerTransaction, type TransactionKind } from './stores/ledger-store';
import type { SubAccount } from '../domain/rent/charges-due';
import { seededRandom } from '../../test/builders/seeded-random';
import { untilAnotherSessionWaitsForALock, untilBlockedBy } from '../../test/support/blocked';

const RENT_ACCOUNT: readonly string[] = ['rent', 'service_charge', 'court_costs', 'former_tenant_arrears'];

/** The state computed the slow, obvious way from the ledger rows (an independent definition). */
function expectedStates(rows: { tenancy_id: number; business_date: BusinessDate; kind: string; amount_pence: number; sub_account: string }[]): AccountStateRow[] {
  const byTenancy = new Map<number, typeof rows>();
  for (const r of rows) if (RENT_ACCOUNT.includes(r.sub_account)) byTenancy.set(r.tenancy_id, [...(byTenancy.get(r.tenancy_id) ?? []), r]);
  return [...byTenancy.entries()]
    .sort(([a], [b]) => a - b)
    .map(([tenancyId, list]) => {
      const sum = (f: (r: (typeof rows)[number]) => boolean) => list.filter(f).reduce((s, r) => s + r.amount_pence, 0);
      const dates = [...new Set(list.map((r) => r.business_date))].sort();
      let lastClear: BusinessDate | null = null;
      for (const d of dates) if (sum((r) => r.business_date <= d) <= 0) lastClear = d;
      return {
        tenancy_id: tenancyId,
        balance_pence: sum(() => true),
        charge_pence: sum((r) => r.kind === 'charge'),
        court_costs_pence: sum((r) => r.kind === 'court_costs'),
        credit_pence: sum((r) => r.amount_pence < 0),
        positive_reversal_pence: sum((r) => r.kind === 'reversal' && r.amount_pence > 0),
        transaction_count: list.length,
        last_clear_date: lastClear,
        payment_credit_count: list.filter((r) => r.kind === 'payment' && r.amount_pence < 0).length,
        last_business_date: dates[dates.length - 1] ?? null,
      };
    });
}

describe('per-account derived state agrees with the ledger', () => {
  let db: Db;
  const tenancyIds: number[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    for (let i = 1; i <= 6; i++) {
      const [t] = await db.query<{ id: number }>(`INSERT INTO tenancies (ref, payment_reference, tenure, start_date) VALUES ($1, $2, 'secure', '2024-01-01') RETURNING id`, [`S-${i}`, `P-${i}`]);
      tenancyIds.push(t!.id);
    }
  });
  afterAll(async () => db.close());

  const ledger = () =>
    db.query<{ tenancy_id: number; business_date: BusinessDate; kind: string; amount_pence: number; sub_account: string }>(
      `SELECT tenancy_id, business_date, kind, amount_pence, sub_account FROM ledger_transactions ORDER BY id`,
    );

  it('after many statements of random postings (back-dated, reversals, credits, other sub-accounts)', async () => {
    const { next: random, pick } = seededRandom(20261123);
    const kinds: TransactionKind[] = ['charge', 'charge', 'payment', 'payment', 'benefit', 'adjustment', 'reversal', 'court_costs', 'write_off', 'refund'];
    const subAccounts: SubAccount[] = ['rent', 'rent', 'rent', 'service_charge', 'court_costs', 'garage', 'former_tenant_arrears'];
    let key = 0;
    let latest: BusinessDate = '2024-01-01';
    for (let statement = 0; statement < 60; statement++) {
      const rows: NewLedgerTransaction[] = [];
      const count = 1 + Math.floor(random() * 8);
      for (let i = 0; i < count; i++) {
        const kind = pick(kinds);
        const magnitude = 1 + Math.floor(random() * 20000);
        const sign = kind === 'charge' || kind === 'court_costs' || kind === 'refund' ? 1 : kind === 'reversal' || kind === 'adjustment' ? (random() < 0.5 ? 1 : -1) : -1;
        // Mostly forward in time, sometimes back-dated by up to 60 days.
        const date = random() < 0.25 ? addDays(latest, -Math.floor(random() * 60)) : addDays(latest, Math.floor(random() * 9));
        if (date > latest) latest = date;
        rows.push({ tenancyId: pick(tenancyIds), subAccount: pick(subAccounts), businessDate: date, kind, amountPence: sign * magnitude, idempotencyKey: `t${key++}`, source: 'test', ...(kind === 'reversal' ? { reason: 'test' } : {}) });
      }
      await appendLedgerTransactions(db, rows);
      if (statement % 10 === 9) expect(await listAccountStates(db)).toEqual(expectedStates(await ledger()));
    }
    expect(await listAccountStates(db)).toEqual(expectedStates(await ledger()));
    const report = await rebuildAccountStates(db);
    expect(report).toEqual({ accounts: expectedStates(await ledger()).length, differed: 0, differedTenancyIds: [] });
  });

  it('keeps the clear date right at its edges: a balance of exactly zero, a back-dated debit on or before the clear date, a first posting in credit', async () => {
    const ids: number[] = [];
    for (const ref of ['E-1', 'E-2', 'E-3']) {
      const [t] = await db.query<{ id: number }>(`INSERT INTO tenancies (ref, payment_reference, tenure, start_date) VALUES ($1, $2, 'secure', '2025-01-01') RETURNING id`, [ref, `P${ref}`]);
      ids.push(t!.id);
    }
    const [a, b, c] = ids as [number, number, number];
    let key = 0;
    const row = (tenancyId: number, businessDate: BusinessDate, kind: TransactionKind, amountPence: number): NewLedgerTransaction => ({ tenancyId, businessDate, kind, amountPence, idempotencyKey: `edge${key++}`, source: 'test' });
    const clearDateOf = async (tenancyId: number) => (await listAccountStates(db)).find((s) => s.tenancy_id === tenancyId)?.last_clear_date ?? null;
    const statements: [NewLedgerTransaction[], number, BusinessDate | null][] = [
      [[row(a, '2025-01-06', 'charge', 1000)], a, null],
      [[row(a, '2025-01-08', 'payment', -1000)], a, '2025-01-08'], // exactly zero is clear
      [[row(a, '2025-01-13', 'charge', 1000), row(a, '2025-01-15', 'payment', -500)], a, '2025-01-08'],
      [[row(a, '2025-01-08', 'charge', 300)], a, null], // a debit back-dated to the clear date itself: no day is clear any more
      [[row(a, '2025-01-20', 'payment', -1800)], a, '2025-01-20'],
      [[row(a, '2025-01-07', 'payment', -2000), row(a, '2025-01-22', 'charge', 5000)], a, '2025-01-20'], // credit back-dated before the clear date
      [[row(a, '2025-01-10', 'charge', 3500)], a, '2025-01-08'], // no day from the 10th on is clear: the clear date is found among the older days
      [[row(b, '2025-02-01', 'payment', -500)], b, '2025-02-01'], // a first posting in credit
      [[row(c, '2025-02-03', 'charge', 700), row(c, '2025-02-03', 'payment', -700), row(b, '2025-02-02', 'charge', 500)], c, '2025-02-03'],
      [[row(c, '2025-02-01', 'payment', -100)], c, '2025-02-03'],
      [[row(c, '2025-02-03', 'charge', 500)], c, '2025-02-01'], // a debit on the clear date takes it away; an older day is clear
    ];
    for (const [rows, tenancyId, expected] of statements) {
      await appendLedgerTransactions(db, rows);
      expect(await clearDateOf(tenancyId)).toBe(expected);
      expect(await listAccountStates(db)).toEqual(expectedStates(await ledger()));
    }
    expect(await clearDateOf(b)).toBe('2025-02-02');
  });

  it.runIf(process.env.DATABASE_URL)(
    'side by side (PostgreSQL): postings to the same account in two transactions at once, in either order, leave the state the ledger gives',
    async () => {
      const ids: number[] = [];
      for (const ref of ['C-1', 'C-2', 'C-3', 'C-4']) {
        const [t] = await db.query<{ id: number }>(`INSERT INTO tenancies (ref, payment_reference, tenure, start_date) VALUES ($1, $2, 'secure', '2025-01-01') RETURNING id`, [ref, `P${ref}`]);
        ids.push(t!.id);
      }
      const [a, b, c, d] = ids as [number, number, number, number];
      let key = 0;
      const row = (tenancyId: number, businessDate: BusinessDate, kind: TransactionKind, amountPence: number): NewLedgerTransaction => ({ tenancyId, businessDate, kind, amountPence, idempotencyKey: `side${key++}`, source: 'test' });
      const agrees = async () => expect(await listAccountStates(db)).toEqual(expectedStates(await ledger()));
      /** `first` is written and not committed while `second` is written in another transaction, which must wait for it. */
      const sideBySide = async (first: NewLedgerTransaction[], second: NewLedgerTransaction[]) => {
        let other: Promise<unknown> = Promise.resolve();
        await db.transaction(async (tx) => {
          await appendLedgerTransactions(tx, first);
          other = db.transaction((tx2) => appendLedgerTransactions(tx2, second));
          expect(await untilAnotherSessionWaitsForALock(db)).toBe(true);
        });
        await other;
        await agrees();
      };
      // Clear on 3 March. A week's charge not yet committed, and a part payment the same day: the payment alone
      // would leave the account in credit, but with the charge it is not clear on the 10th.
      await appendLedgerTransactions(db, [row(a, '2025-03-03', 'charge', 10_000), row(a, '2025-03-03', 'payment', -10_000)]);
      await sideBySide([row(a, '2025-03-10', 'charge', 10_000)], [row(a, '2025-03-10', 'payment', -3_000)]);
      expect((await listAccountStates(db)).find((s) => s.tenancy_id === a)?.last_clear_date).toBe('2025-03-03');
      // The other way round: the payment first. The charge, seeing no payment, would take the clear day away.
      await sideBySide([row(a, '2025-03-17', 'payment', -20_000)], [row(a, '2025-03-17', 'charge', 10_000)]);
      expect((await listAccountStates(db)).find((s) => s.tenancy_id === a)?.last_clear_date).toBe('2025-03-17');
      // An account's first postings, both at once: there is no state yet to wait on.
      await sideBySide([row(b, '2025-03-10', 'charge', 10_000)], [row(b, '2025-03-10', 'payment', -3_000)]);
      expect((await listAccountStates(db)).find((s) => s.tenancy_id === b)?.last_clear_date).toBeNull();
      // Two statements of many accounts each, named in opposite orders: the accounts are taken in one order, so neither
      // waits for the other in a circle (a deadlock would end one of them with an error).
      const many = (accounts: number[], date: BusinessDate, amountPence: number) => accounts.map((t) => row(t, date, 'charge', amountPence));
      await sideBySide(many([a, b, c, d], '2025-03-24', 100), many([d, c, b, a], '2025-03-24', -150));
      await sideBySide(many([d, c, b, a], '2025-03-31', 100), many([a, b, c, d], '2025-03-31', -150));
    },
  );

  it.runIf(process.env.DATABASE_URL)(
    'side by side (PostgreSQL): two postings to one account that wait for a rebuild leave the state the ledger gives',
    async () => {
      const [t] = await db.query<{ id: number }>(`INSERT INTO tenancies (ref, payment_reference, tenure, start_date) VALUES ('R-1', 'PR-1', 'secure', '2025-01-01') RETURNING id`);
      const id = t!.id;
      let key = 0;
      const row = (businessDate: BusinessDate, kind: TransactionKind, amountPence: number): NewLedgerTransaction => ({ tenancyId: id, businessDate, kind, amountPence, idempotencyKey: `rebuilt${key++}`, source: 'test' });
      // Clear on 3 March, £100 owed from the 10th; two part payments on the 17th clear it between them, neither alone.
      await appendLedgerTransactions(db, [row('2025-03-03', 'charge', 10_000), row('2025-03-03', 'payment', -10_000), row('2025-03-10', 'charge', 10_000)]);
      let first: Promise<unknown> = Promise.resolve();
      let second: Promise<unknown> = Promise.resolve();
      await db.transaction(async (rebuild) => {
        const [me] = await rebuild.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
        await rebuild.query(`SELECT rebuild_account_state(NULL)`);
        // The first posting goes on once the rebuild commits, and holds its transaction open until the second waits for it.
        first = db.transaction(async (tx) => {
          const [own] = await tx.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
          await appendLedgerTransactions(tx, [row('2025-03-17', 'payment', -6_000)]);
          await untilBlockedBy(db, own!.pid);
        });
        await untilBlockedBy(db, me!.pid);
        second = db.transaction((tx) => appendLedgerTransactions(tx, [row('2025-03-17', 'payment', -4_000)]));
        await untilBlockedBy(db, me!.pid, 2);
      });
      await first;
      await second;
      expect((await listAccountStates(db)).find((s) => s.tenancy_id === id)).toMatchObject({ balance_pence: 0, last_clear_date: '2025-03-17' });
      expect(await listAccountStates(db)).toEqual(expectedStates(await ledger()));
    },
  );

  it('rebuild reports and repairs a state that drifted', async () => {
    await db.query(`UPDATE account_state SET balance_pence = balance_pence + 1 WHERE tenancy_id = $1`, [tenancyIds[0]]);
    const report = await rebuildAccountStates(db);
    expect(report.differedTenancyIds).toEqual([tenancyIds[0]]);
    expect(await listAccountStates(db)).toEqual(expectedStates(await ledger()));
  });
});
