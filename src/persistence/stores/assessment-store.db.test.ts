import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoLandlord } from '../../application/demo/build-demo';
import { createTestDatabase } from '../../../test/support/test-database';
import { copyTextSpy } from '../../../test/support/copy-text-spy';
import type { Db } from '../database';
import { currentAssessment, dailyAssessment, storeAssessments, traceHash, type NewAssessment } from './assessment-store';

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
  it('a result read before the current one was written does not replace it, and comes back; one read after it does (ADR 0012)', async () => {
    const snapshot = async (on: Db = db) => (await on.query<{ s: string }>(`SELECT pg_current_snapshot()::text AS s`))[0]!.s;
    const tenancyId = ids[0]!;
    const before = await snapshot();
    expect(await storeAssessments(db, [{ ...row(tenancyId, '2026-11-21', 'payment', 'none'), readSnapshot: await snapshot() }])).toEqual([]);
    // Read before that payment's result was written: stored (the day's daily row), not made current, returned.
    const stale = { ...row(tenancyId, '2026-11-21', 'daily', 'send_letter_1'), readSnapshot: before };
    expect(await storeAssessments(db, [stale])).toEqual([{ tenancyId, asOf: '2026-11-21', action: 'send_letter_1' }]);
    expect(await currentAssessment(db, tenancyId)).toMatchObject({ trigger: 'payment', action: 'none' });
    expect(await dailyAssessment(db, tenancyId, '2026-11-21')).toMatchObject({ action: 'send_letter_1' });
    // Another trigger's result read before it: returned too.
    expect(await storeAssessments(db, [{ ...row(tenancyId, '2026-11-21', 'manual', 'monitor'), readSnapshot: before }])).toEqual([
      { tenancyId, asOf: '2026-11-21', action: 'monitor' },
    ]);
    // Read after it: made current.
    expect(await storeAssessments(db, [{ ...row(tenancyId, '2026-11-21', 'daily', 'send_letter_2'), readSnapshot: await snapshot() }])).toEqual([]);
    expect(await currentAssessment(db, tenancyId)).toMatchObject({ trigger: 'daily', action: 'send_letter_2' });
    // Not made current because a later date is current: returned with that date, to be read and assessed again as of it
    // (the later result may have been read before this writer's change).
    await storeAssessments(db, [{ ...row(tenancyId, '2026-11-22', 'payment', 'none'), readSnapshot: await snapshot() }]);
    expect(await storeAssessments(db, [{ ...row(tenancyId, '2026-11-21', 'payment', 'monitor'), readSnapshot: await snapshot() }])).toEqual([
      { tenancyId, asOf: '2026-11-22', action: 'monitor' },
    ]);
    expect(await currentAssessment(db, tenancyId)).toMatchObject({ as_of: '2026-11-22', action: 'none' });
    // In one transaction, a result read after the transaction's own earlier one replaces it (the transaction is
    // not visible in its own snapshots).
    await db.transaction(async (tx) => {
      expect(await storeAssessments(tx, [{ ...row(tenancyId, '2026-11-22', 'decision', 'monitor'), readSnapshot: await snapshot(tx) }])).toEqual([]);
      expect(await storeAssessments(tx, [{ ...row(tenancyId, '2026-11-22', 'decision', 'send_letter_1'), readSnapshot: await snapshot(tx) }])).toEqual([]);
    });
    expect(await currentAssessment(db, tenancyId)).toMatchObject({ trigger: 'decision', action: 'send_letter_1' });
  });

  it('keeps a long trace whole, compressed with lz4 on PostgreSQL (migrations 0016, 0019) and with the default on the embedded database', async () => {
    const long = { ...row(ids[1]!, '2026-11-18', 'manual', 'none'), trace: Array.from({ length: 200 }, (_, i) => ({ rule: `rule ${i}`, matched: i % 2 === 0, detail: `${awkward} ${i}`, figures: { i } })) };
    await storeAssessments(db, [long]);
    const [stored] = await db.query<{ id: number; trace: unknown; hash: string }>(
      `SELECT a.id, t.trace, encode(a.trace_hash, 'hex') AS hash FROM assessments a JOIN assessment_traces t ON t.hash = a.trace_hash
       WHERE a.tenancy_id = $1 AND a.trigger = 'manual' ORDER BY a.id DESC LIMIT 1`,
      [ids[1]],
    );
    expect(stored?.trace).toEqual(long.trace);
    for (const table of ['assessments', 'assessment_traces']) {
      const [column] = await db.query<{ method: string }>(`SELECT attcompression::text AS method FROM pg_attribute WHERE attrelid = $1::regclass AND attname = 'trace'`, [table]);
      expect(column?.method).toBe(db.kind === 'postgres' ? 'l' : '');
    }
    const [compressed] = await db.query<{ method: string | null }>(`SELECT pg_column_compression(trace) AS method FROM assessment_traces WHERE hash = decode($1, 'hex')`, [stored!.hash]);
    expect(compressed?.method).toBe(db.kind === 'postgres' ? 'lz4' : 'pglz');
  });
});

