import { createHash, randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { BusinessDate } from '../../domain/calendar/business-date';
import type { Db } from '../../persistence/database';
import { readTogether } from '../../persistence/read-together';
import { deleteSession, findSession, saveSession, touchSession, type SessionUser } from '../../persistence/stores/session-store';

export interface Flash {
  type: 'success' | 'important';
  title: string;
  text?: string;
}

/** What a session holds (stored as jsonb in web_sessions.data). */
export interface SessionData {
  userId?: number;
  csrfToken?: string;
  flash?: Flash[];
  /** Where to go after signing in (a path on this site). */
  returnTo?: string;
  /** Why the last session ended (shown on the sign-in page once). */
  notice?: string;
  oidc?: { state: string; nonce: string; codeVerifier: string };
  /** Form values and errors to show again after a POST-redirect-GET. */
  form?: { key: string; values: Record<string, string>; errors: Record<string, string> };
}

export interface WebSession {
  data: SessionData;
  /** A new session id with the same data (call on sign-in: no session fixation). */
  regenerate(): void;
  /** Ends the session (sign-out). */
  destroy(): void;
  /** True when the request came with a session that had timed out. */
  readonly expired: boolean;
  /** The session's user as read with it at the start of the request (null: none, or gone). */
  readonly user: SessionUser | null;
  /** The business date read with it (`SessionOptions.businessDate`), for the pages' `todayOf`; undefined when not read. */
  readonly businessDate: BusinessDate | undefined;
}

declare module 'express-serve-static-core' {
  interface Request {
    webSession: WebSession;
  }
}

export interface SessionOptions {
  db: Db;
  now: () => Date;
  idleTimeoutMinutes: number;
  secureCookie: boolean;
  onError?: (error: unknown) => void;
  /**
   * The pages' business date, read through `db`: for a request with a session cookie, read in the same round trip
   * as the session (`readTogether`), so a page need not read it again (`todayOf` in `src/web/context.ts`).
   */
  businessDate?: (db: Db) => Promise<BusinessDate>;
}

export function cookieName(secure: boolean): string {
  return secure ? '__Host-rentwise_session' : 'rentwise_session';
}

function hashId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

function readCookie(req: Request, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
    }
  }
  return null;
}

/**
 * Database-backed sessions (table web_sessions), without express-session: the cookie holds a random id
 * (256 bits), the table holds only its SHA-256, so a copy of the table opens no session. Sessions end
 * after `idleTimeoutMinutes` without a request. A visitor gets a stored session only once something is
 * put in it (a CSRF token for the sign-in form, a signed-in user).
 */
export function sessions(options: SessionOptions): RequestHandler {
  const name = cookieName(options.secureCookie);
  const timeoutMs = options.idleTimeoutMinutes * 60_000;
  return async (req: Request, res: Response, next: NextFunction) => {
    const now = options.now();
    let rawId = readCookie(req, name);
    let stored: Awaited<ReturnType<typeof findSession>> = null;
    let businessDate: BusinessDate | undefined;
    if (rawId) {
      const reads = readTogether(options.db);
      [stored, businessDate] = await Promise.all([findSession(reads, hashId(rawId)), options.businessDate?.(reads)]);
    }
    let expired = false;
    if (stored && stored.expires_at.getTime() <= now.getTime()) {
      await deleteSession(options.db, stored.id);
      expired = stored.user_id !== null;
      stored = null;
    }
    if (!stored) rawId = null;
    const loadedJson = stored ? JSON.stringify(stored.data) : '{}';
    let destroyed = false;
    let regenerated = false;
    const oldHash = stored?.id ?? null;
    const session: WebSession = {
      data: (stored?.data as SessionData | undefined) ?? {},
      expired,
      user: stored?.user ?? null,
      businessDate,
      regenerate() {
        regenerated = true;
      },
      destroy() {
        destroyed = true;
        session.data = {};
      },
    };
    req.webSession = session;

    const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: options.secureCookie, path: '/' };
    const persist = async () => {
      if (destroyed) {
        if (oldHash) await deleteSession(options.db, oldHash);
        if (!res.headersSent) res.clearCookie(name, cookieOptions);
        return;
      }
      const json = JSON.stringify(session.data);
      const empty = json === '{}';
      const expiresAt = new Date(now.getTime() + timeoutMs);
      if (regenerated || (!rawId && !empty)) {
        if (oldHash) await deleteSession(options.db, oldHash);
        if (empty) return;
        const newId = randomBytes(32).toString('base64url');
        await saveSession(options.db, { id: hashId(newId), user_id: session.data.userId ?? null, data: session.data as Record<string, unknown>, expires_at: expiresAt });
        if (!res.headersSent) res.cookie(name, newId, cookieOptions);
        return;
      }
      if (!stored || !oldHash) return;
      if (json !== loadedJson) {
        await saveSession(options.db, { id: oldHash, user_id: session.data.userId ?? null, data: session.data as Record<string, unknown>, expires_at: expiresAt });
      } else if (expiresAt.getTime() - stored.expires_at.getTime() > 15_000) {
        await touchSession(options.db, oldHash, expiresAt);
      }
    };

    // Save before the response ends (as express-session does), so the next request sees the change.
    const originalEnd = res.end.bind(res) as (...args: unknown[]) => Response;
    let ending = false;
    (res as unknown as { end: (...args: unknown[]) => Response }).end = (...args: unknown[]) => {
      if (ending) return originalEnd(...args);
      ending = true;
      persist().then(
        () => originalEnd(...args),
        (error: unknown) => {
          options.onError?.(error);
          originalEnd(...args);
        },
      );
      return res;
    };
    next();
  };
}

/** Flash messages: shown once, on the next page rendered. */
export function addFlash(req: Request, flash: Flash): void {
  req.webSession.data.flash = [...(req.webSession.data.flash ?? []), flash];
}

export function takeFlash(req: Request): Flash[] {
  const flash = req.webSession.data.flash ?? [];
  if (flash.length > 0) delete req.webSession.data.flash;
  return flash;
}
