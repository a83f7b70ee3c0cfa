import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebTestApp, type Session, type WebTestApp } from '../../test/support/web-test-app';

/**
 * Every route, with every role and signed out: allowed or refused, as the issue sets out. Officers see
 * every account but act only on their own patch; seniors and managers act everywhere; managers approve;
 * administrators manage users, patches, the policy and the audit log and see no tenant's data, unless
 * also officers. POSTs send incomplete forms, so an allowed POST answers 400 (or a redirect) and changes nothing.
 */

type Who = 'anon' | 'officerNorth' | 'officerSouth' | 'officerNoPatch' | 'senior' | 'manager' | 'admin' | 'adminOfficer';
const EVERYONE: Who[] = ['anon', 'officerNorth', 'officerSouth', 'officerNoPatch', 'senior', 'manager', 'admin', 'adminOfficer'];
const SIGNED_IN = EVERYONE.filter((w) => w !== 'anon');
const CASES: Who[] = ['officerNorth', 'officerSouth', 'officerNoPatch', 'senior', 'manager', 'adminOfficer'];
/** May act on TEN-N001 (Northgate). adminOfficer is a Southbank officer. */
const ACT_NORTH: Who[] = ['officerNorth', 'senior', 'manager'];
const MANAGERS: Who[] = ['manager'];
const ADMINS: Who[] = ['admin', 'adminOfficer'];

interface Route {
  method: 'GET' | 'POST';
  path: string | ((ids: Ids) => string);
  allowed: Who[];
  body?: Record<string, string>;
}

interface Ids {
  followUpId: number;
  userId: number;
  patchId: number;
}

