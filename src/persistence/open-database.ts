import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Db } from './database';
import { migrate } from './migrate';

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded database is one process's at a time (PGlite has no server): a lock file names the
 * process holding it, so a second command gets a clear message instead of a damaged database.
 */
async function lockEmbeddedDir(dir: string): Promise<() => Promise<void>> {
  const lockFile = join(dir, 'rentwise.lock');
  try {
    const pid = Number((await readFile(lockFile, 'utf8')).trim());
    if (pid && pid !== process.pid && processIsAlive(pid)) {
      throw new DatabaseInUseError(`the embedded database ${dir} is in use by process ${pid} (stop it, or use another --db)`);
    }
  } catch (error) {
    if (error instanceof DatabaseInUseError) throw error;
  }
  await writeFile(lockFile, String(process.pid));
  return async () => {
    await rm(lockFile, { force: true });
  };
}

export interface OpenOptions {
  databaseUrl: string | null;
  embeddedDir: string;
  /** Migrate forward on open (every command does). */
  migrate?: boolean;
  maxConnections?: number;
}

/**
 * Opens PostgreSQL when a URL is given, else the embedded database in the directory; migrates it. Each
 * database's driver is loaded only when it is the one opened (PGlite's alone takes ~40 ms to load).
 */
export async function openDatabase(options: OpenOptions): Promise<Db> {
  let db: Db;
  if (options.databaseUrl) {
    const { openPostgresDatabase } = await import('./postgres-database');
    db = await openPostgresDatabase(options.databaseUrl, options.maxConnections ?? 10);
  } else {
    const dir = resolve(options.embeddedDir);
    await mkdir(dir, { recursive: true });
    const dataDir = join(dir, 'pgdata');
    const unlock = await lockEmbeddedDir(dir);
    const { openPgliteDatabase } = await import('./pglite-database');
    const inner = await openPgliteDatabase(dataDir);
    db = {
      ...inner,
      async close() {
        await inner.close();
        await unlock();
      },
    };
  }
  if (options.migrate !== false) await migrate(db);
  return db;
}
