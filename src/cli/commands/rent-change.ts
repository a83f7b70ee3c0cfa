import type { Command } from 'commander';
import { importDdCancellations } from '../../application/direct-debits/dd-cancellations';
import type { RentChangePlan, RentChangeRequest } from '../../application/rent-change/rent-change';
import { applyRentChange, directDebitByTenancy, planRentChange, RentChangeRefused } from '../../application/rent-change/rent-change';
import { readRentChangeFile } from '../../application/rent-change/rent-change-file';
import { parsePercentToBasisPoints } from '../../domain/rent-change/rent-change';
import { SUB_ACCOUNTS, type SubAccount } from '../../domain/rent/charges-due';
import { formatPounds } from '../../domain/money/pence';
import { action, printJson, UsageError } from '../cli-support';
import { dateOption, todayInLondon, withDatabase } from '../open-db';
import { commandGroup } from './command-groups';
import { runFileImport } from './import-output';

/** `rentwise rent-change` (the annual rent and service-charge change) and `rentwise import dd-cancellations`. */
export function registerRentChange(program: Command): void {
  program
    .command('rent-change')
    .description('the annual rent and service-charge change: preview (--dry-run) or apply new weekly charges from --effective, with notice-of-variation letters and new direct-debit amounts')
    .requiredOption('--effective <date>', 'the date the new charges take effect (at least 28 days after --today)')
    .option('--percent <p>', 'change every current charge of --sub-account by P percent (e.g. 2.7 or -1), rounded half-up to the penny')
    .option('--file <csv>', 'new weekly amounts per tenancy: columns tenancy_ref, rent, service_charge (pounds)')
    .option('--sub-account <name>', 'with --percent: rent or service_charge', 'rent')
    .option('--dry-run', 'preview only: nothing is changed')
    .option('--today <date>', 'the business date the letters are dated (default today)')
    .option('--json', 'print the plan (and what was applied) as JSON')
    .action(
      action(async (opts: { effective: string; percent?: string; file?: string; subAccount: string; dryRun?: boolean; today?: string; json?: boolean }, cmd: Command) => {
        const today = dateOption(opts.today, '--today', todayInLondon());
        const effective = dateOption(opts.effective, '--effective', '');
        if ((opts.percent === undefined) === (opts.file === undefined)) throw new UsageError('give exactly one of --percent P or --file CSV');
        if (opts.subAccount !== 'rent' && opts.subAccount !== 'service_charge') throw new UsageError(`--sub-account: expected rent or service_charge, got "${opts.subAccount}"`);
        if (!SUB_ACCOUNTS.includes(opts.subAccount as SubAccount)) throw new UsageError(`--sub-account: unknown "${opts.subAccount}"`);
        let request: RentChangeRequest;
        try {
          if (opts.percent !== undefined) {
            const basisPoints = parsePercentToBasisPoints(opts.percent);
            if (basisPoints === null) throw new UsageError(`--percent: expected a percentage with up to 2 decimal places between -100 and 100, got "${opts.percent}"`);
            request = { kind: 'percent', basisPoints, subAccount: opts.subAccount as SubAccount };
          } else {
            request = await readRentChangeFile(opts.file!);
          }
          await withDatabase(cmd, async (db) => {
            const plan = await planRentChange(db, effective, today, request);
            if (opts.dryRun) {
              if (opts.json) printJson({ dryRun: true, ...plan });
              else printPlan(plan, true);
              return;
            }
            const applied = await applyRentChange(db, plan, 'cli');
            if (opts.json) printJson({ dryRun: false, ...plan, applied: applied.applied, letters: applied.letters });
            else {
              printPlan(plan, false);
              console.log(`applied ${applied.applied} new charge(s); ${applied.letters.length} notice-of-variation letter(s)`);
            }
          });
        } catch (error) {
          if (error instanceof RentChangeRefused) {
            throw new UsageError([error.message, ...error.errors.map((e) => `${e.row === null ? '' : `row ${e.row}: `}${e.field}: ${e.message}`)].join('\n'));
          }
          throw error;
        }
      }),
    );

  commandGroup(program, 'import', 'import files: payments, tenancies, case files')
    .command('dd-cancellations')
    .description('import an ADDACS-style cancellations file: reference, payer_name, sort_code, account_number, reason_code, effective_date')
    .argument('<file>', 'the cancellations file (CSV)')
    .option('--today <date>', 'the business date (default today)')
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (file: string, opts: { today?: string; json?: boolean }, cmd: Command) => {
        const today = dateOption(opts.today, '--today', todayInLondon());
        const summary = await runFileImport(cmd, `importing ${file}`, (db) => importDdCancellations(db, { path: file, today, importedBy: 'cli' }));
        if (opts.json) {
          printJson(summary);
          return;
        }
        console.log(`Imported ${summary.file}: ${summary.rows} row(s), ${summary.cancelled} cancelled, ${summary.unchanged} unchanged, ${summary.unknown} unknown, ${summary.rejected} rejected`);
        for (const r of summary.results) if (r.outcome !== 'cancelled') console.log(`  row ${r.row} ${r.reference}: ${r.outcome}${r.field ? ` ${r.field}` : ''}${r.message ? `: ${r.message}` : ''}`);
      }),
    );
}

function printPlan(plan: RentChangePlan, dryRun: boolean): void {
  console.log(`${dryRun ? 'Preview (dry run, nothing changed)' : 'Rent change'}: effective ${plan.effectiveFrom}, letters dated ${plan.today}`);
  const directDebitOf = directDebitByTenancy(plan);
  for (const i of plan.items) {
    const dd = directDebitOf.get(i.tenancyId);
    console.log(
      `  ${i.ref} ${i.subAccount}: ${formatPounds(i.oldWeeklyPence)} -> ${formatPounds(i.newWeeklyPence)} a week${i.alreadyApplied ? ' (already applied)' : ''}` +
        (dd ? `; direct debit ${dd.mandateReference} ${formatPounds(dd.oldAmountPence)} -> ${formatPounds(dd.newAmountPence)} from ${dd.firstCollectionOn} (notice by ${dd.noticeBy})` : ''),
    );
  }
  console.log(`  total ${plan.totals.tenancies} tenancies: ${formatPounds(plan.totals.oldWeeklyPence)} -> ${formatPounds(plan.totals.newWeeklyPence)} a week`);
}
