import type { Db } from '../../src/persistence/database';

/** A statement as `fn` sent it: its text and parameters. */
export interface RecordedStatement {
  sql: string;
  params: readonly unknown[];
}

/** Runs `fn` on `db` and returns the statements it sent through `query`, in order (each is run as usual). */
export async function recordStatements(db: Db, fn: (db: Db) => Promise<unknown>): Promise<RecordedStatement[]> {
  const statements: RecordedStatement[] = [];
  const recording = new Proxy(db, {
    get(target, prop) {
      if (prop === 'query') {
        return (sql: string, params: readonly unknown[] = []) => {
          statements.push({ sql, params });
          return target.query(sql, params);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  await fn(recording);
  return statements;
}
