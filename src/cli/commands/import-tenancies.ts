import type { Command } from 'commander';
import { importTenancies } from '../../application/imports/import-tenancies';
import { action, printJson } from '../cli-support';
import { todayInLondon } from '../open-db';
import { commandGroup } from './command-groups';
import { countLine, errorLines, runFileImport } from './import-output';

export function registerImportTenancies(program: Command): void {
  commandGroup(program, 'import', 'import files: payments, tenancies, case files')
    .command('tenancies')
    .description("load or update tenancies from a CSV (moving from the old housing management system)")
    .argument('<file>', 'the tenancy file (CSV)')
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (file: string, opts: { json?: boolean }, cmd: Command) => {
        const summary = await runFileImport(cmd, `importing ${file}`, (db, onProgress) => importTenancies(db, { path: file, today: todayInLondon(), importedBy: 'cli', onProgress }));
        if (opts.json) {
          printJson(summary);
          return;
        }
        console.log(`Imported ${summary.file} (sha256 ${summary.sha256.slice(0, 12)}…)`);
        console.log(countLine('rows', summary.rows));
        console.log(countLine('imported', summary.imported));
        console.log(countLine('updated', summary.updated));
        console.log(countLine('unchanged', summary.unchanged));
        console.log(countLine('rejected', summary.rejected));
        for (const line of errorLines(summary.errors)) console.log(line);
      }),
    );
}
