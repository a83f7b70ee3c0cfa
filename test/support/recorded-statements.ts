import type { Db } from '../../src/persistence/database';

/** A statement as `fn` sent it: its text and parameters. */
export interface RecordedStatement {
  sql: string;
  params: readonly unknown[];
}

/** `db`, with `onQuery` told of each statement sent through its `query` or in a batch (`queryBatch`) before it runs as usual. */
export function watchingQueries(db: Db, onQuery: (statement: RecordedStatement) => void): Db {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'query') {
        return (sql: string, params: readonly unknown[] = []) => {
          onQuery({ sql, params });
          return target.query(sql, params);
        };
      }
      if (prop === 'queryBatch' && target.queryBatch) {
        return (statements: readonly RecordedStatement[]) => {
          statements.forEach(onQuery);
          return target.queryBatch!(statements);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Runs `fn` on `db` and returns the statements it sent through `query` or in batches, in order (each is run as usual). */
export async function recordStatements(db: Db, fn: (db: Db) => Promise<unknown>): Promise<RecordedStatement[]> {
  const statements: RecordedStatement[] = [];
  await fn(watchingQueries(db, (statement) => statements.push(statement)));
  return statements;
}
