/**
 * What one page costs, in CPU: `DATABASE_URL=postgres://… npx tsx bench/page-cpu.ts [--requests N]
 * [--as-of DATE]` on a database that holds a landlord (e.g. one `rentwise demo --no-serve` built). Serves
 * the web application in this process, signs in as the first officer with a patch (a demo user, added if
 * missing), and asks for N worklists and then N account pages, four at a time, after 30 of each to warm
 * up. Prints, per page, the requests a second and the CPU each request took: this process's (the server
 * and the client together) and the PostgreSQL server's (its processes' CPU from /proc, so the server must
 * run on this machine). Steadier than the benchmark's p95 under 50 officers on a shared virtual machine:
 * compare two versions by running them alternately.
 */
import { seedDemoUsers } from '../src/application/users/seed-demo-users';
import { startWebServer } from '../src/main/web-server';
import { openDatabase } from '../src/persistence/open-database';
import { cpuOver } from './cpu-time';
import { signIn } from './sign-in';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('Set DATABASE_URL to the PostgreSQL database to measure (its server on this machine).');
  process.env.LOG_LEVEL = 'warn';
  const requests = Number(option('--requests', '300'));
  const asOf = option('--as-of', '2026-11-23');
  const db = await openDatabase({ databaseUrl, embeddedDir: '' });
  const users = await seedDemoUsers(db);
  const server = await startWebServer(db, { port: 0, host: '127.0.0.1', today: () => asOf });
  try {
    const officer = users.find((u) => u.role === 'officer');
    if (!officer) throw new Error('no demo officer');
    const cookie = await signIn(server.url, officer.username, officer.password);
    const refs = (await db.query<{ ref: string }>(`SELECT ref FROM tenancies ORDER BY id LIMIT 500`)).map((r) => r.ref);
    const pages: [string, (i: number) => string][] = [
      ['worklist', () => '/worklist'],
      ['account', (i) => `/tenancies/${encodeURIComponent(refs[i % refs.length]!)}`],
    ];
    for (const [name, path] of pages) {
      const get = async (i: number) => {
        const res = await fetch(server.url + path(i), { headers: { cookie } });
        await res.text();
        if (res.status !== 200) throw new Error(`${path(i)}: ${res.status}`);
      };
      for (let i = 0; i < 30; i++) await get(i);
      const { elapsedMs, nodeCpuMs, postgresCpuMs } = await cpuOver(() =>
        Promise.all(
          Array.from({ length: 4 }, async (_, k) => {
            for (let i = k; i < requests; i += 4) await get(i);
          }),
        ),
      );
      const postgres = postgresCpuMs === null ? "PostgreSQL's not seen (its server is not on this machine)" : `${(postgresCpuMs / requests).toFixed(2)} ms of PostgreSQL's`;
      console.log(
        `${name}: ${((requests / elapsedMs) * 1000).toFixed(0)} a second; per request ${(nodeCpuMs / requests).toFixed(2)} ms of this process's CPU (server and client), ${postgres}`,
      );
    }
  } finally {
    await server.close();
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
