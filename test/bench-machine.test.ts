import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeMachine, machineLine, REPORTED_SETTINGS } from '../bench/machine';
import type { Db } from '../src/persistence/database';
import { createTestDatabase } from './support/test-database';

describe('the machine the benchmark reports', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it('names the cores, the memory and the database server with each setting it reports', async () => {
    const m = await describeMachine(db);
    expect(m.cores).toBeGreaterThan(0);
    expect(m.memoryGiB).toBeGreaterThan(0);
    expect(m.node).toBe(process.version);
    expect(m.database.kind).toBe(db.kind);
    expect(m.database.version).toMatch(/^\d+(\.\d+)?/);
    expect(Object.keys(m.database.settings)).toEqual([...REPORTED_SETTINGS]);
    for (const name of REPORTED_SETTINGS) expect(m.database.settings[name], name).not.toBe('');
    expect(m.database.settings.fsync).toMatch(/^(on|off)$/);
    expect(machineLine(m)).toContain(`shared_buffers ${m.database.settings.shared_buffers}`);
  });

  it("gives JIT compilation as the server's, not as Rentwise's connections set it for themselves", async () => {
    const serverJit = (await db.query<{ value: string }>(`SELECT reset_val AS value FROM pg_settings WHERE name = 'jit'`))[0]?.value;
    const m = await describeMachine(db);
    expect(m.database.settings.jit).toBe(serverJit);
  });
});
