/**
 * Builds the synthetic demo landlord into a database and prints its summary and the time taken.
 *   npx tsx scripts/build-demo.ts --db /tmp/x --tenancies 5000 --seed 1 --as-of 2026-11-23
 * With DATABASE_URL set, builds into that PostgreSQL database instead of the embedded one.
 */
import { parseArgs } from 'node:util';
import { buildDemoLandlord } from '../src/application/demo/build-demo';
import { openDatabase } from '../src/persistence/open-database';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: './data/demo' },
    tenancies: { type: 'string', default: '5000' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string', default: '2026-11-23' },
  },
});

const started = performance.now();
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL ?? null, embeddedDir: values.db as string });
const opened = performance.now();
try {
  let last = -1;
  const summary = await buildDemoLandlord(db, {
    tenancies: Number(values.tenancies),
    seed: Number(values.seed),
    asOf: values['as-of'] as string,
    onProgress: (done, total) => {
      const pct = Math.floor((100 * done) / total);
      if (pct >= last + 10) {
        last = pct;
        process.stderr.write(`  ${done}/${total} tenancies (${((performance.now() - opened) / 1000).toFixed(1)} s)\n`);
      }
    },
  });
  const built = performance.now();
  console.log(JSON.stringify(summary, null, 2));
  console.log(`opened and migrated in ${((opened - started) / 1000).toFixed(1)} s; demo ${summary.reused ? 'reused' : 'built'} in ${((built - opened) / 1000).toFixed(1)} s (${db.kind})`);
} finally {
  await db.close();
}
