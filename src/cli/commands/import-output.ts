import type { RowError } from '../../application/imports/import-payments';

/** How many rejected rows the human summary lists (`--json` lists them all). */
export const ERRORS_SHOWN = 10;

/** The human summary's lines for the rejected rows: the first few, and where to see the rest. */
export function errorLines(errors: readonly RowError[]): string[] {
  if (errors.length === 0) return [];
  const lines = [errors.length > ERRORS_SHOWN ? `Rejected rows (first ${ERRORS_SHOWN} of ${errors.length}; rentwise exceptions list shows them all):` : 'Rejected rows:'];
  for (const e of errors.slice(0, ERRORS_SHOWN)) lines.push(`  row ${e.row}, ${e.field}: ${e.message}`);
  return lines;
}

export function countLine(label: string, n: number, extra = ''): string {
  return `  ${label.padEnd(10)} ${String(n).padStart(8)}${extra ? `  ${extra}` : ''}`;
}
