import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoLandlord } from '../../application/demo/build-demo';
import { createTestDatabase } from '../../../test/support/test-database';
import type { Db } from '../database';
import { loadCaseBatch, loadCaseData } from './case-data-store';
import { appendLedgerTransactions } from './ledger-store';
import { importCase } from '../../application/case-file/import-case';
import { parseCaseFile } from '../../domain/case-file/parse-case-file';
import { aCaseFile, anEvent, anHbCredit, aPayment, aTransaction, aUcCredit, regularPayments, weeklyCharges } from '../../../test/builders/case-file';
import { caseFileOf } from '../../application/case-file/build-case-file';
import { compactCaseFile } from '../../domain/case-file/compact-history';
import { addDays } from '../../domain/calendar/business-date';

describe('loadCaseData reads transactions exactly as stored', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
    await buildDemoLandlord(db, { tenancies: 6, seed: 3, asOf: '2026-11-16' });
  });
  afterAll(async () => {
    await db.close();
  });

  it('keeps every character of free text (tabs, new lines, backslashes, \\N, accents) and every null, whole and compacted', async () => {
    const [t] = await db.query<{ id: number }>(`SELECT id FROM tenancies WHERE end_date IS NULL ORDER BY id LIMIT 1`);
    const note = 'paid at the\tcounter\nby Zoë \\ her son \\N (£20)';
    await appendLedgerTransactions(db, [
      { tenancyId: t!.id, businessDate: '2026-11-16', kind: 'payment', method: 'cash', amountPence: -2000, note, idempotencyKey: 'case-data:note', source: 'test' },
      { tenancyId: t!.id, businessDate: '2026-11-16', kind: 'payment', method: null, amountPence: -1, idempotencyKey: 'case-data:nulls', source: 'test' },
    ]);
    for (const compact of [false, true]) {
      const [data] = await loadCaseData(db, { ids: [t!.id] }, '2026-11-16', { compact });
      const noted = data!.transactions.find((x) => x.amount_pence === -2000 && x.business_date === '2026-11-16');
      expect(noted).toMatchObject({ note, method: 'cash', kind: 'payment', period_from: null, reverses_id: null, reason: null, sub_account: 'rent' });
      const bare = data!.transactions.find((x) => x.amount_pence === -1);
      expect(bare).toMatchObject({ method: null, note: null });
    }
  });

  it('gives each account its transactions in ledger order (date, then id), however they were posted, whole and compacted', async () => {
    const ids = (await db.query<{ id: number }>(`SELECT id FROM tenancies WHERE end_date IS NULL ORDER BY id`)).map((r) => r.id);
    // Back-dated postings: a later id with an earlier date, in two accounts, posted in one statement in reverse order.
    const posted = ids.slice(0, 2).flatMap((tenancyId, n) =>
      ['2026-11-12', '2026-11-03', '2026-10-27'].map((businessDate, i) => ({
        tenancyId,
        businessDate,
        kind: 'payment' as const,
        method: 'cash',
        amountPence: -(100 + i),
        idempotencyKey: `case-data:order:${n}:${i}`,
        source: 'test',
      })),
    );
    await appendLedgerTransactions(db, posted.reverse());
    for (const compact of [false, true]) {
      const data = await loadCaseData(db, { idFrom: Math.min(...ids), idTo: Math.max(...ids) }, '2026-11-16', { compact });
      for (const c of data) {
        const keys = c.transactions.map((t) => `${t.business_date}#${String(t.id).padStart(12, '0')}`);
        // Opening entries (id 0) sit on the day before the horizon, after the kept older credits of earlier dates.
        expect(keys, `${c.tenancy.ref} ${compact ? 'compacted' : 'whole'}`).toEqual([...keys].sort());
      }
      const whole = await loadCaseData(db, { ids: ids.slice(0, 2) }, '2026-11-16');
      const again = await loadCaseData(db, { ids: ids.slice(0, 2) }, '2026-11-16', { compact });
      for (const [i, c] of again.entries()) {
        const from = c.transactions.find((t) => t.id !== 0 && c.transactions.every((u) => u.id !== 0 || u.business_date < t.business_date))?.business_date ?? '';
        expect(c.transactions.filter((t) => t.business_date >= from && t.id !== 0)).toEqual(whole[i]!.transactions.filter((t) => t.business_date >= from));
      }
    }
  });

  it('reads whole an account clear on asOf whose charge schedule starts after asOf, and compacts it once an entry is in force', async () => {
    // The weekly charge then comes from the latest charged Monday (2026-09-07), before any horizon (compact-history.ts).
    const caseFile = aCaseFile({
      asOf: '2026-11-17',
      tenancy: { ref: 'RW-FUTURE-SCHEDULE', paymentReference: 'RW-FUTURE-SCHEDULE' },
      charges: [{ from: '2027-04-05', weeklyPence: 10500 }],
      transactions: [aTransaction('charge', '2026-09-07', 10000), aPayment('2026-10-30', 10000), aPayment('2026-11-06', 10000), aPayment('2026-11-13', 10000), aTransaction('adjustment', '2026-11-17', -1)],
    });
    const raw = JSON.parse(JSON.stringify(caseFile)) as Record<string, unknown>;
    const parsed = parseCaseFile(raw);
    if (!parsed.ok) throw new Error('the case file should parse');
    const { tenancyId } = await importCase(db, parsed.value, raw);
    const [whole] = await loadCaseData(db, { ids: [tenancyId] }, '2026-11-17');
    const [compacted] = await loadCaseData(db, { ids: [tenancyId] }, '2026-11-17', { compact: true });
    expect(compacted!.summarised).toBeUndefined();
    expect(compacted!.transactions).toEqual(whole!.transactions);
    // On the day the schedule starts, the history before the horizon is summed.
    const [later] = await loadCaseData(db, { ids: [tenancyId] }, '2027-04-05', { compact: true });
    expect(later!.summarised).toBeDefined();
  });

  it('builds a batch a few accounts at a time, from the text read, the same case data as all at once', async () => {
    const ids = (await db.query<{ id: number }>(`SELECT id FROM tenancies ORDER BY id`)).map((r) => r.id);
    const selection = { idFrom: Math.min(...ids), idTo: Math.max(...ids) };
    for (const compact of [false, true]) {
      const batch = await loadCaseBatch(db, selection, '2026-11-16', { compact });
      expect(batch.length).toBe(ids.length);
      const whole = batch.slice(0, batch.length);
      const inTwos = Array.from({ length: Math.ceil(batch.length / 2) }, (_, i) => batch.slice(i * 2, i * 2 + 2)).flat();
      expect(inTwos).toEqual(whole);
      expect(whole).toEqual(await loadCaseData(db, selection, '2026-11-16', { compact }));
      expect(whole.some((c) => c.events.length > 0) && whole.every((c) => c.transactions.length > 0)).toBe(true);
      // For assessing, made when asked for and not kept: each slice parses its accounts' rows and events anew.
      if (compact) {
        const [first, again] = [batch.slice(0, 1)[0]!, batch.slice(0, 1)[0]!];
        expect(first.transactions[0]).not.toBe(again.transactions[0]);
        expect(first).toEqual(again);
      }
    }
  });

  it('compacts each account exactly as compactCaseFile does from the whole history: horizon, kept credits, anchor events', async () => {
    const asOf = '2026-11-16';
    // Benefit credits of both kinds that stopped before the horizon (the latest Housing Benefit date has two
    // credits) and payments that stopped after it; and the same with a claim and a court order that pull the
    // horizon back.
    const history = [
      ...weeklyCharges('2025-01-06', asOf),
      ...regularPayments('2025-01-10', '2026-10-09', 4000),
      ...Array.from({ length: 20 }, (_, i) => anHbCredit(addDays('2025-01-13', 28 * i), 24000, addDays('2025-02-09', 28 * i))),
      anHbCredit(addDays('2025-01-13', 28 * 19), 1500, null),
      ...Array.from({ length: 14 }, (_, i) => aUcCredit(addDays('2025-06-20', 30 * i), 20000)),
    ];
    const cases = [
      aCaseFile({ asOf, tenancy: { ref: 'RW-KEPT-CREDITS', paymentReference: 'RW-KEPT-CREDITS' }, transactions: history }),
      aCaseFile({
        asOf,
        tenancy: { ref: 'RW-ANCHORED', paymentReference: 'RW-ANCHORED' },
        transactions: history,
        events: [
          anEvent('claim_issued', '2025-03-12'),
          anEvent('court_order', '2025-05-07', { order: 'suspended', instalmentPence: 500, frequency: 'weekly' }),
        ],
      }),
    ];
    const ids: number[] = [];
    for (const caseFile of cases) {
      const raw = JSON.parse(JSON.stringify(caseFile)) as Record<string, unknown>;
      const parsed = parseCaseFile(raw);
      if (!parsed.ok) throw new Error('the case file should parse');
      ids.push((await importCase(db, parsed.value, raw)).tenancyId);
    }
    const all = (await db.query<{ id: number }>(`SELECT id FROM tenancies ORDER BY id`)).map((r) => r.id);
    for (const selection of [{ ids }, { idFrom: Math.min(...all), idTo: Math.max(...all) }]) {
      const whole = await loadCaseData(db, selection, asOf);
      const compacted = await loadCaseData(db, selection, asOf, { compact: true });
      expect(compacted.map((c) => c.tenancy.id)).toEqual(whole.map((c) => c.tenancy.id));
      for (const [i, c] of compacted.entries()) {
        const expected = caseFileOf(whole[i]!, asOf);
        const actual = caseFileOf(c, asOf);
        if (!expected.ok || !actual.ok) throw new Error(`${c.tenancy.ref}: the case file should build`);
        expect(actual.value, c.tenancy.ref).toEqual(compactCaseFile(expected.value));
      }
    }
    // What the cases are for: each kind of kept credit before the horizon, and the anchor moving it back.
    const [kept, anchored] = await loadCaseData(db, { ids }, asOf, { compact: true });
    // Kept as they are: the rows before the opening entries (dated the day before the horizon).
    const keptRows = (c: typeof kept) => {
      const opening = c!.transactions.find((t) => t.id === 0)!.business_date;
      return c!.transactions.filter((t) => t.id !== 0 && t.business_date <= opening).map((t) => `${t.kind} ${t.method} ${t.business_date}`);
    };
    expect(keptRows(kept)).toEqual([
      'benefit housing_benefit 2026-06-29',
      'benefit housing_benefit 2026-06-29',
      'benefit uc_housing_costs 2026-07-15',
      'payment direct_debit 2026-09-25',
      'payment direct_debit 2026-10-02',
      'payment direct_debit 2026-10-09',
    ]);
    // The claim of 2025-03-12 moves the horizon back to its Monday.
    expect(anchored!.transactions.find((t) => t.id === 0)!.business_date).toBe('2025-03-09');
  });

  it('reads an account named twice in a selection once', async () => {
    const ids = (await db.query<{ id: number }>(`SELECT id FROM tenancies ORDER BY id LIMIT 2`)).map((r) => r.id);
    for (const compact of [false, true]) {
      const once = await loadCaseData(db, { ids }, '2026-11-16', { compact });
      expect(await loadCaseData(db, { ids: [...ids, ...ids] }, '2026-11-16', { compact })).toEqual(once);
      expect(once.every((c) => c.transactions.length > 0)).toBe(true);
    }
  });
});
