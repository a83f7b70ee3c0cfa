/**
 * The environment, read once. Every variable Rentwise reads is here (and in .env.example).
 */
export interface DatabaseConfig {
  /** Set: use this PostgreSQL server. */
  databaseUrl: string | null;
  /** Otherwise: the embedded database directory. */
  embeddedDir: string;
  /**
   * DATABASE_POOL_SIZE: the most connections to PostgreSQL one process opens (default 10). `rentwise serve` in
   * several processes gives each fewer when the server has fewer free (src/persistence/connection-budget.ts).
   */
  poolSize: number;
}

export function databaseConfig(options: { db?: string | undefined } = {}, env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const databaseUrl = env.DATABASE_URL && env.DATABASE_URL.trim() !== '' ? env.DATABASE_URL.trim() : null;
  const embeddedDir = options.db ?? (env.RENTWISE_DB && env.RENTWISE_DB.trim() !== '' ? env.RENTWISE_DB : './data/rentwise');
  const poolSize = numberSetting('DATABASE_POOL_SIZE', env.DATABASE_POOL_SIZE, DEFAULT_POOL_SIZE, (n) => Number.isInteger(n) && n >= 1 && n <= 1000, 'a whole number of connections from 1 to 1000');
  return { databaseUrl, embeddedDir, poolSize };
}

/** Connections one process opens to PostgreSQL at most, unless DATABASE_POOL_SIZE says otherwise. */
export const DEFAULT_POOL_SIZE = 10;

export interface WebConfig {
  port: number;
  sessionTimeoutMinutes: number;
  isProduction: boolean;
  oidc: { issuer: string; clientId: string; clientSecret: string; redirectUri: string } | null;
  /** TRUST_PROXY=true behind one reverse proxy: the client's address (audit log) from X-Forwarded-For. */
  trustProxy: boolean;
  /**
   * PAGE_CACHE_ENTRIES: how many rendered worklist pages each serving process keeps (src/web/page-cache.ts),
   * served again only while no data has changed; 0 renders every request afresh. Default 200 (~20 MB).
   */
  pageCacheEntries: number;
}

/** A setting the environment gives that is not one Rentwise can use: named, with what it expects. */
export class SettingError extends Error {
  override name = 'SettingError';
}

/**
 * The setting's number; the fallback when it is unset or blank. A value that is not a number `accepts` allows is
 * refused, naming the variable and what it expects, rather than quietly replaced: an operator who set it meant it.
 */
function numberSetting(name: string, value: string | undefined, fallback: number, accepts: (n: number) => boolean, expected: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || !accepts(n)) throw new SettingError(`${name}: expected ${expected}, got "${value}"`);
  return n;
}

export function webConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const isProduction = env.NODE_ENV === 'production';
  const oidc =
    env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET && env.OIDC_REDIRECT_URI
      ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, redirectUri: env.OIDC_REDIRECT_URI }
      : null;
  return {
    port: Number(env.PORT ?? 3000),
    sessionTimeoutMinutes: numberSetting('SESSION_TIMEOUT_MINUTES', env.SESSION_TIMEOUT_MINUTES, 30, (n) => n > 0, 'a number of minutes above 0'),
    isProduction,
    oidc,
    trustProxy: env.TRUST_PROXY === 'true',
    pageCacheEntries: numberSetting('PAGE_CACHE_ENTRIES', env.PAGE_CACHE_ENTRIES, 200, (n) => Number.isInteger(n) && n >= 0, 'a whole number of pages, 0 or more'),
  };
}
