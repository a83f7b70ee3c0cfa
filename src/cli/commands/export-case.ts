import type { Command } from 'commander';
import { buildCaseFile } from '../../application/case-file/build-case-file';
import { loadCaseData } from '../../persistence/stores/case-data-store';
import { findTenancyByRef } from '../../persistence/stores/tenancy-store';
import { action, printJson, UsageError } from '../cli-support';
import { dateOption, todayInLondon, withDatabase } from '../open-db';

export function registerExportCase(program: Command): void {
  program
    .command('export-case')
    .description('write the case file of one tenancy as known on a date (transactions and events after it left out)')
    .argument('<ref>', 'the tenancy reference')
    .option('--as-of <date>', 'the date (default today)')
    .option('--json', 'print the one JSON document (what it prints anyway)')
    .action(
      action(async (ref: string, opts: { asOf?: string }, cmd: Command) => {
        const asOf = dateOption(opts.asOf, '--as-of', todayInLondon());
        await withDatabase(cmd, async (db) => {
          const tenancy = await findTenancyByRef(db, ref);
          if (!tenancy) throw new UsageError(`no tenancy with ref ${ref}`);
          const [data] = await loadCaseData(db, { ids: [tenancy.id] }, asOf);
          printJson(buildCaseFile(data!, asOf));
        });
      }),
    );
}
