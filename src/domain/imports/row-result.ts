/**
 * The outcome of reading one row of an import file: its typed value, or the first problem found,
 * naming the field (the column) and saying what is wrong in words an officer can act on.
 */
export type RowResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

export function rowOk<T>(value: T): RowResult<T> {
  return { ok: true, value };
}

export function rowError<T = never>(field: string, message: string): RowResult<T> {
  return { ok: false, field, message };
}
