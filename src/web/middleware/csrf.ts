import type { Request, RequestHandler } from 'express';
import { csrfSync } from 'csrf-sync';

/**
 * CSRF protection on every form (synchroniser token, csrf-sync): the token lives in the session and
 * every form carries it as `_csrf` (or a request sends it in the `x-csrf-token` header). A POST without
 * a valid token answers 403 and changes nothing.
 */
export function csrfProtection(): { protect: RequestHandler; token: (req: Request) => string } {
  const { csrfSynchronisedProtection, generateToken } = csrfSync({
    getTokenFromState: (req) => req.webSession.data.csrfToken,
    storeTokenInState: (req, token) => {
      if (token) req.webSession.data.csrfToken = token;
      else delete req.webSession.data.csrfToken;
    },
    getTokenFromRequest: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      const header = req.headers['x-csrf-token'];
      return fromBody ?? (typeof header === 'string' ? header : undefined);
    },
    size: 32,
  });
  return {
    protect: csrfSynchronisedProtection,
    // Reuses the session's token (one per session): pages opened in several tabs all stay valid.
    token: (req) => req.webSession.data.csrfToken ?? generateToken(req),
  };
}
