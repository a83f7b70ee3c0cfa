import type { Db } from '../../src/persistence/database';

/**
 * Waits until some other session of this PostgreSQL database is waiting for a lock (for tests that interleave two
 * transactions: the second is known to be blocked by the first before the first commits). Gives up after ten
 * seconds, so that a test whose second transaction never blocks fails on its own assertions rather than hangs.
 */
export async function untilAnotherSessionWaitsForALock(db: Db): Promise<boolean> {
  for (let i = 0; i < 200; i++) {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
    );
    if ((row?.n ?? 0) > 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/**
 * Waits until `sessions` other sessions of this PostgreSQL database wait for a lock that the session `pid` holds (for
 * tests that interleave three transactions and must know which one the others wait for). Gives up after five seconds.
 */
export async function untilBlockedBy(db: Db, pid: number, sessions = 1): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))`, [pid]);
    if ((row?.n ?? 0) >= sessions) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
