import type { Command } from 'commander';
import { ImportRefused } from '../../application/imports/csv-file';
import type { PaymentImportSummary, RowError } from '../../application/imports/import-payments';
import { formatPounds } from '../../domain/money/pence';
import type { Db } from '../../persistence/database';
import { UsageError } from '../cli-support';
import { withDatabase } from '../open-db';
import { progressBar } from '../progress';

/**
 * Runs a file import on the command's database with a progress bar on a terminal; a file refused whole
 * (not CSV, missing columns, empty) becomes a usage error (exit 2) saying nothing was imported.
 */
export async function runFileImport<T>(cmd: Command, label: string, run: (db: Db, onProgress: (done: number, total: number) => void) => Promise<T>): Promise<T> {
  const bar = progressBar(label);
  return withDatabase(cmd, async (db) => {
    try {
      return await run(db, bar.update);
    } catch (error) {
      if (error instanceof ImportRefused) throw new UsageError(`${error.message}: nothing imported`);
      throw error;
    } finally {
      bar.stop();
    }
  });
}

/** The human summary of a payment file's outcomes. */
export function paymentCountLines(summary: Pick<PaymentImportSummary, 'rows' | 'posted' | 'postedPence' | 'suspense' | 'rejected' | 'duplicate' | 'errors'>): string[] {
  return [
    countLine('rows', summary.rows),
    countLine('posted', summary.posted, formatPounds(summary.postedPence)),
    countLine('suspense', summary.suspense),
    countLine('rejected', summary.rejected),
    countLine('duplicate', summary.duplicate),
    ...errorLines(summary.errors),
  ];
}

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
