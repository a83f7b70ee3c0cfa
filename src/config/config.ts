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
  return { databaseUrl, embeddedDir, poolSize: numberSetting(env.DATABASE_POOL_SIZE, DEFAULT_POOL_SIZE, (n) => Number.isInteger(n) && n >= 1 && n <= 1000) };
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

/** The setting's number when it is one that `accepts` allows, else the fallback (unset, blank or out of range). */
function numberSetting(value: string | undefined, fallback: number, accepts: (n: number) => boolean): number {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) && accepts(n) ? n : fallback;
}

export function webConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  const isProduction = env.NODE_ENV === 'production';
  const oidc =
    env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET && env.OIDC_REDIRECT_URI
      ? { issuer: env.OIDC_ISSUER, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, redirectUri: env.OIDC_REDIRECT_URI }
      : null;
  return {
    port: Number(env.PORT ?? 3000),
    sessionTimeoutMinutes: numberSetting(env.SESSION_TIMEOUT_MINUTES, 30, (n) => n > 0),
    isProduction,
    oidc,
    trustProxy: env.TRUST_PROXY === 'true',
    pageCacheEntries: numberSetting(env.PAGE_CACHE_ENTRIES, 200, (n) => Number.isInteger(n) && n >= 0),
  };
}
