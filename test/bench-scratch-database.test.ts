import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../bench/scratch-database';

describe('the benchmark’s database of its own', () => {
  it.runIf(process.env.DATABASE_URL)('names what to do when the role of DATABASE_URL may not create a database', async () => {
    const url = process.env.DATABASE_URL!;
    const role = `rw_bench_nocreate_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const saved = process.env.DATABASE_URL;
    try {
      await admin.query(`CREATE ROLE ${role} NOLOGIN NOCREATEDB`);
      // The same login, acting as the role from the start of each session (so no password of its own is needed).
      const asRole = new URL(url);
      asRole.searchParams.set('options', `-c role=${role}`);
      process.env.DATABASE_URL = asRole.toString();
      await expect(freshDatabase('default')).rejects.toThrow(/may not create one: give it the right \(ALTER ROLE … CREATEDB\)/);
    } finally {
      process.env.DATABASE_URL = saved;
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });
});
