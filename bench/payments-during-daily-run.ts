/**
 * Payments posted and re-assessed while a daily run is under way, and whether every account paid ends with the
 * current assessment `assess` gives on its exported case file (ADR 0012): `npx tsx bench/payments-during-daily-run.ts
 * [--tenancies N] [--files F] [--rows R]` (DATABASE_URL for PostgreSQL; a temporary embedded database otherwise).
 * Builds the demo landlord up to Sunday, then runs Monday's daily run and, beside it on the same pool, imports F
 * payment files of R payments each (every account paid is re-assessed by its import), then checks the accounts
 * paid. Exits 1 if any differs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCurrentAssessments } from '../src/application/assessment/verify-assessments';
import { runDaily } from '../src/application/daily-run/run-daily';
import { buildDemoLandlord } from '../src/application/demo/build-demo';
import { importPayments } from '../src/application/imports/import-payments';
import type { BusinessDate } from '../src/domain/calendar/business-date';
import { csvLine } from '../src/persistence/database';
import { freshDatabase } from './scratch-database';

const MONDAY: BusinessDate = '2026-11-23';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const tenancies = option('--tenancies', 5000);
  const files = option('--files', 40);
  const rowsPerFile = option('--rows', 25);
  const { db, drop } = await freshDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'rentwise-race-'));
  try {
    const built = performance.now();
    await buildDemoLandlord(db, { tenancies, seed: 1, asOf: '2026-11-22' });
    console.log(`built ${tenancies} tenancies in ${Math.round(performance.now() - built)} ms`);
    const accounts = await db.query<{ id: number; payment_reference: string }>(`SELECT id, payment_reference FROM tenancies WHERE end_date IS NULL ORDER BY id`);
    const paid = new Set<number>();
    let k = 0;
    const payments = async () => {
      for (let f = 0; f < files; f++) {
        const lines: string[] = [];
        for (let r = 0; r < rowsPerFile; r++, k++) {
          // Spread over the landlord (a prime stride), so that payments fall in every batch of the run.
          const account = accounts[(k * 7919) % accounts.length]!;
          paid.add(account.id);
          lines.push(csvLine([MONDAY, account.payment_reference, '37.50', 'debit_card', `RACE-${f}-${r}`]));
        }
        const path = join(dir, `payments-${f}.csv`);
        writeFileSync(path, `date,reference,amount,method,transaction_id\n${lines.join('')}`);
        await importPayments(db, { path, today: MONDAY, importedBy: 'bench' });
      }
    };
    const started = performance.now();
    const [summary] = await Promise.all([runDaily(db, MONDAY), payments()]);
    console.log(`daily run (${summary.accountsAssessed} accounts) and ${files} payment files of ${rowsPerFile} beside it: ${Math.round(performance.now() - started)} ms`);
    const report = await verifyCurrentAssessments(db, { tenancyIds: [...paid] });
    console.log(`accounts paid: ${report.checked} checked against assess on the exported case file, ${report.same} the same, ${report.differ} differ`);
    for (const d of report.differences.slice(0, 5)) console.log(`  ${d.ref}: ${d.parts.slice(0, 6).join(', ')}`);
    if (report.differ > 0) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await drop();
  }
}

await main();
