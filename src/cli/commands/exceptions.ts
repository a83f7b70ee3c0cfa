import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Command } from 'commander';
import { exportPaymentExceptions, listOpenExceptions, resubmitExceptions } from '../../application/imports/exceptions';
import { action, printJson, UsageError } from '../cli-support';
import { todayInLondon, withDatabase } from '../open-db';
import { commandGroup } from './command-groups';
import { paymentCountLines, runFileImport } from './import-output';

export function registerExceptions(program: Command): void {
  const group = commandGroup(program, 'exceptions', 'rejected rows of imported files, to correct and resubmit');
  group
    .command('list')
    .description('list the open exceptions: row, field, reason and the values as read')
    .option('--file <id>', 'only those of this import file')
    .option('--json', 'print JSON: { "exceptions": [...] }')
    .action(
      action(async (opts: { file?: string; json?: boolean }, cmd: Command) => {
        if (opts.file !== undefined && !/^\d+$/.test(opts.file)) throw new UsageError(`--file: "${opts.file}" is not an import file id`);
        const exceptions = await withDatabase(cmd, (db) => listOpenExceptions(db, { importFileId: opts.file === undefined ? null : Number(opts.file) }));
        if (opts.json) {
          printJson({ exceptions });
          return;
        }
        if (exceptions.length === 0) {
          console.log('No open exceptions.');
          return;
        }
        for (const e of exceptions) {
          console.log(`${String(e.id).padStart(6)}  file ${e.importFileId} (${e.file}) row ${e.row}, ${e.field}: ${e.message}`);
          console.log(`        ${Object.entries(e.raw).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')}`);
        }
      }),
    );
  group
    .command('export')
    .description('write the open payment exceptions as a generic-csv file to correct and resubmit')
    .requiredOption('--out <file>', 'the CSV file to write (required)')
    .action(
      action(async (opts: { out: string }, cmd: Command) => {
        const count = await withDatabase(cmd, async (db) => {
          const out = createWriteStream(opts.out);
          const opened = new Promise<void>((resolve, reject) => {
            out.once('open', () => resolve());
            out.once('error', reject);
          });
          try {
            await opened;
          } catch (error) {
            throw new UsageError(`cannot write ${opts.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
          }
          const n = await exportPaymentExceptions(db, out);
          out.end();
          await finished(out);
          return n;
        });
        console.log(`Wrote ${count} open payment exception${count === 1 ? '' : 's'} to ${opts.out}: correct them and run rentwise exceptions resubmit ${opts.out}`);
      }),
    );
  group
    .command('resubmit')
    .description('import a corrected file (generic-csv) and mark the exceptions it answers as resubmitted')
    .argument('<file>', 'the corrected file')
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
        const summary = await runFileImport(cmd, `resubmitting ${file}`, (db, onProgress) => resubmitExceptions(db, { path: file, today: todayInLondon(), importedBy: 'cli', onProgress }));
        if (opts.json) {
          printJson(summary);
          return;
        }
        console.log(`Resubmitted ${summary.file}: ${summary.resubmitted} exception${summary.resubmitted === 1 ? '' : 's'} resolved`);
        for (const line of paymentCountLines(summary)) console.log(line);
      }),
    );
}
