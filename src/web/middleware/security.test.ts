import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type WebTestApp } from '../../../test/support/web-test-app';
import { csrfFrom } from '../../../test/support/web-client';
import { createLogger } from '../logger';

describe('security: CSRF, sessions, headers, audit and logs', () => {
  let t: WebTestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    t = await createWebTestApp({ logger: createLogger({ level: 'info', destination }), config: { sessionTimeoutMinutes: 30 } });
  });
  afterAll(async () => t.close());

  const notes = async () => (await t.db.query(`SELECT 1 FROM case_events WHERE type = 'note'`)).length;

  it('a form posted without a CSRF token, or with a wrong one, answers 403 and changes nothing', async () => {
    const { agent, csrf } = await t.signIn('officer.northgate');
    const before = await notes();
    const without = await agent.post('/tenancies/TEN-N001/record/note').type('form').send({ note: 'no token' });
    expect(without.status).toBe(403);
    expect(without.text).toContain('data-qa="error-csrf"');
    const wrong = await agent.post('/tenancies/TEN-N001/record/note').type('form').send({ _csrf: `${csrf}x`, note: 'wrong token' });
    expect(wrong.status).toBe(403);
    expect(await notes()).toBe(before);
    const right = await agent.post('/tenancies/TEN-N001/record/note').type('form').send({ _csrf: csrf, note: 'right token' });
    expect(right.status).toBe(303);
    expect(await notes()).toBe(before + 1);
  });

  it('the sign-in and sign-out forms need the token too', async () => {
    const res = await request(t.app).post('/sign-in').type('form').send({ username: 'officer.northgate', password: t.seed.password });
    expect(res.status).toBe(403);
    const { agent } = await t.signIn('manager');
    expect((await agent.post('/sign-out').type('form').send({})).status).toBe(403);
    expect((await agent.get('/approvals')).status).toBe(200);
  });

  it('session cookies are HttpOnly and SameSite=Lax; the id changes at sign-in and only its hash is stored', async () => {
    const agent = request.agent(t.app);
    const page = await agent.get('/sign-in');
    const first = (page.headers['set-cookie'] as unknown as string[])[0]!;
    expect(first).toMatch(/HttpOnly/);
    expect(first).toMatch(/SameSite=Lax/);
    const res = await agent.post('/sign-in').type('form').send({ _csrf: csrfFrom(page.text), username: 'senior', password: t.seed.password });
    const second = (res.headers['set-cookie'] as unknown as string[])[0]!;
    const value = (c: string) => c.split(';')[0]!.split('=')[1]!;
    expect(value(second)).not.toBe(value(first));
    const stored = await t.db.query<{ id: string }>(`SELECT id FROM web_sessions WHERE id = $1`, [value(second)]);
    expect(stored).toEqual([]);
  });

  it('sessions end after the idle timeout (and not before: each request extends it)', async () => {
    const start = t.clock.now;
    try {
      const { agent } = await t.signIn('officer.southbank');
      t.clock.now = new Date(start.getTime() + 29 * 60_000);
      expect((await agent.get('/worklist')).status).toBe(200);
      t.clock.now = new Date(start.getTime() + 58 * 60_000);
      expect((await agent.get('/worklist')).status).toBe(200);
      t.clock.now = new Date(start.getTime() + 89 * 60_000);
      const res = await agent.get('/worklist');
      expect(res.status).toBe(303);
      expect(res.headers.location).toBe('/sign-in');
      const page = await agent.get('/sign-in');
      expect(page.text).toContain('inactive for 30 minutes');
    } finally {
      t.clock.now = start;
    }
  });

  it("a deactivated user's session ends at once", async () => {
    const { agent } = await t.signIn('officer.nopatch');
    await t.db.query(`UPDATE users SET active = false WHERE username = 'officer.nopatch'`);
    expect((await agent.get('/worklist')).headers.location).toBe('/sign-in');
    await t.db.query(`UPDATE users SET active = true WHERE username = 'officer.nopatch'`);
  });

  it('five wrong passwords lock the account for 15 minutes', async () => {
    const agent = request.agent(t.app);
    const token = csrfFrom((await agent.get('/sign-in')).text);
    for (let i = 0; i < 5; i += 1) {
      const res = await agent.post('/sign-in').type('form').send({ _csrf: token, username: 'manager2', password: 'wrong' });
      expect(res.status).toBe(400);
    }
    const locked = await agent.post('/sign-in').type('form').send({ _csrf: token, username: 'manager2', password: t.seed.password });
    expect(locked.status).toBe(400);
    expect(locked.text).toContain('Too many attempts');
    await t.db.query(`UPDATE users SET locked_until = NULL, failed_sign_ins = 0 WHERE username = 'manager2'`);
  });

  it('secure headers: a CSP with a per-response nonce on the one inline script, no framing, no caching, no x-powered-by', async () => {
    const res = await request(t.app).get('/sign-in');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(csp).toContain("object-src 'none'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).not.toContain('unsafe-inline');
    const inlineScripts = [...res.text.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBe(1);
    expect(inlineScripts[0]![1]).toContain(`nonce="${nonce}"`);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    // Never stored, so never revalidated: no ETag is worked out for a page.
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const again = await request(t.app).get('/sign-in');
    expect(again.headers['content-security-policy']).not.toContain(nonce);
  });

  it('serves GOV.UK Frontend and MOJ Frontend assets', async () => {
    for (const path of [
      '/assets/stylesheets/govuk-frontend.min.css',
      '/assets/stylesheets/moj-frontend.min.css',
      '/assets/stylesheets/app.css',
      '/assets/javascripts/govuk-frontend.min.js',
      '/assets/javascripts/moj-frontend.min.js',
      '/assets/javascripts/app.mjs',
      '/assets/fonts/bold-b542beb274-v2.woff2',
      '/assets/images/favicon.ico',
      '/assets/images/icon-document.svg',
    ]) {
      const res = await request(t.app).get(path);
      expect(res.status, path).toBe(200);
      // Assets are cached for a day and revalidated by their ETag.
      expect(res.headers.etag, path).toBeDefined();
    }
    expect((await request(t.app).get('/assets/nope.css')).status).toBe(404);
  });

  it('reads of personal data are audited: who, what, when, from where', async () => {
    const { agent } = await t.signIn('officer.northgate');
    await agent.get('/tenancies/TEN-N002/household');
    const rows = await t.db.query<{ actor: string; action: string; entity: string; tenancy_id: number; origin: string | null; at: Date }>(
      `SELECT actor, action, entity, tenancy_id, origin, at FROM audit_log WHERE entity = 'tenancy_contact' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({ actor: 'officer.northgate', action: 'read', tenancy_id: t.seed.tenancies['TEN-N002'] });
    expect(rows[0]!.origin).toMatch(/127\.0\.0\.1|::1|::ffff:127/);
    expect(rows[0]!.at.toISOString()).toBe(t.clock.now.toISOString());
  });

  it('forms that name the tenants are audited as reads too', async () => {
    const { agent } = await t.signIn('officer.northgate');
    for (const [path, page] of [['/tenancies/TEN-N002/record/note', 'record_note'], ['/tenancies/TEN-N002/record/contact', 'record_contact'], ['/tenancies/TEN-N002/decision/override', 'decision_override']] as const) {
      const res = await agent.get(path);
      expect(res.status, path).toBe(200);
      const [row] = await t.db.query<{ actor: string; details: { page?: string }; tenancy_id: number }>(`SELECT actor, details, tenancy_id FROM audit_log WHERE action = 'read' ORDER BY id DESC LIMIT 1`);
      expect(row, path).toMatchObject({ actor: 'officer.northgate', tenancy_id: t.seed.tenancies['TEN-N002'], details: { page } });
    }
  });

  it('logs carry no personal data: no bodies, passwords, names or search text', async () => {
    const officer = await t.signIn('officer.northgate');
    await officer.post('/tenancies/TEN-N001/record/note', { note: 'Spoke to Alice Smith at 12 Example Road' });
    await officer.agent.get('/search?q=Alice%20Smith');
    const all = logLines.join('');
    expect(all).toContain('"path":"/search"');
    expect(all).not.toMatch(/Alice|Example Road|seed-password/);
  });

  it('the logger redacts personal fields wherever code logs them', () => {
    const lines: string[] = [];
    const logger = createLogger({ destination: new Writable({ write: (c: Buffer, _e, done) => (lines.push(c.toString()), done()) }) });
    logger.info({ body: { note: 'x' }, tenant: { name: 'Alice Smith', phone: '07700', email: 'a@b.c', address: '12 Road' }, names: 'A & B', q: 'smith' }, 'test');
    expect(lines.join('')).not.toMatch(/Alice|07700|a@b\.c|12 Road|A & B|smith|"note"/);
    expect(lines.join('')).toContain('[redacted]');
  });

  it('a database error is logged without the values of its statement or its detail', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: new Writable({ write: (c: Buffer, _e, done) => (lines.push(c.toString()), done()) }) });
    const error = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021', query: "SELECT … WHERE name ILIKE 'PLACEHOLDERWOOD%'", params: ['PLACEHOLDERWOOD%', 'ab1 2cd'], detail: 'Key (name)=(Alice Smith) already exists.', where: 'Alice' });
    logger.error({ err: error }, 'request failed');
    const logged = lines.join('');
    expect(logged).not.toMatch(/PLACEHOLDERWOOD|ab1 2cd|Alice/);
    expect(logged).toContain('invalid byte sequence');
    expect(logged).toContain('22021');
  });

  it('a NUL byte in an address, a query or a field is refused (404 or 400), never a database error', async () => {
    const officer = await t.signIn('officer.northgate');
    const { agent } = officer;
    for (const path of ['/tenancies/%00', '/tenancies/TEN-N001%00', '/tenancies/%00/statement?format=csv', '/tenancies/%00/timeline']) expect((await agent.get(path)).status, path).toBe(404);
    const api = await agent.get('/api/v1/tenancies/%00');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    for (const path of ['/search?q=a%00b', '/search?q=%00', '/worklist?caseworker=%00']) expect((await agent.get(path)).status, path).toBe(400);
    const before = await notes();
    expect((await officer.post('/tenancies/TEN-N001/record/note', { note: 'with\0nul' })).status).toBe(400);
    expect(await notes()).toBe(before);
    const signIn = await request(t.app).get('/sign-in');
    const cookie = signIn.headers['set-cookie'];
    expect((await request(t.app).post('/sign-in').set('Cookie', cookie!).type('form').send({ _csrf: csrfFrom(signIn.text), username: 'officer\0', password: 'x' })).status).toBe(400);
    // Signed out, the usual answers come first.
    expect((await request(t.app).get('/tenancies/%00')).headers.location).toBe('/sign-in');
    expect((await request(t.app).get('/api/v1/tenancies/%00')).status).toBe(401);
  });
});
