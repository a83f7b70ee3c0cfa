import { describe, expect, it } from 'vitest';
import { databaseConfig, DEFAULT_POOL_SIZE, webConfig } from './config';

describe('settings read from the environment', () => {
  it.each([
    { value: undefined, poolSize: DEFAULT_POOL_SIZE },
    { value: '', poolSize: DEFAULT_POOL_SIZE },
    { value: '4', poolSize: 4 },
    { value: '1', poolSize: 1 },
    { value: '0', poolSize: DEFAULT_POOL_SIZE }, // a pool needs a connection
    { value: '2.5', poolSize: DEFAULT_POOL_SIZE },
    { value: 'many', poolSize: DEFAULT_POOL_SIZE },
    { value: '5000', poolSize: DEFAULT_POOL_SIZE }, // beyond any server's limit
  ])('DATABASE_POOL_SIZE=$value: $poolSize connections a process', ({ value, poolSize }) => {
    expect(databaseConfig({}, value === undefined ? {} : { DATABASE_POOL_SIZE: value }).poolSize).toBe(poolSize);
  });

  it.each([
    { value: undefined, entries: 200 },
    { value: '0', entries: 0 },
    { value: '50', entries: 50 },
    { value: '-1', entries: 200 },
    { value: 'none', entries: 200 },
  ])('PAGE_CACHE_ENTRIES=$value: $entries pages kept', ({ value, entries }) => {
    expect(webConfig(value === undefined ? {} : { PAGE_CACHE_ENTRIES: value }).pageCacheEntries).toBe(entries);
  });

  it('DATABASE_URL selects PostgreSQL, else the embedded database’s directory', () => {
    expect(databaseConfig({}, { DATABASE_URL: ' postgres://h/db ' })).toMatchObject({ databaseUrl: 'postgres://h/db' });
    expect(databaseConfig({}, {})).toMatchObject({ databaseUrl: null, embeddedDir: './data/rentwise' });
    expect(databaseConfig({ db: '/tmp/x' }, { RENTWISE_DB: '/tmp/y' })).toMatchObject({ embeddedDir: '/tmp/x' });
  });
});
