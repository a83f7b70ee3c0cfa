import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db } from './database';
import { parseInt8, PG_TYPE } from './database';

const parsers = {
  [PG_TYPE.INT8]: parseInt8,
  [PG_TYPE.DATE]: (v: string) => v,
  [PG_TYPE.NUMERIC]: (v: string) => v,
};

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

async function collect<C extends string | Uint8Array>(chunks: Iterable<C> | AsyncIterable<C>, sink: (parts: C[]) => Promise<void>): Promise<void> {
  // COPY in slices of about 8 MB so memory stays flat for any size of load.
  let buffer: C[] = [];
  let size = 0;
  for await (const chunk of chunks as AsyncIterable<C>) {
    buffer.push(chunk);
    size += chunk.length;
    if (size > 8_000_000) {
      await sink(buffer);
      buffer = [];
      size = 0;
    }
  }
  if (size > 0) await sink(buffer);
}

/**
 * PGlite (0.5) keeps the rows a COPY TO '/dev/blob' wrote before it failed and hands them to the next
 * statement's result: the next copy-out would begin with them. They are taken away as soon as the copy
 * fails, before another statement can run (each waits for its turn through at least one await).
 */
async function discardWrittenBlob(pg: PGlite): Promise<void> {
  await (pg as unknown as { _getWrittenBlob?: () => Promise<unknown> })._getWrittenBlob?.();
}

function wrap(q: Queryable, owner: PGlite, inTransaction: boolean): Db {
  const db: Db = {
    kind: 'pglite',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(sql, params as unknown[], { parsers });
      return result.rows;
    },
    async exec(sql: string) {
      await q.exec(sql, { parsers });
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (inTransaction) return fn(db);
      return owner.transaction((tx) => fn(wrap(tx, owner, true)));
    },
    async copyCsv(table, columns, csvChunks) {
      await collect(csvChunks, async (parts) => {
        await q.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
          blob: new Blob(parts),
        });
      });
    },
    async copyText(table, columns, textChunks) {
      await collect(textChunks, async (parts) => {
        await q.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob(parts) });
      });
    },
    async copyOutText(select: string) {
      try {
        const result = await q.query(`COPY (${select}) TO '/dev/blob'`, [], { parsers });
        return result.blob ? await result.blob.text() : '';
      } catch (error) {
        await discardWrittenBlob(owner);
        throw error;
      }
    },
    async close() {
      if (!inTransaction) await owner.close();
    },
  };
  return db;
}

/** Opens (creating when new) the embedded database in `dataDir`; no directory = in memory. */
export async function openPgliteDatabase(dataDir?: string): Promise<Db> {
  const pg = dataDir ? new PGlite(dataDir, { parsers, relaxedDurability: false }) : new PGlite({ parsers });
  await pg.waitReady;
  return wrap(pg, pg, false);
}