const ROUTES: Route[] = [
  { method: 'GET', path: '/', allowed: SIGNED_IN },
  { method: 'GET', path: '/worklist', allowed: [...CASES, 'admin'] }, // an administrator is sent on to the users page (no caseload)
  { method: 'GET', path: '/worklist?patch=all&action=send_letter_1&band=250_to_500&vulnerable=yes&tenure=secure&page=2', allowed: [...CASES, 'admin'] }, // the administrator: sent on, as above
  { method: 'POST', path: '/worklist/send-letter-1', allowed: CASES },
  { method: 'GET', path: '/worklist/tasks', allowed: CASES },
  { method: 'GET', path: '/worklist/tasks?patch=all&page=99', allowed: CASES },
  { method: 'GET', path: '/worklist/follow-ups', allowed: CASES },
  { method: 'GET', path: '/worklist/follow-ups?officer=1&page=2', allowed: CASES },
  { method: 'GET', path: '/search?q=smith', allowed: CASES },
  { method: 'GET', path: '/tenancies/TEN-N001', allowed: CASES },
  { method: 'GET', path: '/tenancies/TEN-N001/timeline', allowed: CASES },
  { method: 'GET', path: '/tenancies/TEN-N001/household', allowed: CASES },
  { method: 'GET', path: '/tenancies/TEN-N001/statement?format=csv', allowed: CASES },
  { method: 'GET', path: '/tenancies/TEN-N001/statement?format=pdf', allowed: CASES },
  { method: 'GET', path: '/tenancies/TEN-N001/letters/999999', allowed: CASES },
  ...['contact', 'note', 'follow-up', 'vulnerability', 'vulnerability-review', 'dispute', 'breathing-space'].flatMap((kind): Route[] => [
    { method: 'GET', path: `/tenancies/TEN-N001/record/${kind}`, allowed: ACT_NORTH },
    { method: 'POST', path: `/tenancies/TEN-N001/record/${kind}`, allowed: ACT_NORTH },
  ]),
  { method: 'GET', path: (ids) => `/tenancies/TEN-N001/events/${ids.followUpId}/close`, allowed: ACT_NORTH },
  { method: 'POST', path: (ids) => `/tenancies/TEN-N001/events/${ids.followUpId}/close`, allowed: ACT_NORTH, body: { note: 'x'.repeat(5000) } },
  { method: 'POST', path: '/tenancies/TEN-N001/tasks/999999', allowed: ACT_NORTH },
  { method: 'POST', path: '/tenancies/TEN-N001/decision/confirm', allowed: ACT_NORTH },
  { method: 'GET', path: '/tenancies/TEN-N001/decision/override', allowed: ACT_NORTH },
  { method: 'POST', path: '/tenancies/TEN-N001/decision/override', allowed: ACT_NORTH },
  { method: 'GET', path: '/tenancies/TEN-N001/decision/reject', allowed: ACT_NORTH },
  { method: 'POST', path: '/tenancies/TEN-N001/decision/reject', allowed: ACT_NORTH },
  { method: 'GET', path: '/tenancies/TEN-N001/court', allowed: CASES },
  ...['particulars.pdf', 'schedule.pdf', 'schedule.csv', 'pcol.csv', 'n325.pdf'].map((doc): Route => ({ method: 'GET', path: `/tenancies/TEN-N001/court/documents/${doc}`, allowed: CASES })),
  { method: 'GET', path: '/tenancies/TEN-N001/court/warrant', allowed: CASES },
  { method: 'POST', path: '/tenancies/TEN-N001/court/warrant', allowed: ACT_NORTH },
  ...['hearing', 'order', 'eviction', 'safeguards', 'outcome'].flatMap((kind): Route[] => [{ method: 'GET', path: `/tenancies/TEN-N001/court/${kind}`, allowed: ACT_NORTH }, { method: 'POST', path: `/tenancies/TEN-N001/court/${kind}`, allowed: ACT_NORTH }]),
  { method: 'GET', path: '/tenancies/TEN-N001/money', allowed: CASES },
  { method: 'GET', path: '/tenancies/TEN-N001/money/income-expenditure', allowed: ACT_NORTH },
  { method: 'POST', path: '/tenancies/TEN-N001/money/income-expenditure', allowed: ACT_NORTH },
  { method: 'GET', path: '/tenancies/TEN-N001/money/arrangement', allowed: ACT_NORTH },
  { method: 'POST', path: '/tenancies/TEN-N001/money/arrangement', allowed: ACT_NORTH },
  { method: 'POST', path: '/tenancies/TEN-N001/money/arrangements/999999/cancel', allowed: ACT_NORTH },
  { method: 'GET', path: '/tenancies/TEN-N001/benefits', allowed: CASES },
  { method: 'GET', path: '/tenancies/TEN-N001/benefits/new', allowed: ACT_NORTH },
  { method: 'POST', path: '/tenancies/TEN-N001/benefits', allowed: ACT_NORTH },
  { method: 'GET', path: '/tenancies/TEN-N001/benefits/999999/edit', allowed: ACT_NORTH },
  { method: 'POST', path: '/tenancies/TEN-N001/benefits/999999', allowed: ACT_NORTH },
  { method: 'POST', path: '/tenancies/TEN-N001/benefits/999999/end', allowed: ACT_NORTH },
  { method: 'GET', path: '/benefits/dwp-requests', allowed: CASES },
  { method: 'POST', path: '/benefits/dwp-requests.csv', allowed: CASES },
  { method: 'POST', path: '/benefits/dwp-requests/exports/999999/done', allowed: CASES },
  { method: 'GET', path: '/tenancies/TEN-N001/direct-debits', allowed: CASES },
  { method: 'GET', path: '/tenancies/TEN-N001/direct-debits/new', allowed: ACT_NORTH },
  { method: 'POST', path: '/tenancies/TEN-N001/direct-debits/new', allowed: ACT_NORTH },
  { method: 'POST', path: '/tenancies/TEN-N001/direct-debits/999999/cancel', allowed: ACT_NORTH },
  { method: 'GET', path: '/rent-change', allowed: ['senior', 'manager'] },
  { method: 'POST', path: '/rent-change', allowed: ['senior', 'manager'] },
  { method: 'POST', path: '/rent-change/apply', allowed: ['senior', 'manager'] },
  { method: 'GET', path: '/tenancies/TEN-N001/legal', allowed: CASES },
  ...['notice', 'psed'].map((form): Route => ({ method: 'GET', path: `/tenancies/TEN-N001/legal/${form}`, allowed: ACT_NORTH })),
  ...['pre-action', 'warning', 'claim', 'notice', 'psed'].map((form): Route => ({ method: 'POST', path: `/tenancies/TEN-N001/legal/${form}`, allowed: ACT_NORTH })),
  { method: 'GET', path: '/approvals', allowed: MANAGERS },
  { method: 'GET', path: '/approvals/999999', allowed: MANAGERS },
  { method: 'POST', path: '/approvals/999999', allowed: MANAGERS },
  { method: 'GET', path: '/admin', allowed: ADMINS },
  { method: 'GET', path: '/admin/users', allowed: ADMINS },
  { method: 'GET', path: '/admin/users/new', allowed: ADMINS },
  { method: 'POST', path: '/admin/users/new', allowed: ADMINS },
  { method: 'GET', path: (ids) => `/admin/users/${ids.userId}`, allowed: ADMINS },
  { method: 'POST', path: (ids) => `/admin/users/${ids.userId}`, allowed: ADMINS },
  { method: 'POST', path: (ids) => `/admin/users/${ids.userId}/password`, allowed: ADMINS },
  { method: 'GET', path: '/admin/patches', allowed: ADMINS },
  { method: 'POST', path: '/admin/patches', allowed: ADMINS },
  { method: 'POST', path: (ids) => `/admin/patches/${ids.patchId}`, allowed: ADMINS },
  { method: 'GET', path: '/admin/policy', allowed: ADMINS },
  { method: 'POST', path: '/admin/policy', allowed: ADMINS },
  { method: 'GET', path: '/admin/audit', allowed: ADMINS },
  { method: 'GET', path: '/admin/audit?actor=manager&ref=TEN-N001&action=read&from=2026-01-01&to=2026-12-31', allowed: ADMINS },
  { method: 'GET', path: '/api/v1/openapi.json', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/me', allowed: SIGNED_IN },
  { method: 'GET', path: '/api/v1/worklist', allowed: CASES },
  { method: 'GET', path: '/api/v1/tenancies/TEN-N001', allowed: CASES },
  { method: 'GET', path: '/api/v1/approvals', allowed: MANAGERS },
  { method: 'GET', path: '/api/v1/no-such-thing', allowed: SIGNED_IN },
  { method: 'GET', path: '/no-such-page', allowed: SIGNED_IN },
];

describe('every route with every role', () => {
  let t: WebTestApp;
  const clients = new Map<Who, Session>();
  let ids: Ids;

  beforeAll(async () => {
    t = await createWebTestApp();
    const [f] = await t.db.query<{ id: number }>(`SELECT id FROM case_events WHERE type = 'follow_up'`);
    ids = { followUpId: f!.id, userId: t.seed.users.officerNoPatch.id, patchId: t.seed.patches.south };
    clients.set('anon', await t.anonymous());
    for (const who of SIGNED_IN) clients.set(who, await t.signIn(t.seed.users[who].username));
  });
  afterAll(async () => t.close());

  for (const route of ROUTES) {
    const label = `${route.method} ${typeof route.path === 'string' ? route.path : route.path({ followUpId: 0, userId: 0, patchId: 0 }).replace(/\/0(\/|$)/, '/:id$1')}`;
    it(label, async () => {
      const path = typeof route.path === 'string' ? route.path : route.path(ids);
      const outcomes: string[] = [];
      for (const who of EVERYONE) {
        const client = clients.get(who)!;
        const res = route.method === 'GET' ? await client.agent.get(path) : await client.post(path, route.body);
        const api = path.startsWith('/api/');
        const toSignIn = (res.status === 302 || res.status === 303) && res.headers.location === '/sign-in';
        let got: string;
        if (who === 'anon') got = api ? (res.status === 401 ? 'refused' : `unexpected ${res.status}`) : toSignIn ? 'refused' : `unexpected ${res.status}`;
        else if (res.status === 403) got = 'refused';
        else if (res.status === 401 || toSignIn || res.status >= 500) got = `unexpected ${res.status}`;
        else got = 'allowed';
        const want = route.allowed.includes(who) ? 'allowed' : 'refused';
        outcomes.push(`${who}: ${got === want ? 'ok' : `${got}, wanted ${want} (${res.status})`}`);
      }
      expect(outcomes.filter((o) => !o.endsWith(': ok'))).toEqual([]);
    });
  }

  it('GET /health and the sign-in page need no sign-in', async () => {
    const { agent } = clients.get('anon')!;
    expect((await agent.get('/health')).status).toBe(200);
    expect((await agent.get('/sign-in')).status).toBe(200);
  });

  it('an administrator never sees tenant data: not even a name in a refusal', async () => {
    const { agent } = clients.get('admin')!;
    const worklist = await agent.get('/worklist?patch=all');
    expect(worklist.status).toBe(303); // sent on to the users page
    expect(worklist.headers.location).toBe('/admin/users');
    expect(worklist.text).not.toMatch(/Alice|Smith|Example Road|07700/);
    for (const path of ['/worklist/tasks', '/worklist/follow-ups', '/tenancies/TEN-N001', '/tenancies/TEN-N001/household', '/search?q=smith', '/api/v1/tenancies/TEN-N001', '/api/v1/worklist']) {
      const res = await agent.get(path);
      expect(res.status, path).toBe(403);
      expect(res.text, path).not.toMatch(/Alice|Smith|Example Road|07700/);
    }
  });

  it('nothing was changed by the refused and incomplete POSTs', async () => {
    const [events] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM case_events WHERE recorded_at > now() - interval '1 hour' AND idempotency_key IS NULL AND recorded_by IS NOT NULL AND type NOT IN ('contact', 'follow_up')`);
    expect(events!.n).toBe(0);
    expect((await t.db.query(`SELECT 1 FROM approvals`)).length).toBe(0);
    expect((await t.db.query(`SELECT 1 FROM letters`)).length).toBe(0);
  });

  it('POST /sign-out signs every role out', async () => {
    for (const who of SIGNED_IN) {
      const client = clients.get(who)!;
      const res = await client.post('/sign-out');
      expect(res.status, who).toBe(303);
      expect((await client.agent.get('/worklist')).headers.location, who).toBe('/sign-in');
    }
  });
});
