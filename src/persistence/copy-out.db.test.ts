import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database';
import type { Db } from './database';
import { parseCopyText } from './database';

/** db.copyOutText on both databases (on PostgreSQL read off the socket by CopyOutText). */
describe('copyOutText: a COPY … TO STDOUT as one text', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.close());

  it('reads hundreds of thousands of rows of every size whole and in order', async () => {
    const text = await db.copyOutText(`SELECT g, repeat('é', g % 700), CASE WHEN g % 3 = 0 THEN NULL ELSE 'x' || g END FROM generate_series(1, 200000) g`);
    const rows = parseCopyText(text);
    expect(rows).toHaveLength(200000);
    for (const g of [1, 2, 3, 699, 700, 701, 123457, 200000]) {
      expect(rows[g - 1]).toEqual([String(g), 'é'.repeat(g % 700), g % 3 === 0 ? null : `x${g}`]);
    }
  });

  it('reads an empty result as an empty text', async () => {
    expect(await db.copyOutText(`SELECT 1 WHERE false`)).toBe('');
  });

  it('fails with the database error raised part-way through, and the connection goes on working', async () => {
    const failing = `SELECT g, 1 / (150000 - g) FROM generate_series(1, 200000) g`;
    await expect(db.copyOutText(failing)).rejects.toThrow(/division by zero/);
    expect(await db.copyOutText(`SELECT 42`)).toBe('42\n');
    await expect(db.transaction((tx) => tx.copyOutText(failing))).rejects.toThrow(/division by zero/);
    expect(await db.copyOutText(`SELECT 43`)).toBe('43\n');
    expect(await db.query<{ n: number }>(`SELECT 7 AS n`)).toEqual([{ n: 7 }]);
  });

  it('skips the notices raised between rows', async () => {
    if (db.kind !== 'postgres') return; // the embedded database has no server messages between rows
    await db.exec(`CREATE OR REPLACE FUNCTION pg_temp.noisy(n int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'row %', n; RETURN n; END $$`);
    const text = await db.transaction((tx) => tx.copyOutText(`SELECT pg_temp.noisy(g) FROM generate_series(1, 5) g`));
    expect(text).toBe('1\n2\n3\n4\n5\n');
  });

  it('runs the reads of a transaction one after another on its connection', async () => {
    const texts = await db.transaction((tx) => Promise.all([tx.copyOutText(`SELECT 1`), tx.query(`SELECT 2 AS n`), tx.copyOutText(`SELECT 3`)]));
    expect(texts).toEqual(['1\n', [{ n: 2 }], '3\n']);
  });
});
