import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type WebTestApp } from '../../test/support/web-test-app';
import { cookieName } from '../web/middleware/session';
import { openApiDocument } from './openapi';

describe('the JSON API under /api/v1', () => {
  let t: WebTestApp;
  beforeAll(async () => {
    t = await createWebTestApp();
  });
  afterAll(async () => t.close());

  it('answers 401 problem JSON to anyone signed out, on every path including unknown ones', async () => {
    for (const path of ['/api/v1/openapi.json', '/api/v1/worklist', '/api/v1/tenancies/TEN-N001', '/api/v1/nothing/here', '/api/v1']) {
      const res = await request(t.app).get(path);
      expect(res.status, path).toBe(401);
      expect(res.headers['content-type'], path).toContain('application/problem+json');
      expect(JSON.parse(res.text)).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
    // Whatever the method: a signed-out call is unauthenticated before it is anything else.
    for (const method of ['post', 'put', 'patch', 'delete'] as const) {
      const res = await request(t.app)[method]('/api/v1/approvals');
      expect(res.status, method).toBe(401);
      expect(JSON.parse(res.text)).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
  });

  it('refuses a signed-in call that would change something without the CSRF token (403)', async () => {
    const { agent } = await t.signIn('officer.northgate');
    expect((await agent.post('/api/v1/worklist')).status).toBe(403);
    expect((await agent.delete('/api/v1/tenancies/TEN-N001')).status).toBe(403);
  });

  it('describes itself with an OpenAPI 3.1 document', async () => {
    const { agent } = await t.signIn('officer.northgate');
    const res = await agent.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/openapi.json', '/worklist', '/tenancies/{ref}', '/approvals', '/me']));
    for (const [path, item] of Object.entries(res.body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)) {
      expect(item.get!.responses['200'], path).toBeDefined();
      expect(item.get!.responses['401'], path).toBeDefined();
    }
  });

  it('names the session cookie in use (the __Host- one in production)', async () => {
    const signIn = await request(t.app).get('/sign-in');
    const cookie = String(signIn.headers['set-cookie']?.[0] ?? '');
    const { agent } = await t.signIn('officer.northgate');
    const documented = (await agent.get('/api/v1/openapi.json')).body.components.securitySchemes.sessionCookie.name as string;
    expect(cookie.startsWith(`${documented}=`)).toBe(true);
    expect((openApiDocument(cookieName(true)).components as { securitySchemes: { sessionCookie: { name: string } } }).securitySchemes.sessionCookie.name).toBe('__Host-rentwise_session');
  });

  it('GET /worklist gives the caseload as JSON, in pence, by priority', async () => {
    const { agent } = await t.signIn('officer.northgate');
    const res = await agent.get('/api/v1/worklist');
    expect(res.status).toBe(200);
    // Personal data: never stored, so no ETag is worked out for it.
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
    expect(res.body).toMatchObject({ asOf: '2026-11-23', page: 1, pageSize: 50, total: 3 });
    expect(res.body.items.map((i: { tenancyRef: string }) => i.tenancyRef)).toEqual(['TEN-N002', 'TEN-N001', 'TEN-N003']);
    expect(res.body.items[1]).toMatchObject({ tenancyRef: 'TEN-N001', names: ['Alice Smith'], action: 'send_letter_1', realArrearsPence: 20000, flags: { vulnerable: true }, canAct: true });
    expect(res.body.countsByAction).toEqual({ apply_for_possession: 1, send_letter_1: 2 });
  });

  it('GET /tenancies/{ref}: the account with its assessment; 404 and 403 as problem JSON', async () => {
    const { agent } = await t.signIn('officer.southbank');
    const res = await agent.get('/api/v1/tenancies/TEN-N002');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tenancyRef: 'TEN-N002', tenants: ['Bob Jones', 'Carol Jones'], patch: 'Northgate', balancePence: 135000, canAct: false, legalStage: 'Notice served (NOSP)' });
    expect(res.body.assessment).toMatchObject({ recommendation: { action: 'apply_for_possession', needsApproval: true }, policyVersion: 1 });
    expect(res.body.assessment.trace).toHaveLength(3);
    expect(res.body.subAccounts).toEqual([{ kind: 'rent', balancePence: 135000 }]);
    const missing = await agent.get('/api/v1/tenancies/NOPE');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const admin = await t.signIn('admin');
    expect((await admin.agent.get('/api/v1/tenancies/TEN-N002')).status).toBe(403);
    expect((await admin.agent.get('/api/v1/worklist')).status).toBe(403);
    expect((await admin.agent.get('/api/v1/nothing')).status).toBe(404);
    expect((await admin.agent.get('/api/v1/me')).body).toMatchObject({ username: 'admin', roles: ['admin'] });
  });
});
