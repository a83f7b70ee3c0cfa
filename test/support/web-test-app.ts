import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { createWebApp, type WebDeps } from '../../src/web/app';
import type { Db } from '../../src/persistence/database';
import { seedWeb, type SeededWeb } from './seed-web';
import { createTestDatabase } from './test-database';
import { csrfFrom } from './web-client';

export type Agent = ReturnType<typeof request.agent>;

/** A form's fields as a browser sends them (a field named twice, such as a group of checkboxes, as a list). */
export type FormBody = Record<string, string | string[]>;

/** A cookie-keeping client with its session's CSRF token. */
export interface Session {
  agent: Agent;
  csrf: string;
  /** Posts `body` to `path` as a form of the session's pages does, with its CSRF token. */
  post(path: string, body?: FormBody): ReturnType<Agent['post']>;
}

export interface WebTestApp {
  app: Express;
  db: Db;
  seed: SeededWeb;
  clock: { now: Date };
  /** A cookie-keeping client signed in as `username`, with the session's CSRF token. */
  signIn(username: string): Promise<Session>;
  /** A signed-out client with a session (and so a CSRF token) from the sign-in page. */
  anonymous(): Promise<Session>;
  /**
   * Another app over the same database and clock, as another serving process of one server is: `as(agent)` is a
   * client of it with `agent`'s cookies, so its session.
   */
  anotherProcess(overrides?: Partial<WebDeps>, options?: { wrapDb?: (db: Db) => Db }): { app: Express; as(agent: Agent): Agent };
  close(): Promise<void>;
}

/**
 * The web app over a fresh seeded database, with a clock the test can move (sessions, audit times). `wrapDb`
 * gives the app its own view of the database (e.g. one that counts the statements it sends).
 */
export async function createWebTestApp(overrides: Partial<WebDeps> = {}, options: { wrapDb?: (db: Db) => Db } = {}): Promise<WebTestApp> {
  const db = await createTestDatabase();
  const seed = await seedWeb(db);
  const clock = { now: new Date('2026-11-23T10:00:00Z') };
  const appOver = (deps: Partial<WebDeps>, wrapDb: ((db: Db) => Db) | undefined) =>
    createWebApp({ db: wrapDb ? wrapDb(db) : db, logger: pino({ level: 'silent' }), now: () => clock.now, ...deps });
  const app = appOver(overrides, options.wrapDb);
  return {
    app,
    db,
    seed,
    clock,
    async signIn(username) {
      const agent = request.agent(app);
      const page = await agent.get('/sign-in');
      const res = await sessionOf(agent, csrfFrom(page.text)).post('/sign-in', { username, password: seed.password });
      if (res.status !== 303) throw new Error(`sign-in as ${username} failed: ${res.status}`);
      const home = await agent.get(res.headers.location as string).redirects(2); // an administrator goes on to the users page
      return sessionOf(agent, csrfFrom(home.text));
    },
    async anonymous() {
      const agent = request.agent(app);
      const page = await agent.get('/sign-in');
      return sessionOf(agent, csrfFrom(page.text));
    },
    anotherProcess(otherOverrides = {}, otherOptions = {}) {
      const other = appOver(otherOverrides, otherOptions.wrapDb);
      return {
        app: other,
        as(agent) {
          const client = request.agent(other);
          client.jar = agent.jar;
          return client;
        },
      };
    },
    close: () => db.close(),
  };
}

function sessionOf(agent: Agent, csrf: string): Session {
  return { agent, csrf, post: (path, body = {}) => agent.post(path).type('form').send({ _csrf: csrf, ...body }) };
}
