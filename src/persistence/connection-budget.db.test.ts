import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/support/test-database';
import { readConnectionLimits } from './connection-budget';
import type { Db } from './database';

describe('the server’s connection limits, read', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => db.close());

  it('are the server’s settings and its client connections on PostgreSQL, and none on the embedded database', async () => {
    const limits = await readConnectionLimits(db);
    if (db.kind === 'pglite') {
      expect(limits).toBeNull();
      return;
    }
    const [settings] = await db.query<{ max: string; reserved: string }>(`SELECT current_setting('max_connections') AS max, current_setting('superuser_reserved_connections') AS reserved`);
    expect(limits).toMatchObject({ maxConnections: Number(settings!.max) });
    expect(limits!.reservedConnections).toBeGreaterThanOrEqual(Number(settings!.reserved));
    expect(limits!.openConnections).toBeGreaterThanOrEqual(1); // the one that asked
    expect(limits!.openConnections).toBeLessThanOrEqual(limits!.maxConnections);
  });
});
