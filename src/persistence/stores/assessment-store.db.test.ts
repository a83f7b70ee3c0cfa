import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoLandlord } from '../../application/demo/build-demo';
import { createTestDatabase } from '../../../test/support/test-database';
import type { Db } from '../database';
import { currentAssessment, dailyAssessment, storeAssessments, type NewAssessment } from './assessment-store';

const awkward = 'tab\there, new\nline, back\\slash, \\N, "quoted", £ and Zoë';

function row(tenancyId: number, asOf: string, trigger: string, action: string): NewAssessment {
  return {
    tenancyId,
    asOf,
    trigger,
    policyVersion: 1,
    action,
    priority: 3,
    balancePence: 1234,
    arrearsPence: 1234,
    realArrearsPence: 1000,
    needsApproval: false,
    patchId: null,
    result: { action, reasons: [awkward] },
    trace: [{ rule: '§1 balance', matched: true, detail: awkward, figures: { balancePence: 1234, note: null } }],
  };
}

describe('storeAssessments', () => {
  let db: Db;
  let ids: number[];
  beforeAll(async () => {
    db = await createTestDatabase();
    await buildDemoLandlord(db, { tenancies: 4, seed: 5, asOf: '2026-11-16' });
    ids = (await db.query<{ id: number }>(`SELECT id FROM tenancies ORDER BY id LIMIT 2`)).map((r) => r.id);
  });
  afterAll(async () => {
    await db.close();
  });

  it('stores the result and trace exactly, whatever characters they hold', async () => {
    await storeAssessments(db, [row(ids[0]!, '2026-11-17', 'daily', 'send_letter_1')]);
    const stored = await currentAssessment(db, ids[0]!);
    expect(stored?.result).toEqual({ action: 'send_letter_1', reasons: [awkward] });
    expect(stored?.trace).toEqual(row(ids[0]!, '2026-11-17', 'daily', 'send_letter_1').trace);
  });

  it("a day's daily assessment replaces itself; a later one becomes current, an earlier one does not", async () => {
    await storeAssessments(db, [row(ids[1]!, '2026-11-17', 'daily', 'monitor')]);
    const first = await dailyAssessment(db, ids[1]!, '2026-11-17');
    await storeAssessments(db, [row(ids[1]!, '2026-11-17', 'daily', 'send_letter_2')]);
    const again = await dailyAssessment(db, ids[1]!, '2026-11-17');
    expect(again?.id).toBe(first?.id);
    expect(again?.action).toBe('send_letter_2');
    await storeAssessments(db, [row(ids[1]!, '2026-11-18', 'payment', 'none'), row(ids[0]!, '2026-11-16', 'payment', 'monitor')]);
    expect((await currentAssessment(db, ids[1]!))?.action).toBe('none');
    expect((await currentAssessment(db, ids[0]!))?.action).toBe('send_letter_1');
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM assessments WHERE tenancy_id = ANY($1::int[])`, [ids]);
    expect(n).toBe(4);
  });

  it("a daily run's assessment becomes current even when a later date is (the run rebuilds the worklists as of its date)", async () => {
    await storeAssessments(db, [row(ids[1]!, '2026-11-20', 'import', 'send_letter_1')]);
    expect((await currentAssessment(db, ids[1]!))?.as_of).toBe('2026-11-20');
    await storeAssessments(db, [row(ids[1]!, '2026-11-19', 'payment', 'none')]);
    expect((await currentAssessment(db, ids[1]!))?.as_of).toBe('2026-11-20');
    await storeAssessments(db, [row(ids[1]!, '2026-11-19', 'daily', 'monitor')]);
    const current = await currentAssessment(db, ids[1]!);
    expect(current).toMatchObject({ as_of: '2026-11-19', trigger: 'daily', action: 'monitor' });
  });

  it('inside a caller transaction, two calls store both batches', async () => {
    await db.transaction(async (tx) => {
      await storeAssessments(tx, [row(ids[0]!, '2026-11-19', 'manual', 'monitor')]);
      await storeAssessments(tx, [row(ids[1]!, '2026-11-19', 'manual', 'monitor')]);
    });
    expect((await currentAssessment(db, ids[0]!))?.as_of).toBe('2026-11-19');
    expect((await currentAssessment(db, ids[1]!))?.as_of).toBe('2026-11-19');
  });
  it('keeps a long trace whole, compressed with lz4 on PostgreSQL (migration 0016) and with the default on the embedded database', async () => {
    const long = { ...row(ids[1]!, '2026-11-18', 'manual', 'none'), trace: Array.from({ length: 200 }, (_, i) => ({ rule: `rule ${i}`, matched: i % 2 === 0, detail: `${awkward} ${i}`, figures: { i } })) };
    await storeAssessments(db, [long]);
    const [stored] = await db.query<{ id: number; trace: unknown }>(`SELECT id, trace FROM assessments WHERE tenancy_id = $1 AND trigger = 'manual' ORDER BY id DESC LIMIT 1`, [ids[1]]);
    expect(stored?.trace).toEqual(long.trace);
    const [column] = await db.query<{ method: string }>(
      `SELECT attcompression::text AS method FROM pg_attribute WHERE attrelid = 'assessments'::regclass AND attname = 'trace'`,
    );
    expect(column?.method).toBe(db.kind === 'postgres' ? 'l' : '');
    const [compressed] = await db.query<{ method: string | null }>(`SELECT pg_column_compression(trace) AS method FROM assessments WHERE id = $1`, [stored!.id]);
    expect(compressed?.method).toBe(db.kind === 'postgres' ? 'lz4' : 'pglz');
  });
});
