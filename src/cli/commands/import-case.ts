import type { Command } from 'commander';
import { reassessTenancies } from '../../application/assessment/reassess';
import { importCase, CaseImportRefused } from '../../application/case-file/import-case';
import { parseCaseFile } from '../../domain/case-file/parse-case-file';
import { action, caseFileProblem, printJson, readInput, UsageError } from '../cli-support';
import { withDatabase } from '../open-db';
import { commandGroup } from './command-groups';

export function registerImportCase(program: Command): void {
  commandGroup(program, 'import', 'import files: payments, tenancies, case files')
    .command('case')
    .description('load one case file (contracts/case-file.md) as a tenancy with its whole history')
    .argument('<file>', 'the case file, or - for standard input')
    .option('--replace', 'replace a tenancy with the same ref (the old one is kept, renamed)')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (file: string, opts: { replace?: boolean; json?: boolean }, cmd: Command) => {
        const text = (await readInput(file)).toString('utf8');
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch (error) {
          throw new UsageError(`${file}: not JSON (${(error as Error).message})`);
        }
        const parsed = parseCaseFile(raw);
        if (!parsed.ok) throw caseFileProblem(parsed);
        const result = await withDatabase(cmd, async (db) => {
          try {
            const imported = await importCase(db, parsed.value, raw as Record<string, unknown>, { replace: opts.replace === true, recordedBy: 'cli' });
            // Assessed at once, as of the file's date, so lists and the worklist show it straight away.
            await reassessTenancies(db, [imported.tenancyId], parsed.value.asOf, 'import');
            return imported;
          } catch (error) {
            if (error instanceof CaseImportRefused) throw new UsageError(error.message);
            throw error;
          }
        });
        const summary = { tenancyRef: parsed.value.tenancy.ref, transactions: result.transactions, events: result.events };
        if (opts.json) printJson(summary);
        else console.log(`Imported ${summary.tenancyRef}: ${summary.transactions} transactions, ${summary.events} events.`);
      }),
    );
}
