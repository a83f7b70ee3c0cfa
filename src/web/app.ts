import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { join } from 'node:path';
import { canSeeCases } from '../application/users/permissions';
import { webConfig, type WebConfig } from '../config/config';
import { apiRouter } from '../api/app';
import { todayFrom, type WebContext, type WebDeps } from './context';
import { healthRoutes } from './health';
import { createLogger } from './logger';
import { currentUser, requireSignIn } from './middleware/authorise';
import { csrfProtection } from './middleware/csrf';
import { refuseNulBytes } from './middleware/nul-bytes';
import { errorHandler, isApiRequest, notFoundHandler } from './middleware/errors';
import { pageLocals } from './middleware/page-locals';
import { requestLogger } from './middleware/request-logger';
import { securityHeaders } from './middleware/security-headers';
import { sessions } from './middleware/session';
import { createNunjucksEnvironment, GOVUK_FRONTEND_DIST, MOJ_FRONTEND_DIR, WEB_DIR } from './nunjucks';
import { PAGE_CACHE_MAX_AGE_MS, PageCache } from './page-cache';
import { staffRoutes } from './staff/routes';
import { openIdConnectProvider } from './staff/sign-in/oidc';
import { signInRoutes } from './staff/sign-in/routes';

export type { WebDeps } from './context';

function staticAssets(app: Express): void {
  const longCache = { maxAge: '1d', index: false as const, fallthrough: true };
  const file = (path: string) => (_req: Request, res: Response) => res.sendFile(path, { maxAge: '1d' });
  app.get('/assets/stylesheets/govuk-frontend.min.css', file(join(GOVUK_FRONTEND_DIST, 'govuk', 'govuk-frontend.min.css')));
  app.get('/assets/stylesheets/moj-frontend.min.css', file(join(MOJ_FRONTEND_DIR, 'moj', 'moj-frontend.min.css')));
  app.get('/assets/javascripts/govuk-frontend.min.js', file(join(GOVUK_FRONTEND_DIST, 'govuk', 'govuk-frontend.min.js')));
  app.get('/assets/javascripts/moj-frontend.min.js', file(join(MOJ_FRONTEND_DIR, 'moj', 'moj-frontend.min.js')));
  app.use('/assets', express.static(join(WEB_DIR, 'public'), longCache));
  app.use('/assets', express.static(join(GOVUK_FRONTEND_DIST, 'govuk', 'assets'), longCache));
  app.use('/assets', express.static(join(MOJ_FRONTEND_DIR, 'moj', 'assets'), longCache));
  app.use('/assets', (_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
}

/**
 * The officers' web workspace and the JSON API, as one express app. Middleware order: logging, secure
 * headers, static assets and /health (no session), then sessions, CSRF, the signed-in user, pages, the
 * API, 404 and the error handler.
 */
export function createWebApp(deps: WebDeps): Express {
  const base = webConfig();
  const config: WebConfig = { ...base, ...(deps.config ?? {}) };
  const now = deps.now ?? (() => new Date());
  const logger = deps.logger ?? createLogger();
  const env = createNunjucksEnvironment();
  const csrf = csrfProtection();
  const oidc = deps.oidc !== undefined ? deps.oidc : config.oidc ? openIdConnectProvider(config.oidc) : null;
  const pageCache = config.pageCacheEntries > 0 ? new PageCache({ maxEntries: config.pageCacheEntries, maxAgeMs: PAGE_CACHE_MAX_AGE_MS, nowMs: () => now().getTime() }) : null;
  const ctx: WebContext = { db: deps.db, now, today: todayFrom(deps, now), logger, config, env, csrfToken: csrf.token, oidc, pageCache, sharedPages: pageCache ? (deps.sharedPages ?? null) : null };

  const app = express();
  app.disable('x-powered-by');
  // Pages and API answers hold personal data and are never stored (Cache-Control: no-store, security-headers),
  // so nothing revalidates them: an ETag would only hash every answer (~0.1 ms for a 100 kB worklist page).
  // The setting stays on (a function that makes none), because Express 5 hands it to sendFile, whose assets
  // keep their ETags from the file's size and time (express.static makes its own).
  app.set('etag', () => undefined);
  app.set('trust proxy', config.trustProxy ? 1 : false);
  env.express(app);
  app.set('view engine', 'njk');

  app.use(requestLogger(logger));
  app.use(securityHeaders({ isProduction: config.isProduction }));
  staticAssets(app);
  app.use(healthRoutes(deps.db));

  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 1000 }));
  app.use(
    sessions({
      db: deps.db,
      now,
      idleTimeoutMinutes: config.sessionTimeoutMinutes,
      secureCookie: config.isProduction,
      onError: (error) => logger.error({ err: error }, 'saving the session failed'),
      businessDate: (db) => ctx.today(db),
    }),
  );
  app.use(currentUser(deps.db));
  // A signed-out call to the API answers 401 whatever its method (the API router says so), not the CSRF
  // check's 403: it can change nothing either way.
  app.use((req: Request, res: Response, next: NextFunction) => (!req.actor && isApiRequest(req) ? next() : csrf.protect(req, res, next)));
  app.use(pageLocals(csrf.token));
  app.use(refuseNulBytes());

  app.use(signInRoutes(ctx));
  app.use('/api/v1', apiRouter(ctx));
  app.get('/', requireSignIn(), (req: Request, res: Response) => {
    res.redirect(req.actor && canSeeCases(req.actor) ? '/worklist' : '/admin/users');
  });
  app.use(staffRoutes(ctx));

  app.use(notFoundHandler());
  app.use(errorHandler(logger));
  // Last resort (an error while rendering the error page).
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    logger.error({ err: error }, 'error handler failed');
    if (!res.headersSent) res.status(500).type('text/plain').send('Sorry, there is a problem with the service');
  });
  return app;
}
