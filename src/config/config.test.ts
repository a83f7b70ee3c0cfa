import { describe, expect, it } from 'vitest';
import { databaseConfig, DEFAULT_POOL_SIZE, SettingError, webConfig } from './config';

describe('settings read from the environment', () => {
  it.each([
    { value: undefined, poolSize: DEFAULT_POOL_SIZE },
    { value: '', poolSize: DEFAULT_POOL_SIZE },
    { value: '4', poolSize: 4 },
    { value: ' 1 ', poolSize: 1 },
  ])('DATABASE_POOL_SIZE=$value: $poolSize connections a process', ({ value, poolSize }) => {
    expect(databaseConfig({}, value === undefined ? {} : { DATABASE_POOL_SIZE: value }).poolSize).toBe(poolSize);
  });

  it.each([
    { value: '0' }, // a pool needs a connection
    { value: '2.5' },
    { value: 'many' },
    { value: '5000' }, // beyond any server's limit
  ])('DATABASE_POOL_SIZE=$value is refused, named with what it expects', ({ value }) => {
    expect(() => databaseConfig({}, { DATABASE_POOL_SIZE: value })).toThrow(SettingError);
    expect(() => databaseConfig({}, { DATABASE_POOL_SIZE: value })).toThrow(`DATABASE_POOL_SIZE: expected a whole number of connections from 1 to 1000, got "${value}"`);
  });

  it.each([
    { value: undefined, entries: 200 },
    { value: '0', entries: 0 },
    { value: '50', entries: 50 },
  ])('PAGE_CACHE_ENTRIES=$value: $entries pages kept', ({ value, entries }) => {
    expect(webConfig(value === undefined ? {} : { PAGE_CACHE_ENTRIES: value }).pageCacheEntries).toBe(entries);
  });

  it.each([
    { name: 'PAGE_CACHE_ENTRIES', value: '-1', expected: 'a whole number of pages, 0 or more' },
    { name: 'PAGE_CACHE_ENTRIES', value: 'none', expected: 'a whole number of pages, 0 or more' },
    { name: 'SESSION_TIMEOUT_MINUTES', value: '0', expected: 'a number of minutes above 0' },
    { name: 'SESSION_TIMEOUT_MINUTES', value: 'half an hour', expected: 'a number of minutes above 0' },
  ])('$name=$value is refused, named with what it expects', ({ name, value, expected }) => {
    expect(() => webConfig({ [name]: value })).toThrow(`${name}: expected ${expected}, got "${value}"`);
  });

  it('DATABASE_URL selects PostgreSQL, else the embedded database’s directory', () => {
    expect(databaseConfig({}, { DATABASE_URL: ' postgres://h/db ' })).toMatchObject({ databaseUrl: 'postgres://h/db' });
    expect(databaseConfig({}, {})).toMatchObject({ databaseUrl: null, embeddedDir: './data/rentwise' });
    expect(databaseConfig({ db: '/tmp/x' }, { RENTWISE_DB: '/tmp/y' })).toMatchObject({ embeddedDir: '/tmp/x' });
  });
});
