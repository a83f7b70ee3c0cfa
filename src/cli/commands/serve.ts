import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { databaseConfig, webConfig } from '../../config/config';
import { freeConnections, poolsWithin, readConnectionLimits } from '../../persistence/connection-budget';
import { action, globalOptions, UsageError } from '../cli-support';
import { withDatabase } from '../open-db';

/** A message to the primary; one the channel cannot take (the primary gone) is dropped, not an 'error' event. */
function sendToPrimary(message: unknown): void {
  if (!process.send || !process.connected) throw new Error('no channel to the primary');
  process.send(message, undefined, undefined, () => undefined);
}

function untilSignalled(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/**
 * The primary of several serving processes (node:cluster): migrates once, forks the workers (each runs this
 * command again as a worker: its own connection pool, the same port), keeps the pages they render for each other
 * (`src/main/shared-pages.ts`), replaces a worker that dies, and stops them all on SIGINT/SIGTERM.
 *
 * The workers' pools together stay within the connections the server has free (`poolsWithin`): each gets
 * DATABASE_POOL_SIZE connections (10) or fewer, down to two, and when even two each would be too many, fewer workers
 * are started, and the start-up line says so.
 */
async function servePrimary(cmd: Command, port: number, workers: number): Promise<void> {
  const limits = await withDatabase(cmd, (db) => readConnectionLimits(db));
  const { poolSize } = databaseConfig({ db: globalOptions(cmd).db });
  const plan = poolsWithin(limits, { pools: workers, perPool: poolSize, minPerPool: Math.min(2, poolSize) });
  const { keepPagesForWorkers } = await import('../../main/shared-pages');
  const { pageCacheEntries } = webConfig();
  // A kept page's bytes go to and from the workers as bytes, not as JSON.
  cluster.setupPrimary({ serialization: 'advanced' });
  if (pageCacheEntries > 0) keepPagesForWorkers(cluster, { maxEntries: pageCacheEntries });
  let stopping = false;
  const fork = () => cluster.fork({ DATABASE_POOL_SIZE: String(plan.perPool) });
  for (let i = 0; i < plan.pools; i++) fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} stopped (${code}); starting another`);
    fork();
  });
  if (limits && (plan.pools < workers || plan.perPool < poolSize)) {
    console.log(`PostgreSQL has ${freeConnections(limits)} connections free: ${plan.pools} processes of ${plan.perPool} connections each, where ${workers} of ${poolSize} were asked for`);
  }
  console.log(`Rentwise is running at http://localhost:${port} in ${plan.pools} processes, each with up to ${plan.perPool} connections to PostgreSQL (Ctrl+C to stop)`);
  await untilSignalled();
  stopping = true;
  await Promise.all(
    Object.values(cluster.workers ?? {}).map(
      (w) =>
        new Promise<void>((resolve) => {
          if (!w || w.isDead()) return resolve();
          w.once('exit', () => resolve());
          w.kill('SIGTERM');
        }),
    ),
  );
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web application and the JSON API (default port 3000, or $PORT)')
    .option('--port <p>', 'port to listen on')
    .option('--workers <n>', 'processes serving requests (PostgreSQL only; default: one per core there, one on the embedded database; fewer when the server has too few connections free)')
    .action(
      action(async (opts: { port?: string; workers?: string }, cmd: Command) => {
        const raw = opts.port ?? process.env.PORT ?? '3000';
        if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new UsageError(`--port: expected a port number, got "${raw}"`);
        const onPostgres = databaseConfig({ db: globalOptions(cmd).db }).databaseUrl !== null;
        if (opts.workers !== undefined && !/^[1-9]\d{0,2}$/.test(opts.workers)) throw new UsageError(`--workers: expected a whole number from 1, got "${opts.workers}"`);
        const workers = opts.workers !== undefined ? Number(opts.workers) : onPostgres ? availableParallelism() : 1;
        if (workers > 1 && !onPostgres) throw new UsageError('--workers: the embedded database serves from one process; set DATABASE_URL to serve from several');
        if (workers > 1 && cluster.isPrimary) {
          await servePrimary(cmd, Number(raw), workers);
          return;
        }
        // Loaded on use, as in demo: the web stack is most of the command line's start-up, which other commands never need.
        const { startWebServer } = await import('../../main/web-server');
        const { sharedPagesOverChannel } = await import('../../main/shared-pages');
        const sharedPages = cluster.isWorker ? sharedPagesOverChannel({ send: (message) => sendToPrimary(message), on: (event, listener) => process.on(event, listener) }) : undefined;
        await withDatabase(cmd, async (db) => {
          const server = await startWebServer(db, { port: Number(raw), ...(sharedPages ? { sharedPages } : {}) });
          if (cluster.isPrimary) console.log(`Rentwise is running at ${server.url} (Ctrl+C to stop)`);
          await untilSignalled();
          await server.close();
        });
        // A worker's channel to the primary would keep it alive.
        if (cluster.isWorker) cluster.worker?.disconnect();
      }),
    );
}
