/**
 * The narrow database interface every store uses (ADR 0004). Two drivers implement it: embedded
 * PostgreSQL (PGlite) and a real PostgreSQL server. SQL is written once and runs on both.
 *
 * Values come back parsed the same way on both: bigint (int8) as a JS number (checked to be a safe
 * integer: money is pence), numeric as string, date as `YYYY-MM-DD`, timestamptz as a Date.
 */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /**
   * The server's address, on a PostgreSQL pool outside any transaction only: another thread may open its
   * own connections to it (src/application/assessment/parallel-assessment.ts). Unset on the embedded
   * database (one process holds it) and inside a transaction (other connections would not see its writes).
   */
  readonly connectionString?: string;
  /**
   * The most connections the PostgreSQL pool opens (DATABASE_POOL_SIZE), outside any transaction only: work that
   * holds one connection while it waits for others (a payment file's batches posted side by side) needs more than
   * one. Unset on the embedded database and inside a transaction.
   */
  readonly maxConnections?: number;
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Runs several statements together and returns each one's rows, in order: on PostgreSQL in one round trip on one
   * connection (`statement-batch.ts`), for a page's reads; an error in one fails them all. Left out on the embedded
   * database, where a statement costs no round trip: `readTogether` then runs each as `query` does.
   */
  queryBatch?(statements: readonly BatchStatement[]): Promise<unknown[][]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Bulk-loads CSV rows (already escaped, one per line, no header) into `table (columns)` with COPY. On PostgreSQL
   * each chunk is sent as a message of its own: give a few large chunks, not a row each (a row a chunk made a COPY
   * of 100,000 rows about 16 times slower).
   */
  copyCsv(table: string, columns: readonly string[], csvChunks: Iterable<string> | AsyncIterable<string>): Promise<void>;
  /** The same in COPY's text format (see `copyTextValue`): cheaper to write for long JSON values, which are full of quotes. */
  copyText(table: string, columns: readonly string[], textChunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<void>;
  /**
   * Runs `COPY (select) TO …` in PostgreSQL's text format and returns the text: the fast way to read many
   * rows (PGlite parses each row of an ordinary query through its wire protocol). COPY takes no parameters,
   * so `select` must carry only literals the caller has validated (see `sqlLiteral`).
   */
  copyOutText(select: string): Promise<string>;
  close(): Promise<void>;
}

/** One statement of `queryBatch`: its text with `$1…` placeholders and their values. */
export interface BatchStatement {
  sql: string;
  params: readonly unknown[];
}

export const PG_TYPE = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint value ${value} is beyond the safe integer range`);
  return n;
}

/** Quotes one value for a CSV line as PostgreSQL's COPY … (FORMAT csv) reads it; null → empty. */
export function csvValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  if (s === '') return '""';
  return /[",\r\n]/.test(s) || s.trim() !== s ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Quotes one value for a line of COPY's text format: tab-separated, `\\N` for null, backslash escapes. */
export function copyTextValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : value;
}

export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvValue).join(',')}\n`;
}

/**
 * Rows read with a `(count(*) OVER ())::int AS total` column (a page and the count of every matching row in
 * one query): the rows without that column, and the total (0 when no row came back).
 */
export function withWindowTotal<Row>(counted: readonly (Row & { total: number })[]): { rows: Row[]; total: number } {
  return { rows: counted.map(({ total: _total, ...row }) => row as Row), total: counted[0]?.total ?? 0 };
}

/**
 * The condition that an integer column is one of `ids` (given its parameter's placeholder), and the value to bind: `= $n` for
 * one id (an officer's patch), `= ANY($n::int[])` for several. With one value the planner can read an index on
 * (column, due date, …) in its order; with `= ANY` PostgreSQL 15 cannot, and under a LIMIT it took another index
 * that gives the order and filtered out the other patches' rows, though the page's count (a window) reads every row.
 */
export function isOneOf(column: string, ids: readonly number[]): { condition: (placeholder: string) => string; value: number | number[] } {
  return ids.length === 1
    ? { condition: (p) => `${column} = ${p}`, value: ids[0]! }
    : { condition: (p) => `${column} = ANY(${p}::int[])`, value: [...ids] };
}

/** Values written into SQL as a list of literals (sqlLiteral), for `IN (…)`: the planner sees the values themselves. */
export function sqlLiteralList(values: readonly (number | string)[]): string {
  return values.map((value) => sqlLiteral(value)).join(',');
}

/** Is this error PostgreSQL's unique_violation (23505)? */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}

/** A value written into SQL as a literal (for COPY, which takes no parameters): integers, ISO dates, plain words. */
export function sqlLiteral(value: number | string): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer: ${value}`);
    return String(value);
  }
  if (!/^[A-Za-z0-9_-]*$/.test(value)) throw new RangeError(`not a plain word or date: ${value}`);
  return `'${value}'`;
}

/**
 * Parses COPY text format: one row per line, fields separated by tabs, `\N` for null, backslash escapes.
 * Every value comes back as a string (or null); the caller converts.
 */
export function parseCopyText(text: string): (string | null)[][] {
  const rows: (string | null)[][] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const fields = line.split('\t');
    rows.push(fields.map((f) => (f === '\\N' ? null : f.includes('\\') ? unescapeCopyField(f) : f)));
  }
  return rows;
}

/** A COPY text field with its backslash escapes undone. */
export function unescapeCopyField(field: string): string {
  return field.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === 'b' ? '\b' : c === 'f' ? '\f' : c === 'v' ? '\v' : c));
}
