/** CSV text for test files: quotes a value only when it must. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface CsvTextOptions {
  eol?: '\n' | '\r\n';
  /** Start with a UTF-8 byte order mark (as Excel writes "CSV UTF-8"). */
  bom?: boolean;
}

/** A CSV file's text: a header of `columns`, then each row's values in that order ('' when missing). */
export function csvText(columns: readonly string[], rows: readonly Readonly<Record<string, string>>[], options: CsvTextOptions = {}): string {
  const eol = options.eol ?? '\n';
  const lines = [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? '')).join(','))];
  return `${options.bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}
