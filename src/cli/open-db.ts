import type { Command } from 'commander';
import { databaseConfig } from '../config/config';
import type { Db } from '../persistence/database';
import { DatabaseInUseError, openDatabase } from '../persistence/open-database';
import { globalOptions, UsageError } from './cli-support';

const UNUSABLE_DIRECTORY = new Set(['ENOTDIR', 'EEXIST', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'EISDIR']);

/**
 * Opens the database the command's options and environment select (DATABASE_URL, else --db DIR,
 * RENTWISE_DB or ./data/rentwise; on PostgreSQL a pool of DATABASE_POOL_SIZE connections at most), migrates it
 * forward, runs `fn` and always closes it.
 */
export async function withDatabase<T>(cmd: Command, fn: (db: Db) => Promise<T>): Promise<T> {
  const config = databaseConfig({ db: globalOptions(cmd).db });
  let db: Db;
  try {
    db = await openDatabase({ databaseUrl: config.databaseUrl, embeddedDir: config.embeddedDir, maxConnections: config.poolSize });
  } catch (error) {
    if (error instanceof DatabaseInUseError) throw new UsageError(error.message);
    // An embedded database directory that cannot be one (a file, a read-only or forbidden place) is bad input.
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (!config.databaseUrl && code !== undefined && UNUSABLE_DIRECTORY.has(code)) throw new UsageError(`cannot keep the embedded database in ${config.embeddedDir} (${code}): give --db a directory you may write to`);
    throw error;
  }
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Today's date in Europe/London, for commands whose --as-of defaults to today. */
export function todayInLondon(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Validates a --as-of / --from / --to option. */
export function dateOption(value: string | undefined, name: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${name}: expected a date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}
