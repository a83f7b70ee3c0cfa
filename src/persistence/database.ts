/**
 * The narrow database interface every store uses (ADR 0004). Two drivers implement it: embedded
 * PostgreSQL (PGlite) and a real PostgreSQL server. SQL is written once and runs on both.
 *
 * Values come back parsed the same way on both: bigint (int8) as a JS number (checked to be a safe
 * integer: money is pence), numeric as string, date as `YYYY-MM-DD`, timestamptz as a Date.
 */
export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Bulk-loads CSV rows (already escaped, one per line, no header) into `table (columns)` with COPY. */
  copyCsv(table: string, columns: readonly string[], csvChunks: Iterable<string> | AsyncIterable<string>): Promise<void>;
  close(): Promise<void>;
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

export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvValue).join(',')}\n`;
}

/** Is this error PostgreSQL's unique_violation (23505)? */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
