import type { Command } from 'commander';
import { ImportRefused } from '../../application/imports/csv-file';
import { importPayments } from '../../application/imports/import-payments';
import { DEFAULT_PAYMENT_FORMAT, PAYMENT_FORMATS } from '../../application/imports/payment-formats';
import { formatPounds } from '../../domain/money/pence';
import { action, printJson, UsageError } from '../cli-support';
import { todayInLondon, withDatabase } from '../open-db';
import { progressBar } from '../progress';
import { commandGroup } from './command-groups';
import { countLine, errorLines } from './import-output';

export function registerImportPayments(program: Command): void {
  commandGroup(program, 'import', 'import files: payments, tenancies, case files')
    .command('payments')
    .description('import a payment file: every row is posted, held in suspense, rejected or a duplicate')
    .argument('<file>', 'the payment file (CSV)')
    .option('--format <name>', `the file's format: ${PAYMENT_FORMATS.map((f) => f.name).join(', ')}`, DEFAULT_PAYMENT_FORMAT)
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (file: string, opts: { format: string; json?: boolean }, cmd: Command) => {
        const bar = progressBar(`importing ${file}`);
        const summary = await withDatabase(cmd, async (db) => {
          try {
            return await importPayments(db, { path: file, format: opts.format, today: todayInLondon(), importedBy: 'cli', onProgress: bar.update });
          } catch (error) {
            if (error instanceof ImportRefused) throw new UsageError(`${error.message}: nothing imported`);
            throw error;
          } finally {
            bar.stop();
          }
        });
        if (opts.json) {
          printJson(summary);
          return;
        }
        console.log(`Imported ${summary.file} (${opts.format}, sha256 ${summary.sha256.slice(0, 12)}…)`);
        console.log(countLine('rows', summary.rows));
        console.log(countLine('posted', summary.posted, formatPounds(summary.postedPence)));
        console.log(countLine('suspense', summary.suspense));
        console.log(countLine('rejected', summary.rejected));
        console.log(countLine('duplicate', summary.duplicate));
        for (const line of errorLines(summary.errors)) console.log(line);
      }),
    );
}
