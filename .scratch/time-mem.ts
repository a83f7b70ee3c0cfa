import { openPgliteDatabase } from '../src/persistence/pglite-database';
import { migrate } from '../src/persistence/migrate';
import { importTenancies } from '../src/application/imports/import-tenancies';
import { importPayments } from '../src/application/imports/import-payments';
const db = await openPgliteDatabase(process.argv[2] === 'mem' ? undefined : process.argv[2]);
await migrate(db);
let t = Date.now();
const s = await importTenancies(db, { path: process.argv[3]!, today: '2026-11-23' });
console.log('tenancies', Date.now() - t, s.imported, process.memoryUsage().rss / 1e6);
if (process.argv[4]) {
  t = Date.now();
  const p = await importPayments(db, { path: process.argv[4], today: '2026-11-23' });
  console.log('payments', Date.now() - t, JSON.stringify({ ...p, errors: p.errors.length }), process.memoryUsage().rss / 1e6);
}
await db.close();
