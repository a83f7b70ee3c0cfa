import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import pino from 'pino';
import { createTestDatabase } from '../../test/support/test-database';
import { seedWeb, type SeededWeb } from '../../test/support/seed-web';
import { signedInAgent } from '../../test/support/web-client';
import type { Db } from '../persistence/database';
import { createWebApp } from './app';

describe('smoke', () => {
  let db: Db;
  let seed: SeededWeb;
  let app: ReturnType<typeof createWebApp>;
  beforeAll(async () => {
    db = await createTestDatabase();
    seed = await seedWeb(db);
    app = createWebApp({ db, logger: pino({ level: 'silent' }), now: () => new Date('2026-11-23T10:00:00Z') });
  });
  afterAll(async () => db.close());

  it('works', async () => {
    expect((await request(app).get('/health')).body).toEqual({ status: 'ok', database: 'ok' });
    const { agent } = await signedInAgent(app, 'officer.northgate', seed.password);
    const w = await agent.get('/worklist');
    expect(w.status).toBe(200);
    const a = await agent.get('/tenancies/TEN-N001');
    if (a.status !== 200) console.log(a.text.slice(0, 2000));
    expect(a.status).toBe(200);
    for (const p of ['/tenancies/TEN-N001/timeline', '/tenancies/TEN-N001/household', '/search?q=smith', '/api/v1/worklist', '/api/v1/tenancies/TEN-N001', '/tenancies/TEN-N001/record/contact']) {
      const r = await agent.get(p);
      if (r.status !== 200) console.log(p, r.text.slice(0, 3000));
      expect(r.status, p).toBe(200);
    }
  });
});
