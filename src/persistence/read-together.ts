import type { BatchStatement, Db } from './database';

interface Waiting extends BatchStatement {
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}

/** The databases `readTogether` made: given one again, it returns it, so that reads of several callers join one batch. */
const gathering = new WeakSet<Db>();

/**
 * The same database, but the statements `query` is given before the event loop turns (a page's reads started
 * together, `Promise.all([listTenants(db, id), …])`, each after any awaits of values at hand) go to it as one batch (`Db.queryBatch`): on
 * PostgreSQL one round trip on one connection instead of one each (docs/performance.md, "One round trip for a
 * page's reads"). Each caller gets its own statement's rows, as from `query`; when one statement fails, every
 * statement of its batch fails with its error. On a database without batches (the embedded one) it is `db` itself.
 *
 * For reads that do not depend on each other: a batch runs in one implicit transaction, so a write in it would
 * commit or roll back with the reads.
 */
export function readTogether(db: Db): Db {
  const queryBatch = db.queryBatch?.bind(db);
  if (!queryBatch || gathering.has(db)) return db;
  let waiting: Waiting[] | null = null;
  const send = () => {
    const batch = waiting ?? [];
    waiting = null;
    const only = batch.length === 1 ? batch[0] : undefined;
    const answered = only ? db.query(only.sql, only.params).then((rows) => [rows]) : queryBatch(batch);
    answered.then(
      (rowsOfEach) => batch.forEach((statement, i) => statement.resolve(rowsOfEach[i] ?? [])),
      (error: unknown) => batch.forEach((statement) => statement.reject(error)),
    );
  };
  const together: Db = {
    kind: db.kind,
    ...(db.connectionString === undefined ? {} : { connectionString: db.connectionString }),
    query<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      return new Promise<unknown[]>((resolve, reject) => {
        if (waiting === null) {
          waiting = [];
          setImmediate(send);
        }
        waiting.push({ sql, params, resolve, reject });
      }) as Promise<T[]>;
    },
    queryBatch,
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction(fn),
    copyCsv: (table, columns, chunks) => db.copyCsv(table, columns, chunks),
    copyText: (table, columns, chunks) => db.copyText(table, columns, chunks),
    copyOutText: (select) => db.copyOutText(select),
    close: () => db.close(),
  };
  gathering.add(together);
  return together;
}
