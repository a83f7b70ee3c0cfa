import type { Logger } from 'pino';
import type nunjucks from 'nunjucks';
import { audit, type AuditContext } from '../application/audit/audit';
import type { CaseContext } from '../application/case-events/case-access';
import type { Actor } from '../application/users/permissions';
import type { WebConfig } from '../config/config';
import type { BusinessDate } from '../domain/calendar/business-date';
import type { Db } from '../persistence/database';
import { latestAssessmentDate } from '../persistence/stores/worklist-store';
import { HttpError } from './http-error';
import type { PageCache, SharedPages } from './page-cache';
import type { Request } from 'express';
import type { OidcProvider } from './staff/sign-in/oidc';

/** What createWebApp needs from outside. Everything but `db` has a default. */
export interface WebDeps {
  db: Db;
  /** The clock (sessions, audit times, "today" when nothing is assessed yet). */
  now?: () => Date;
  /** The business "today" of the pages; default: the latest assessment date, else today in London. */
  today?: () => BusinessDate | Promise<BusinessDate>;
  logger?: Logger;
  config?: Partial<WebConfig>;
  /** Pages kept for every serving process of the server (`rentwise serve --workers N`); default: none. */
  sharedPages?: SharedPages | null;
  /** An OpenID Connect provider (tests inject one); default: from config.oidc when set. */
  oidc?: OidcProvider | null;
}

/** What every controller gets. */
export interface WebContext {
  db: Db;
  now: () => Date;
  /** The business "today" (see `WebDeps.today`), read through `db` when given (to go in one round trip with a page's other reads). */
  today: (db?: Db) => Promise<BusinessDate>;
  logger: Logger;
  config: WebConfig;
  env: nunjucks.Environment;
  csrfToken: (req: Request) => string;
  oidc: OidcProvider | null;
  /** Rendered pages kept in this process (the worklist's), or null when PAGE_CACHE_ENTRIES is 0. */
  pageCache: PageCache | null;
  /** The server's other processes' kept pages (null: this process is the only one, or keeps none). */
  sharedPages: SharedPages | null;
}

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

export function londonDate(now: Date): BusinessDate {
  return LONDON_DATE.format(now);
}

export function todayFrom(deps: Pick<WebDeps, 'db' | 'today'>, now: () => Date): (db?: Db) => Promise<BusinessDate> {
  if (deps.today) {
    const today = deps.today;
    return async () => today();
  }
  return async (db = deps.db) => (await latestAssessmentDate(db)) ?? londonDate(now());
}

/**
 * The pages' business date for this request: the one read with its session (in the same round trip, `sessions`'
 * `businessDate`), else read now (through `db` when given).
 */
export async function todayOf(ctx: WebContext, req: Request, db?: Db): Promise<BusinessDate> {
  return req.webSession?.businessDate ?? (await ctx.today(db));
}

/** The signed-in actor (the route is behind requireSignIn). */
export function actorOf(req: Request): Actor {
  if (!req.actor) throw new HttpError(401, 'Sign in');
  return req.actor;
}

export function auditContext(ctx: WebContext, req: Request): AuditContext {
  return { actor: req.actor?.username ?? 'anonymous', origin: req.ip ?? req.socket.remoteAddress ?? null, now: ctx.now() };
}

/** Audits the read of a page of one tenancy (it shows the tenants' personal data): `page` names which. */
export async function auditTenancyPageRead(ctx: WebContext, req: Request, tenancy: { id: number; ref: string }, page: string, db: Db = ctx.db): Promise<void> {
  await audit(db, auditContext(ctx, req), [{ action: 'read', entity: 'tenancy', entityId: tenancy.ref, tenancyId: tenancy.id, details: { page } }]);
}

export async function caseContext(ctx: WebContext, req: Request): Promise<CaseContext> {
  return {
    db: ctx.db,
    actor: actorOf(req),
    audit: auditContext(ctx, req),
    today: await todayOf(ctx, req),
    onReassessError: (error) => ctx.logger.error({ err: error }, 're-assessment after a decision failed'),
  };
}
