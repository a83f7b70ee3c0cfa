import { describe, expect, it } from 'vitest';
import type { BatchStatement, Db } from './database';
import { readTogether } from './read-together';

/** A database that answers each statement with its text and parameters, and records how they came: alone or in a batch. */
function fakeDb(options: { batches?: boolean; failing?: string } = {}): { db: Db; calls: string[][] } {
  const calls: string[][] = [];
  const answer = (sql: string, params: readonly unknown[]) => {
    if (sql === options.failing) throw new Error(`failed: ${sql}`);
    return [{ sql, params }];
  };
  const db: Db = {
    kind: 'postgres',
    query: async <T>(sql: string, params: readonly unknown[] = []) => {
      calls.push([sql]);
      return answer(sql, params) as T[];
    },
    ...(options.batches === false
      ? {}
      : {
          queryBatch: async (statements: readonly BatchStatement[]) => {
            calls.push(statements.map((s) => s.sql));
            return statements.map((s) => answer(s.sql, s.params));
          },
        }),
    exec: async () => undefined,
    transaction: async (fn) => fn(db),
    copyCsv: async () => undefined,
    copyText: async () => undefined,
    copyOutText: async () => '',
    close: async () => undefined,
  };
  return { db, calls };
}

describe('readTogether', () => {
  it('sends the statements started together as one batch, and gives each caller its own rows', async () => {
    const { db, calls } = fakeDb();
    const reads = readTogether(db);
    const later = async () => {
      await Promise.resolve(); // an await of a value at hand, as a store function may make first
      return reads.query('c', [3]);
    };
    const [a, b, c] = await Promise.all([reads.query('a', [1]), reads.query('b', [2]), later()]);
    expect(calls).toEqual([['a', 'b', 'c']]);
    expect([a, b, c]).toEqual([[{ sql: 'a', params: [1] }], [{ sql: 'b', params: [2] }], [{ sql: 'c', params: [3] }]]);
  });

  it('sends a statement started alone as query does, and statements started after an answer in a batch of their own', async () => {
    const { db, calls } = fakeDb();
    const reads = readTogether(db);
    await reads.query('first');
    await Promise.all([reads.query('second'), reads.query('third')]);
    expect(calls).toEqual([['first'], ['second', 'third']]);
  });

  it('fails every statement of a batch with the error of the one that failed', async () => {
    const { db } = fakeDb({ failing: 'b' });
    const reads = readTogether(db);
    const results = await Promise.allSettled([reads.query('a'), reads.query('b')]);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'answered'))).toEqual(['failed: b', 'failed: b']);
  });

  it('is the same database given again (its callers join one batch), and the database itself without batches', async () => {
    const { db, calls } = fakeDb();
    const reads = readTogether(db);
    expect(readTogether(reads)).toBe(reads);
    await Promise.all([reads.query('a'), readTogether(reads).query('b')]);
    expect(calls).toEqual([['a', 'b']]);
    const plain = fakeDb({ batches: false }).db;
    expect(readTogether(plain)).toBe(plain);
  });
});
