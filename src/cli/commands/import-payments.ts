import type { Command } from 'commander';
import { importPayments } from '../../application/imports/import-payments';
import { DEFAULT_PAYMENT_FORMAT, PAYMENT_FORMATS } from '../../application/imports/payment-formats';
import { action, printJson } from '../cli-support';
import { todayInLondon } from '../open-db';
import { commandGroup } from './command-groups';
import { paymentCountLines, runFileImport } from './import-output';

export function registerImportPayments(program: Command): void {
  commandGroup(program, 'import', 'import files: payments, tenancies, case files')
    .command('payments')
    .description('import a payment file: every row is posted, held in suspense, rejected or a duplicate')
    .argument('<file>', 'the payment file (CSV)')
    .option('--format <name>', `the file's format: ${PAYMENT_FORMATS.map((f) => f.name).join(', ')}`, DEFAULT_PAYMENT_FORMAT)
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (file: string, opts: { format: string; json?: boolean }, cmd: Command) => {
        const summary = await runFileImport(cmd, `importing ${file}`, (db, onProgress) => importPayments(db, { path: file, format: opts.format, today: todayInLondon(), importedBy: 'cli', onProgress }));
        if (opts.json) {
          printJson(summary);
          return;
        }
        console.log(`Imported ${summary.file} (${opts.format}, sha256 ${summary.sha256.slice(0, 12)}…)`);
        for (const line of paymentCountLines(summary)) console.log(line);
      }),
    );
}
