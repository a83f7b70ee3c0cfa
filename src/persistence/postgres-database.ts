import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { copyOutTextOn } from './copy-out-text';
import type { Db } from './database';
import { parseInt8, PG_TYPE, type BatchStatement } from './database';
import { runBatch, type BatchedStatement } from './statement-batch';

const typeParsers: Record<number, (value: string) => unknown> = {
  [PG_TYPE.INT8]: parseInt8,
  [PG_TYPE.DATE]: (v: string) => v,
  [PG_TYPE.NUMERIC]: (v: string) => v,
};

const types = {
  getTypeParser(oid: number, format?: string) {
    return typeParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text');
  },
};

type Client = pg.Pool | pg.PoolClient;

/**
 * Statements are prepared once per connection and reused by name: PostgreSQL then skips parsing (and,
 * once it settles on a generic plan, planning) on every later execution — most of the database's time for
 * the small queries of a page. Every statement text in the code is one of a fixed set (values go in
 * parameters, never in the text), so the names are bounded; as a guard, texts beyond the first
 * MAX_PREPARED run unnamed. A text without parameters that may hold several commands (it has a semicolon)
 * is never named: only the simple protocol runs several at once.
 */
const MAX_PREPARED = 2000;

/** Names statement texts rw1, rw2, … in the order first seen; texts beyond the first `max` get none. */
export function statementNamer(max: number = MAX_PREPARED): (sql: string) => string | undefined {
  const names = new Map<string, string>();
  return (sql) => {
    const known = names.get(sql);
    if (known !== undefined || names.size >= max) return known;
    const name = `rw${names.size + 1}`;
    names.set(sql, name);
    return name;
  };
}

const statementName = statementNamer();

/** The name `sql` runs under, or undefined: unnamed (a text without parameters that may hold several commands, or beyond the bound). */
function nameOf(sql: string, params: readonly unknown[]): string | undefined {
  return params.length > 0 || !sql.includes(';') ? statementName(sql) : undefined;
}

/**
 * Runs `fn` on a connection taken from the pool, then gives it back. While it is out of the pool nothing else hears
 * its 'error' event (the pool does while it is idle), and a connection the server ends or the network drops emits
 * one: unheard, it would end the process. Heard here, pg fails what runs on it, and the connection is discarded
 * rather than given back, as after a FATAL error from the server.
 */
async function withConnection<T>(pool: pg.Pool, fn: (conn: pg.PoolClient) => Promise<T>): Promise<T> {
  const conn = await pool.connect();
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  conn.on('error', onError);
  try {
    return await fn(conn);
  } catch (error) {
    // The server ends the session after a FATAL error (as when it is shut down or the backend terminated): the
    // socket may close only after the connection would be back in the pool.
    if (error instanceof pg.DatabaseError && (error.severity === 'FATAL' || error.severity === 'PANIC')) broken ??= error;
    throw error;
  } finally {
    conn.removeListener('error', onError);
    conn.release(broken);
  }
}

function wrap(client: Client, pool: pg.Pool, inTransaction: boolean, connectionString?: string): Db {
  const copyIn = async (sql: string, chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>) => {
    const run = async (conn: pg.PoolClient) => {
      const stream = conn.query(copyFrom(sql));
      await pipeline(Readable.from(chunks as AsyncIterable<string | Uint8Array>), stream);
    };
    if (inTransaction) await serial(() => run(client as pg.PoolClient));
    else await withConnection(pool, run);
  };
  // One connection runs one statement at a time: inside a transaction, statements started together
  // (Promise.all) are queued here rather than handed to the client concurrently.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    if (!inTransaction) return fn();
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const db: Db = {
    kind: 'postgres',
    ...(inTransaction || connectionString === undefined ? {} : { connectionString }),
    ...(inTransaction || pool.options.max === undefined ? {} : { maxConnections: pool.options.max }),
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const name = nameOf(sql, params);
      const config = { text: sql, values: params as unknown[], types, ...(name === undefined ? {} : { name }) };
      const result = await serial(() => client.query(config as pg.QueryConfig));
      return result.rows as T[];
    },
    async queryBatch(statements: readonly BatchStatement[]) {
      const named: BatchedStatement[] = [];
      for (const { sql, params } of statements) {
        const name = nameOf(sql, params);
        // A batch's statements are all named: with a text beyond the prepared statements' bound, or one that may
        // hold several commands, each runs on its own.
        if (name === undefined) return Promise.all(statements.map(({ sql: text, params: values }) => db.query(text, values)));
        named.push({ text: sql, values: params, name });
      }
      if (inTransaction) return serial(() => runBatch(client as pg.PoolClient, named, types));
      return withConnection(pool, (conn) => runBatch(conn, named, types));
    },
    async exec(sql: string) {
      await serial(() => client.query(sql));
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
      if (inTransaction) return fn(db);
      return withConnection(pool, async (conn) => {
        try {
          await conn.query('BEGIN');
          const result = await fn(wrap(conn, pool, true));
          await conn.query('COMMIT');
          return result;
        } catch (error) {
          await conn.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      });
    },
    async copyCsv(table, columns, csvChunks) {
      await copyIn(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`, csvChunks);
    },
    async copyText(table, columns, textChunks) {
      await copyIn(`COPY ${table} (${columns.join(', ')}) FROM STDIN`, textChunks);
    },
    async copyOutText(select: string) {
      const run = (conn: pg.PoolClient) => copyOutTextOn(conn, select);
      if (inTransaction) return serial(() => run(client as pg.PoolClient));
      return withConnection(pool, run);
    },
    async close() {
      if (!inTransaction) await pool.end();
    },
  };
  return db;
}

/**
 * What each connection sets first (ADR 0011): no JIT compilation. PostgreSQL compiles a query to machine code
 * when the planner's estimate of its cost is high, and a misestimate made the daily run's after-run benefit
 * query spend 0.8 s compiling for 50 ms of work at 100,000 tenancies. Rentwise's statements are many and
 * short; none gains from it. `SET`, not a start-up option, so that a statement may still ask for the
 * server's own setting (`SET LOCAL jit TO DEFAULT`: the benchmark's bare scan does).
 */
export const CONNECTION_SETTINGS = 'SET jit = off';

/** Connects to the PostgreSQL server at `databaseUrl` (a pool of connections). */
export async function openPostgresDatabase(databaseUrl: string, maxConnections = 10): Promise<Db> {
  // onConnect: the pool hands a new connection out only once it has run the settings (or fails with them).
  const pool = new pg.Pool({ connectionString: databaseUrl, max: maxConnections, onConnect: (client) => client.query(CONNECTION_SETTINGS).then(() => undefined) });
  pool.on('error', () => undefined); // an idle client's error is reported by the next query instead
  const db = wrap(pool, pool, false, databaseUrl);
  await db.query('SELECT 1');
  return db;
}
