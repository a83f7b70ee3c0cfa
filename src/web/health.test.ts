import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Db } from '../persistence/database';
import { healthRoutes } from './health';
import express from 'express';

function appWith(db: Partial<Db>) {
  const app = express();
  app.use(healthRoutes(db as Db));
  return app;
}

describe('GET /health', () => {
  it('is 200 { status: ok, database: ok } when the database answers', async () => {
    const res = await request(appWith({ query: async () => [] as never[] })).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('is 503 when it does not', async () => {
    const res = await request(appWith({ query: async () => Promise.reject(new Error('down')) })).get('/health');
    expect(res.status).toBe(503);
    expect(res.body.database).not.toBe('ok');
  });
});
