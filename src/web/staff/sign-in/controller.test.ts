import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfFrom } from '../../../../test/support/web-client';
import { createWebTestApp, type WebTestApp } from '../../../../test/support/web-test-app';
import type { OidcChecks, OidcProvider } from './oidc';

/** A provider that "authenticates" whoever the callback's `code` names. */
function fakeProvider(): OidcProvider & { lastChecks: OidcChecks | null } {
  const p = {
    lastChecks: null as OidcChecks | null,
    async authorizationUrl(checks: OidcChecks) {
      p.lastChecks = checks;
      return `https://idp.example/authorize?state=${checks.state}`;
    },
    async callback(url: URL, checks: OidcChecks) {
      if (url.searchParams.get('state') !== checks.state) throw new Error('state mismatch');
      const who = url.searchParams.get('code') ?? '';
      return { subject: `sub-${who}`, username: who, email: null, name: null };
    },
  };
  return p;
}

describe('sign-in, sign-out and single sign-on', () => {
  let t: WebTestApp;
  const provider = fakeProvider();
  beforeAll(async () => {
    t = await createWebTestApp({ oidc: provider });
  });
  afterAll(async () => t.close());

  it('redirects signed-out pages to /sign-in, and a correct password to /worklist', async () => {
    const agent = request.agent(t.app);
    expect((await agent.get('/worklist')).headers.location).toBe('/sign-in');
    const token = csrfFrom((await agent.get('/sign-in')).text);
    const res = await agent.post('/sign-in').type('form').send({ _csrf: token, username: 'Officer.Northgate', password: t.seed.password });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/worklist');
    expect((await agent.get('/sign-in')).headers.location).toBe('/worklist');
  });

  it('sends administrators to /worklist too, and on from there to the users page (they have no caseload)', async () => {
    const agent = request.agent(t.app);
    const token = csrfFrom((await agent.get('/sign-in')).text);
    const res = await agent.post('/sign-in').type('form').send({ _csrf: token, username: 'admin', password: t.seed.password });
    expect(res.headers.location).toBe('/worklist');
    const worklist = await agent.get('/worklist');
    expect(worklist.status).toBe(303);
    expect(worklist.headers.location).toBe('/admin/users');
    expect((await agent.get('/worklist/tasks')).status).toBe(403);
  });

  it('refuses a wrong password or an empty form with the form again (400), and audits the failure', async () => {
    const agent = request.agent(t.app);
    const token = csrfFrom((await agent.get('/sign-in')).text);
    const empty = await agent.post('/sign-in').type('form').send({ _csrf: token });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Enter your username');
    const wrong = await agent.post('/sign-in').type('form').send({ _csrf: token, username: 'senior', password: 'nope' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('Enter a correct username and password');
    const unknown = await agent.post('/sign-in').type('form').send({ _csrf: token, username: 'nobody', password: 'nope' });
    expect(unknown.status).toBe(400);
    const audited = await t.db.query<{ actor: string }>(`SELECT actor FROM audit_log WHERE action = 'sign_in_failed' ORDER BY id`);
    expect(audited.map((a) => a.actor)).toEqual(['senior', 'nobody']);
  });

  it('signs out with POST /sign-out', async () => {
    const senior = await t.signIn('senior');
    const { agent } = senior;
    const res = await senior.post('/sign-out');
    expect(res.headers.location).toBe('/sign-in?signed-out');
    expect((await agent.get('/sign-in?signed-out')).text).toContain('You have signed out');
    expect((await agent.get('/worklist')).headers.location).toBe('/sign-in');
  });

  it('single sign-on: links an existing account by username on first use, then by subject', async () => {
    const agent = request.agent(t.app);
    const start = await agent.get('/sign-in/oidc');
    expect(start.headers.location).toMatch(/^https:\/\/idp\.example\/authorize/);
    const state = provider.lastChecks!.state;
    const back = await agent.get(`/sign-in/oidc/callback?code=manager&state=${state}`);
    expect(back.status).toBe(303);
    expect(back.headers.location).toBe('/worklist');
    const [row] = await t.db.query<{ oidc_subject: string }>(`SELECT oidc_subject FROM users WHERE username = 'manager'`);
    expect(row!.oidc_subject).toBe('sub-manager');
    expect((await agent.get('/approvals')).status).toBe(200);
  });

  it('single sign-on refuses people without an account, and a callback without a started sign-in', async () => {
    const agent = request.agent(t.app);
    await agent.get('/sign-in/oidc');
    const res = await agent.get(`/sign-in/oidc/callback?code=stranger&state=${provider.lastChecks!.state}`);
    expect(res.status).toBe(403);
    expect((await request(t.app).get('/sign-in/oidc/callback?code=manager&state=x')).status).toBe(400);
  });
});

describe('single sign-on switched off', () => {
  it('has no OIDC routes when OIDC_ISSUER is not set', async () => {
    const t = await createWebTestApp({ oidc: null });
    try {
      expect((await request(t.app).get('/sign-in/oidc')).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
