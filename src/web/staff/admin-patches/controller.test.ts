import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type WebTestApp } from '../../../../test/support/web-test-app';

describe('/admin/patches', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await createWebTestApp();
  });
  afterAll(async () => t.close());

  it('adds and renames patches, refusing duplicates and blanks', async () => {
    const admin = await t.signIn('admin');
    const post = (path: string, name: string) => admin.post(path, { name });
    expect((await post('/admin/patches', '  Eastfield  ')).status).toBe(303);
    expect((await post('/admin/patches', 'Eastfield')).status).toBe(400);
    expect((await post('/admin/patches', '')).status).toBe(400);
    const [east] = await t.db.query<{ id: number }>(`SELECT id FROM patches WHERE name = 'Eastfield'`);
    expect((await post(`/admin/patches/${east!.id}`, 'Northgate')).status).toBe(400);
    expect((await post(`/admin/patches/${east!.id}`, 'East Field')).status).toBe(303);
    expect((await admin.agent.get('/admin/patches')).text).toContain('East Field');
    expect((await post('/admin/patches/99999', 'x')).status).toBe(404);
  });
});
