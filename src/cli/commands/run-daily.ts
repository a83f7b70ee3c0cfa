import type { Command } from 'commander';
import { runDaily } from '../../application/daily-run/run-daily';
import { needsAPerson } from '../../domain/worklist/caseload';
import { action, printJson } from '../cli-support';
import { dateOption, todayInLondon, withDatabase } from '../open-db';
import { progressBar } from '../progress';
import { commandGroup } from './command-groups';

export function registerRunDaily(program: Command): void {
  commandGroup(program, 'run', 'run a scheduled job')
    .command('daily')
    .description('the daily run: post the charges due, assess every current and former account, rebuild the worklists')
    .option('--as-of <date>', 'the business date (default today)')
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (opts: { asOf?: string; json?: boolean }, cmd: Command) => {
        const asOf = dateOption(opts.asOf, '--as-of', todayInLondon());
        const bar = progressBar('Assessing');
        const summary = await withDatabase(cmd, (db) => runDaily(db, asOf, { onProgress: bar.update }));
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
