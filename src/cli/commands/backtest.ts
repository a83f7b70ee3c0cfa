import type { Command } from 'commander';
import { DEFAULT_POLICY_DOCUMENT } from '../../domain/policy';
import type { PolicyDocument } from '../../domain/policy';
import { action, printJson, UsageError } from '../cli-support';
import { dateOption, withDatabase } from '../open-db';
import { progressBar } from '../progress';
import { readPolicyFile } from './policy';

export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description('replay the assessment over history as known on each date: caseload by action, and how many flagged accounts cleared by themselves within four weeks')
    .requiredOption('--from <date>', 'first date')
    .requiredOption('--to <date>', 'last date')
    .option('--every <days>', 'days between dates', '7')
    .option('--policy <file>', 'a policy document (default: the policy in force)')
    .option('--compare <file>', 'a second policy document, side by side')
    .option('--format <format>', 'table | csv | json', 'table')
    .action(
      action(async (opts: { from: string; to: string; every: string; policy?: string; compare?: string; format: string }, cmd: Command) => {
        const from = dateOption(opts.from, '--from', '');
        const to = dateOption(opts.to, '--to', '');
        if (to < from) throw new UsageError('--to is before --from');
        if (!/^\d+$/.test(opts.every) || Number(opts.every) < 1) throw new UsageError(`--every: expected a whole number of days, got "${opts.every}"`);
        if (!['table', 'csv', 'json'].includes(opts.format)) throw new UsageError(`--format: expected table, csv or json, got "${opts.format}"`);
        const { backtest } = await import('../../application/backtest/backtest');
        const { activePolicy } = await import('../../application/assessment/assess-tenancies');
        const bar = progressBar('Back-testing');
        const result = await withDatabase(cmd, async (db) => {
          const base: PolicyDocument = opts.policy ? await readPolicyFile(opts.policy) : (await activePolicy(db)).document ?? (DEFAULT_POLICY_DOCUMENT as PolicyDocument);
          const policies = [{ label: opts.policy ?? 'policy in force', document: base }];
          if (opts.compare) policies.push({ label: opts.compare, document: await readPolicyFile(opts.compare) });
          return backtest(db, { from, to, everyDays: Number(opts.every), policies, onProgress: bar.update });
        });
        bar.stop();
        if (opts.format === 'json') {
          printJson(result);
          return;
        }
        const rows = result.policies[0]!.dates.map((d, i) => {
          const cells: (string | number)[] = [d.date, d.assessed];
          for (const p of result.policies) {
            const x = p.dates[i]!;
            cells.push(x.caseload, x.clearedBySelf, x.caseload > 0 ? `${((100 * x.clearedBySelf) / x.caseload).toFixed(1)}%` : '-');
          }
          return cells;
        });
        const header = ['date', 'assessed', ...result.policies.flatMap((p, i) => [`caseload${i ? '_b' : ''}`, `cleared_by_self${i ? '_b' : ''}`, `cleared_pct${i ? '_b' : ''}`])];
        if (opts.format === 'csv') {
          console.log(header.join(','));
          for (const r of rows) console.log(r.join(','));
          return;
        }
        result.policies.forEach((p, i) => console.log(`${i ? 'B' : 'A'}: ${p.label}`));
        console.log(header.map((h) => h.padStart(16)).join(''));
        for (const r of rows) console.log(r.map((c) => String(c).padStart(16)).join(''));
        const actions = new Set(result.policies.flatMap((p) => p.dates.flatMap((d) => Object.keys(d.byAction))));
        console.log('\nCaseload by action (all dates):');
        for (const a of [...actions].sort()) {
          const totals = result.policies.map((p) => p.dates.reduce((n, d) => n + (d.byAction[a] ?? 0), 0));
          console.log(`  ${a.padEnd(28)} ${totals.map((t) => String(t).padStart(8)).join('')}`);
        }
      }),
    );
}
