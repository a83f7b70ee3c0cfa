import type { Command } from 'commander';
import { formatPounds } from '../../domain/money/pence';
import { action, printJson, UsageError } from '../cli-support';
import { dateOption, todayInLondon, withDatabase } from '../open-db';
import { progressBar } from '../progress';

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${name}: expected a whole number of at least 1, got "${value}"`);
  return Number(value);
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('create a realistic synthetic landlord with years of history, run the daily run and serve the web application')
    .option('--tenancies <n>', 'number of tenancies (default 5000)')
    .option('--seed <s>', 'random seed (default 1)')
    .option('--as-of <date>', 'the demo\'s "today" (default today)')
    .option('--no-serve', 'build and exit without serving')
    .option('--port <p>', 'port to serve on (default 3000)')
    .option('--json', 'print the summary as JSON')
    .action(
      action(async (opts: { tenancies?: string; seed?: string; asOf?: string; serve: boolean; port?: string; json?: boolean }, cmd: Command) => {
        const tenancies = positiveInteger(opts.tenancies, '--tenancies', 5000);
        const seed = positiveInteger(opts.seed, '--seed', 1);
        const asOf = dateOption(opts.asOf, '--as-of', todayInLondon());
        const port = positiveInteger(opts.port ?? process.env.PORT, '--port', 3000);
        // Loaded on use: the demo pulls in the generator and the web server, which other commands never need.
        const { runDaily } = await import('../../application/daily-run/run-daily');
        const { buildDemoLandlord } = await import('../../application/demo/build-demo');
        const { seedDemoUsers } = await import('../../application/users/seed-demo-users');
        const { startWebServer } = await import('../../main/web-server');
        await withDatabase(cmd, async (db) => {
          const started = performance.now();
          const buildBar = progressBar('Building demo');
          const summary = await buildDemoLandlord(db, { tenancies, seed, asOf, onProgress: buildBar.update });
          buildBar.stop();
          const runBar = progressBar('Daily run   ');
          const daily = await runDaily(db, asOf, { onProgress: runBar.update });
          runBar.stop();
          const users = await seedDemoUsers(db);
          const tookMs = Math.round(performance.now() - started);
          if (opts.json) {
            printJson({ ...summary, asOf, dailyRun: daily, users: users.map((u) => ({ username: u.username, role: u.role, patch: u.patch })), tookMs });
          } else {
            // A demo already in the database is reused as it was built: its own seed and date, and its figures then.
            const built = summary.reused ? `already in the database, reused; seed ${summary.seed}, built as of ${summary.asOf}, its figures then` : `seed ${seed}, as of ${asOf}`;
            console.log(`Demo landlord (${built}): ${summary.tenancies} tenancies in ${summary.patches} patches, ${summary.ledgerRows} ledger rows.`);
            console.log(
              `Total arrears ${formatPounds(summary.totalArrearsPence)}: ${summary.arrearsPercentOfAnnualDebit.toFixed(2)}% of the annual debit of ${formatPounds(summary.annualDebitPence)}.`,
            );
            console.log(`Daily run: ${daily.accountsAssessed} accounts assessed, caseload ${daily.caseload}. Built in ${(tookMs / 1000).toFixed(1)} s.`);
            console.log('Sign in with (password for every demo user: see below):');
            for (const u of users) console.log(`  ${u.username.padEnd(24)} ${u.role}${u.patch ? ` (${u.patch})` : ''}`);
            if (users[0]) console.log(`  password: ${users[0].password}`);
          }
          if (!opts.serve) return;
          const server = await startWebServer(db, { port });
          console.log(`Rentwise is running at ${server.url} — press Ctrl+C to stop.`);
          await new Promise<void>((resolve) => {
            const stop = () => resolve();
            process.once('SIGINT', stop);
            process.once('SIGTERM', stop);
          });
          await server.close();
        });
      }),
    );
}