describe('each trace stored once (migration 0019)', () => {
  let db: Db;
  let ids: number[];
  beforeAll(async () => {
    db = await createTestDatabase();
    await buildDemoLandlord(db, { tenancies: 4, seed: 6, asOf: '2026-11-16' });
    ids = (await db.query<{ id: number }>(`SELECT id FROM tenancies ORDER BY id LIMIT 3`)).map((r) => r.id);
  });
  afterAll(async () => {
    await db.close();
  });

  const traceRows = async (hash: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM assessment_traces WHERE hash = decode($1, 'hex')`, [hash]))[0]?.n;
  const currentHash = async (tenancyId: number) =>
    (await db.query<{ hash: string | null }>(`SELECT encode(trace_hash, 'hex') AS hash FROM current_assessments WHERE tenancy_id = $1`, [tenancyId]))[0]?.hash;

  it("an unchanged trace is sent as its hash alone, and every assessment reads it back; the same text from another account is kept once", async () => {
    const first = { ...row(ids[0]!, '2026-11-17', 'daily', 'monitor'), trace: [{ rule: 'shared', matched: true, detail: awkward, figures: { n: 1 } }] };
    const hash = traceHash(JSON.stringify(first.trace));
    const sent: { table: string; text: string }[] = [];
    await storeAssessments(copyTextSpy(db, sent), [first]);
    expect(sent[0]!.text).toContain('"rule":"shared"');
    expect(await traceRows(hash)).toBe(1);
    expect(await currentHash(ids[0]!)).toBe(hash);

    // The next day, the same trace: the current assessment's hash is the row's previousTraceHash (as the
    // daily run reads it with the case data), so only the hash goes.
    await storeAssessments(copyTextSpy(db, sent), [{ ...first, asOf: '2026-11-18', previousTraceHash: hash }]);
    expect(sent[1]!.text).not.toContain('"rule":"shared"');
    expect(sent[1]!.text).toContain(hash);
    // Another account, the same text, its own previous trace different: sent whole, kept once.
    await storeAssessments(copyTextSpy(db, sent), [{ ...first, tenancyId: ids[1]!, previousTraceHash: '00'.repeat(32) }]);
    expect(sent[2]!.text).toContain('"rule":"shared"');
    expect(await traceRows(hash)).toBe(1);
    for (const [tenancyId, asOf] of [[ids[0]!, '2026-11-17'], [ids[0]!, '2026-11-18'], [ids[1]!, '2026-11-17']] as const) {
      expect((await dailyAssessment(db, tenancyId, asOf))?.trace).toEqual(first.trace);
    }
    expect((await currentAssessment(db, ids[0]!))?.trace).toEqual(first.trace);
    const [stored] = await db.query<{ inline: number }>(`SELECT count(*)::int AS inline FROM assessments WHERE trace_hash = decode($1, 'hex') AND trace IS NOT NULL`, [hash]);
    expect(stored?.inline).toBe(0);
  });

  it('a changed trace is stored as a new text and becomes the current hash', async () => {
    const before = await currentHash(ids[0]!);
    const changed = { ...row(ids[0]!, '2026-11-19', 'daily', 'send_letter_1'), trace: [{ rule: 'changed', matched: false, detail: 'x', figures: {} }], previousTraceHash: before };
    await storeAssessments(db, [changed]);
    const hash = traceHash(JSON.stringify(changed.trace));
    expect(hash).not.toBe(before);
    expect(await traceRows(hash)).toBe(1);
    expect(await currentHash(ids[0]!)).toBe(hash);
    expect((await currentAssessment(db, ids[0]!))?.trace).toEqual(changed.trace);
  });

  it('the database refuses an assessment naming a trace it does not hold', async () => {
    // A row that claims its trace is already stored when it is not (previousTraceHash wrongly its own hash).
    const orphan = { ...row(ids[2]!, '2026-11-17', 'manual', 'none'), trace: [{ rule: 'never stored', matched: true, detail: '', figures: {} }] };
    await expect(storeAssessments(db, [{ ...orphan, previousTraceHash: traceHash(JSON.stringify(orphan.trace)) }])).rejects.toThrow(/foreign key/);
    expect((await currentAssessment(db, ids[2]!))?.trigger).not.toBe('manual');
  });

  it('the database refuses a trace filed under another hash, and any change or removal of a stored trace', async () => {
    await expect(db.query(`INSERT INTO assessment_traces (hash, trace) VALUES (sha256('something else'), '[]')`)).rejects.toThrow(/assessment_traces_hash_check/);
    await db.query(`INSERT INTO assessment_traces (hash, trace) VALUES (sha256('[1]'), '[1]') ON CONFLICT DO NOTHING`);
    await expect(db.query(`UPDATE assessment_traces SET trace = '[2]' WHERE hash = sha256('[1]')`)).rejects.toThrow(/refused/);
    await expect(db.query(`DELETE FROM assessment_traces WHERE hash = sha256('[1]')`)).rejects.toThrow(/refused/);
    await expect(db.query(`TRUNCATE assessment_traces CASCADE`)).rejects.toThrow(/refused/);
    // …and an assessment with neither its own trace nor a hash.
    await expect(
      db.query(`INSERT INTO assessments (tenancy_id, as_of, trigger, policy_version, action, priority, balance_pence, arrears_pence, real_arrears_pence, result)
                VALUES ($1, '2026-11-30', 'manual', 1, 'none', 0, 0, 0, 0, '{}')`, [ids[2]]),
    ).rejects.toThrow(/assessments_trace_check/);
  });

  it('an assessment stored before 0019, with its own trace, is read as it was', async () => {
    const [{ id } = { id: 0 }] = await db.query<{ id: number }>(
      `INSERT INTO assessments (tenancy_id, as_of, trigger, policy_version, action, priority, balance_pence, arrears_pence, real_arrears_pence, result, trace)
       VALUES ($1, '2026-12-01', 'daily', 1, 'none', 0, 0, 0, 0, '{"action":"none"}', '[{"rule":"inline"}]') RETURNING id`,
      [ids[2]],
    );
    expect(id).toBeGreaterThan(0);
    expect((await dailyAssessment(db, ids[2]!, '2026-12-01'))?.trace).toEqual([{ rule: 'inline' }]);
    // The day's run again: the row is replaced, its own trace cleared, the new one named by its hash.
    const again = { ...row(ids[2]!, '2026-12-01', 'daily', 'monitor'), trace: [{ rule: 'after 0019', matched: true, detail: '', figures: {} }] };
    await storeAssessments(db, [again]);
    const [replaced] = await db.query<{ id: number; inline: boolean; hash: string }>(
      `SELECT id, trace IS NOT NULL AS inline, encode(trace_hash, 'hex') AS hash FROM assessments WHERE tenancy_id = $1 AND as_of = '2026-12-01'`,
      [ids[2]],
    );
    expect(replaced).toEqual({ id, inline: false, hash: traceHash(JSON.stringify(again.trace)) });
    expect((await dailyAssessment(db, ids[2]!, '2026-12-01'))?.trace).toEqual(again.trace);
  });

  it("a daily and another assessment of one tenancy and day in one batch: the current one's own values and trace", async () => {
    const daily = { ...row(ids[1]!, '2026-12-02', 'daily', 'monitor'), trace: [{ rule: 'daily', matched: true, detail: '', figures: {} }] };
    const imported = { ...row(ids[1]!, '2026-12-02', 'import', 'send_letter_1'), priority: 9, trace: [{ rule: 'import', matched: true, detail: '', figures: {} }] };
    await storeAssessments(db, [daily, imported]);
    const [current] = await db.query<{ trigger: string; action: string; priority: number; hash: string }>(
      `SELECT a.trigger, c.action, c.priority, encode(c.trace_hash, 'hex') AS hash FROM current_assessments c JOIN assessments a ON a.id = c.assessment_id WHERE c.tenancy_id = $1`,
      [ids[1]],
    );
    const expected = current?.trigger === 'daily' ? daily : imported;
    expect(current).toEqual({ trigger: expected.trigger, action: expected.action, priority: expected.priority, hash: traceHash(JSON.stringify(expected.trace)) });
  });
});
