import type { Command } from 'commander';
import { runDaily } from '../../application/daily-run/run-daily';
import { needsAPerson } from '../../domain/worklist/caseload';
import { action, printJson, UsageError } from '../cli-support';
import { dateOption, todayInLondon, withDatabase } from '../open-db';
import { progressBar } from '../progress';
import { commandGroup } from './command-groups';

export function registerRunDaily(program: Command): void {
  commandGroup(program, 'run', 'run a scheduled job')
    .command('daily')
    .description('the daily run: post the charges due, assess every current and former account, rebuild the worklists')
    .option('--as-of <date>', 'the business date (default today)')
    .option('--json', 'print the summary as JSON')
    .option('--workers <n>', 'worker threads for the assessments on PostgreSQL (default: one per core but one)')
    .action(
      action(async (opts: { asOf?: string; json?: boolean; workers?: string }, cmd: Command) => {
        const asOf = dateOption(opts.asOf, '--as-of', todayInLondon());
        const workers = opts.workers === undefined ? undefined : Number(opts.workers);
        if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) throw new UsageError(`--workers: expected a whole number from 1 to 64, got "${opts.workers}"`);
        const bar = progressBar('Assessing');
        const summary = await withDatabase(cmd, (db) => runDaily(db, asOf, { onProgress: bar.update, ...(workers === undefined ? {} : { workers }) }));
        bar.stop();
        if (opts.json) {
          printJson(summary);
          return;
        }
        const caseload = Object.entries(summary.byAction)
          .filter(([a]) => needsAPerson(a))
          .sort((a, b) => b[1] - a[1])
          .map(([a, n]) => `${a} ${n}`)
          .join(', ');
        const watching = Object.entries(summary.byAction)
          .filter(([a]) => a !== 'none' && !needsAPerson(a))
          .reduce((n, [, c]) => n + c, 0);
        console.log(
          `Daily run ${asOf}: ${summary.chargesPosted} charges posted; ${summary.accountsAssessed} accounts assessed; caseload ${summary.caseload}` +
            `${caseload ? ` (${caseload})` : ''}; ${watching} watched without action; ${(summary.durationMs / 1000).toFixed(1)} s.`,
        );
      }),
    );
}
