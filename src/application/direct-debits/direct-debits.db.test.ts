import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../persistence/database';
import { appendLedgerTransactions } from '../../persistence/stores/ledger-store';
import { seedWeb, type SeededWeb } from '../../../test/support/seed-web';
import { createTestDatabase } from '../../../test/support/test-database';
import { tempDir } from '../../../test/support/temp-files';
import type { CaseContext } from '../case-events/case-access';
import { importPayments } from '../imports/import-payments';
import { runAfterRunSteps } from '../daily-run/after-run';
import { importDdCancellations } from './dd-cancellations';
import { cancelMandate, loadDirectDebits, setUpMandate } from './direct-debits';
import { caseContextAs } from '../../../test/builders/case-context';

/**
 * Direct debits on the database (PGlite, or PostgreSQL with DATABASE_URL). TEN-N001 (payment reference
 * P0011) sets up a mandate on 1 October 2026 collecting £100 on the 15th; the collection of 16 November
 * is returned twice by ARUDD reports: code 0 (re-presented on 15 December) then code B (contact, cancelled).
 */
describe('direct-debit mandates, returns and cancellations', () => {
  let db: Db;
  let seed: SeededWeb;
  let ctx: CaseContext;
  let south: CaseContext;
  const files = tempDir();
  const good = { payerName: 'Alex Example', sortCode: '30-94-57', accountNumber: '12345678', collectionDay: 'monthly:15', amount: '100.00', startOn: '2026-10-15' };
  beforeAll(async () => {
    db = await createTestDatabase();
    seed = await seedWeb(db);
    ctx = await caseContextAs(db, seed.users.officerNorth.id, '2026-10-01');
    south = await caseContextAs(db, seed.users.officerSouth.id, '2026-10-01');
  });
  afterAll(async () => {
    files.cleanup();
    await db?.close();
  });
  const tasks = (ref: string) =>
    db.query<{ kind: string; due_on: string; details: Record<string, unknown> }>(
      `SELECT kind, to_char(due_on, 'YYYY-MM-DD') AS due_on, details FROM tasks WHERE tenancy_id = (SELECT id FROM tenancies WHERE ref = $1) AND kind LIKE 'dd_%' ORDER BY id`,
      [ref],
    );

  it('refuses bad input naming each field, and another patch', async () => {
    const bad = await setUpMandate(ctx, 'TEN-N001', { ...good, sortCode: '00-00-00', amount: '0', startOn: '2026-09-30' });
    expect(bad).toMatchObject({ kind: 'invalid' });
    if (bad.kind === 'invalid') expect(Object.keys(bad.errors).sort()).toEqual(['amount', 'sortCode', 'startOn']);
    expect(await setUpMandate(south, 'TEN-N001', good)).toEqual({ kind: 'forbidden' });
  });

  it('sets up a mandate: first collection 10 working days on, schedule with notices, masked details', async () => {
    const created = await setUpMandate(ctx, 'TEN-N001', good);
    expect(created.kind).toBe('created');
    if (created.kind !== 'created') return;
    expect(created.mandate).toMatchObject({ reference: 'P0011-DD01', sortCodeMasked: '**-**-57', accountNumberMasked: '****5678', firstCollectionOn: '2026-10-15', amountPence: 10000 });
    expect(created.mandate.schedule.slice(0, 3)).toEqual([
      { collectionOn: '2026-10-15', amountPence: 10000, noticeBy: '2026-10-01' },
      { collectionOn: '2026-11-16', amountPence: 10000, noticeBy: '2026-11-02' },
      { collectionOn: '2026-12-15', amountPence: 10000, noticeBy: '2026-12-01' },
    ]);
    expect(await setUpMandate(ctx, 'TEN-N001', good)).toMatchObject({ kind: 'invalid', errors: { payerName: expect.stringContaining('already has an active direct debit') } });
    const audited = await db.query(`SELECT 1 FROM audit_log WHERE entity = 'dd_mandate' AND action = 'create'`);
    expect(audited.length).toBeGreaterThan(0);
  });

  it('a returned collection (ARUDD 0) is re-presented once; ARUDD B raises a contact task and cancels the mandate', async () => {
    const id = seed.tenancies['TEN-N001']!;
    await appendLedgerTransactions(db, [{ tenancyId: id, businessDate: '2026-11-16', kind: 'payment', method: 'direct_debit', amountPence: -10000, idempotencyKey: 'test:dd:2026-11-16', source: 'test' }]);
    const header = 'ProcessingDate,Reference,Amount,ReturnCode,ReturnDescription,OriginalProcessingDate,TransactionId\n';
    const first = files.file('arudd-1.csv', `${header}2026-11-19,P0011,100.00,0,Refer to payer,2026-11-16,R1\n`);
    const summary = await importPayments(db, { path: first, format: 'bacs-arudd', today: '2026-11-19' });
    expect(summary.posted).toBe(1);
    expect(await tasks('TEN-N001')).toEqual([{ kind: 'dd_re_presentation', due_on: '2026-12-10', details: expect.objectContaining({ returnCode: '0', representOn: '2026-12-15', amountPence: 10000 }) }]);
    // Re-running (daily run step, same file again) changes nothing.
    await runAfterRunSteps(db, '2026-11-19');
    await importPayments(db, { path: first, format: 'bacs-arudd', today: '2026-11-19' });
    expect(await tasks('TEN-N001')).toHaveLength(1);

    const second = files.file('arudd-2.csv', `${header}2026-11-20,P0011,100.00,B,Account closed,,R2\n`);
    await importPayments(db, { path: second, format: 'bacs-arudd', today: '2026-11-20' });
    const all = await tasks('TEN-N001');
    expect(all.map((t) => t.kind)).toEqual(['dd_re_presentation', 'dd_failed_collection']);
    expect(all[1]!.details).toMatchObject({ returnCode: 'B', mandateCancelled: true });
    const page = await loadDirectDebits({ ...ctx, today: '2026-11-23' }, 'TEN-N001');
    expect(page.kind === 'ok' && page.page.mandates[0]).toMatchObject({ status: 'cancelled', cancelReason: 'ARUDD B: Account closed', schedule: [] });
    if (page.kind === 'ok') expect(page.page.mandates[0]!.history.map((h) => h.type)).toEqual(['created', 'collection_failed', 'collection_failed', 'cancelled']);
    const events = await db.query<{ type: string }>(`SELECT type FROM case_events WHERE tenancy_id = $1 AND type LIKE 'dd_%' ORDER BY id`, [id]);
    expect(events.map((e) => e.type)).toEqual(['dd_mandate_set_up', 'dd_collection_failed', 'dd_collection_failed']);
  });

  it('a return from long ago (a first run over years of history) is recorded without a task or a re-presentation', async () => {
    const id = seed.tenancies['TEN-N002']!;
    await appendLedgerTransactions(db, [
      { tenancyId: id, businessDate: '2026-08-03', kind: 'reversal', method: 'direct_debit', amountPence: 10000, reason: 'ARUDD 0 Refer to payer', idempotencyKey: 'test:dd:old-return', source: 'test' },
    ]);
    await runAfterRunSteps(db, '2026-11-23');
    expect(await tasks('TEN-N002')).toEqual([]);
    const failures = await db.query<{ action: string; represent_on: string | null }>(`SELECT action, represent_on FROM dd_collection_failures WHERE tenancy_id = $1`, [id]);
    expect(failures).toEqual([{ action: 'recorded', represent_on: null }]);
    const events = await db.query<{ type: string }>(`SELECT type FROM case_events WHERE tenancy_id = $1 AND type = 'dd_collection_failed'`, [id]);
    expect(events).toHaveLength(1);
  });

  it('cancels by hand and from an ADDACS file: cancelled, unknown, rejected; re-import changes nothing', async () => {
    const a = await setUpMandate(ctx, 'TEN-N002', { ...good, accountNumber: '87654321' });
    const b = await setUpMandate(ctx, 'TEN-N003', { ...good, collectionDay: 'weekly:0' });
    expect(a.kind).toBe('created');
    expect(b.kind).toBe('created');
    const file = files.file(
      'addacs.csv',
      [
        'reference,payer_name,sort_code,account_number,reason_code,effective_date',
        'P0021-DD01,Alex Example,30-94-57,87654321,1,2026-11-20',
        'P9999-DD01,Nobody,30-94-57,12345678,1,2026-11-20',
        'P0031-DD01,Alex Example,00-00-00,12345678,1,2026-11-20',
        'P0031-DD01,Alex Example,30-94-57,12345678,X,2026-11-20',
      ].join('\n'),
    );
    const summary = await importDdCancellations(db, { path: file, today: '2026-11-23', importedBy: 'test' });
    expect(summary).toMatchObject({ rows: 4, cancelled: 1, unknown: 1, rejected: 2, unchanged: 0 });
    expect(summary.results.filter((r) => r.outcome === 'rejected').map((r) => [r.row, r.field])).toEqual([
      [4, 'sort_code'],
      [5, 'reason_code'],
    ]);
    expect((await tasks('TEN-N002')).map((t) => t.kind)).toEqual(['dd_mandate_cancelled']);
    const again = await importDdCancellations(db, { path: file, today: '2026-11-23', importedBy: 'test' });
    expect(again).toMatchObject({ cancelled: 0, unchanged: 1 });
    expect(await tasks('TEN-N002')).toHaveLength(1);
    if (b.kind !== 'created') return;
    expect(await cancelMandate(south, 'TEN-N003', b.mandate.id, 'payer asked')).toEqual({ kind: 'forbidden' });
    expect(await cancelMandate(ctx, 'TEN-N003', b.mandate.id, 'payer asked')).toEqual({ kind: 'cancelled' });
    expect(await cancelMandate(ctx, 'TEN-N003', b.mandate.id, 'payer asked')).toEqual({ kind: 'not_active' });
  });
});
