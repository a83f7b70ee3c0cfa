import pino from 'pino';
import type { Db } from '../../../src/persistence/database';
import { startWebServer } from '../../../src/main/web-server';
import { seedWeb, type SeededWeb } from '../../support/seed-web';
import { createTestDatabase } from '../../support/test-database';

/** The app on a random port against a fresh, seeded database (PGlite, or PostgreSQL with DATABASE_URL). */
export async function startSeededApp(): Promise<{ url: string; db: Db; seed: SeededWeb; stop: () => Promise<void> }> {
  process.env.LOG_LEVEL ??= 'silent';
  void pino;
  const db = await createTestDatabase();
  const seed = await seedWeb(db);
  const server = await startWebServer(db, { port: 0, host: '127.0.0.1' });
  return {
    url: server.url,
    db,
    seed,
    stop: async () => {
      await server.close();
      await db.close();
    },
  };
}
