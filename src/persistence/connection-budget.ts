import type { Db } from './database';

/**
 * How many connections PostgreSQL lets clients open, and how many are open now.
 *
 * Rentwise opens more than one connection pool on a machine with many cores: one per serving process
 * (`rentwise serve`, one process per core) and one per assessment worker thread (the daily run and a large import,
 * one thread per core but one). Left to the core count alone, a large machine would ask a default server
 * (`max_connections` 100) for more connections than it has, and the server refuses the ones beyond its limit
 * ("sorry, too many clients already"). So those commands read the server's limits first and stay within them
 * (`poolsWithin`).
 */
export interface ConnectionLimits {
  /** `max_connections`. */
  maxConnections: number;
  /** `superuser_reserved_connections` (and, from PostgreSQL 16, `reserved_connections`): not for ordinary roles. */
  reservedConnections: number;
  /** Client backends connected now, this one included. */
  openConnections: number;
}

/** The server's limits and its open client connections, in one statement; null on the embedded database (one connection, in this process). */
export async function readConnectionLimits(db: Db): Promise<ConnectionLimits | null> {
  if (db.kind !== 'postgres') return null;
  const [row] = await db.query<{ max: number; reserved: number; open: number }>(
    `SELECT current_setting('max_connections')::int AS max,
            current_setting('superuser_reserved_connections')::int
              + coalesce(current_setting('reserved_connections', true)::int, 0) AS reserved,
            (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend') AS open`,
  );
  return row ? { maxConnections: row.max, reservedConnections: row.reserved, openConnections: row.open } : null;
}

/** Connections an ordinary role may still open: the limit, less the reserved ones and those open. Never below 0. */
export function freeConnections(limits: ConnectionLimits): number {
  return Math.max(0, limits.maxConnections - limits.reservedConnections - limits.openConnections);
}

/**
 * Of the free connections, the share that several pools opened at once may take: three quarters, so that the
 * server's other clients (an import while the daily run runs, an operator's `psql`, the job runner) still find one.
 */
export const SHARE_OF_FREE_CONNECTIONS = 0.75;

/**
 * How many pools (`wanted` at most) of how many connections each (`perPool` at most, `minPerPool` at least) fit in
 * the share of the free connections: as many pools as fit with `minPerPool` each, then as many connections each as
 * fit. At least one pool of `minPerPool`, even when none is free: one pool is what a single process opens anyway,
 * and the server's own refusal then names the problem. Without limits (the embedded database), `wanted` of
 * `perPool`.
 */
export function poolsWithin(
  limits: ConnectionLimits | null,
  wanted: { pools: number; perPool: number; minPerPool: number },
): { pools: number; perPool: number } {
  if (limits === null) return { pools: wanted.pools, perPool: wanted.perPool };
  const available = Math.floor(freeConnections(limits) * SHARE_OF_FREE_CONNECTIONS);
  const pools = Math.max(1, Math.min(wanted.pools, Math.floor(available / wanted.minPerPool)));
  const perPool = Math.max(wanted.minPerPool, Math.min(wanted.perPool, Math.floor(available / pools)));
  return { pools, perPool };
}
