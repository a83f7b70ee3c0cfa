import type { Express } from 'express';
import request from 'supertest';
type TestAgent = request.Agent;

/** The CSRF token of a page's first form (`name="_csrf"`). */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF token on the page');
  return m[1]!;
}

/** A supertest agent (keeps cookies) signed in as `username`; also returns a fresh CSRF token. */
export async function signedInAgent(app: Express, username: string, password: string): Promise<{ agent: TestAgent; csrf: string }> {
  const agent = request.agent(app);
  const page = await agent.get('/sign-in');
  const token = csrfFrom(page.text);
  const res = await agent.post('/sign-in').type('form').send({ _csrf: token, username, password });
  if (res.status !== 303) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  const next = await agent.get(res.headers.location === '/worklist' ? '/worklist' : '/admin/users');
  return { agent, csrf: csrfFrom(next.text) };
}
