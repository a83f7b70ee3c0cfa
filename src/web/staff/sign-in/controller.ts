import type { Request, Response } from 'express';
import { audit } from '../../../application/audit/audit';
import { signInWithPassword } from '../../../application/users/sign-in';
import { actorFromUser } from '../../../application/users/users';
import type { Actor } from '../../../application/users/permissions';
import { findUserByOidcSubject, findUserByUsername, linkOidcSubject, recordSuccessfulSignIn } from '../../../persistence/stores/user-store';
import { auditContext, type WebContext } from '../../context';
import { fieldErrors } from '../../forms';
import { HttpError } from '../../http-error';
import { signInForm } from './form';
import { newChecks } from './oidc';
import { signInPage } from './view-model';

/**
 * Where a person lands after signing in: /worklist, as the web contract fixes, for everyone; an
 * administrator (no caseload) is sent on from there to the users page (worklist/routes.ts).
 */
const HOME = '/worklist';

function startSession(req: Request, actor: Actor): void {
  req.webSession.regenerate();
  req.webSession.data = { userId: actor.id };
}

export function signInController(ctx: WebContext) {
  const page = (req: Request, extra: { username?: string; errors?: Record<string, string>; notice?: string | null } = {}) =>
    signInPage({ ...extra, oidcEnabled: ctx.oidc !== null, timeoutMinutes: ctx.config.sessionTimeoutMinutes });

  return {
    show(req: Request, res: Response) {
      if (req.actor) {
        res.redirect(HOME);
        return;
      }
      const notice = req.webSession.data.notice ?? (req.query['signed-out'] !== undefined ? 'signed_out' : null);
      delete req.webSession.data.notice;
      res.render('staff/sign-in/sign-in.njk', page(req, { notice }));
    },

    async submit(req: Request, res: Response) {
      const parsed = signInForm.safeParse(req.body ?? {});
      const username = typeof req.body?.username === 'string' ? (req.body.username as string).slice(0, 100) : '';
      if (!parsed.success) {
        res.status(400).render('staff/sign-in/sign-in.njk', page(req, { username, errors: fieldErrors(parsed.error) }));
        return;
      }
      const result = await signInWithPassword(ctx.db, parsed.data.username, parsed.data.password, ctx.now());
      const ac = { ...auditContext(ctx, req), actor: parsed.data.username.toLowerCase() };
      if (!result.ok) {
        await audit(ctx.db, ac, [{ action: 'sign_in_failed', entity: 'session', details: { reason: result.reason } }]);
        const message =
          result.reason === 'locked'
            ? 'Too many attempts to sign in. Wait 15 minutes and try again, or ask your system administrator.'
            : 'Enter a correct username and password';
        res.status(400).render('staff/sign-in/sign-in.njk', page(req, { username, errors: { username: message } }));
        return;
      }
      startSession(req, result.actor);
      await audit(ctx.db, { ...ac, actor: result.actor.username }, [{ action: 'sign_in', entity: 'session', details: { method: 'password' } }]);
      res.redirect(303, HOME);
    },

    async signOut(req: Request, res: Response) {
      if (req.actor) await audit(ctx.db, auditContext(ctx, req), [{ action: 'sign_out', entity: 'session' }]);
      req.webSession.destroy();
      res.redirect(303, '/sign-in?signed-out');
    },

    async oidcStart(req: Request, res: Response) {
      if (!ctx.oidc) throw new HttpError(404);
      const checks = newChecks();
      req.webSession.data.oidc = checks;
      res.redirect(await ctx.oidc.authorizationUrl(checks));
    },

    async oidcCallback(req: Request, res: Response) {
      if (!ctx.oidc) throw new HttpError(404);
      const checks = req.webSession.data.oidc;
      delete req.webSession.data.oidc;
      if (!checks) throw new HttpError(400, 'The sign-in link had expired. Start again.');
      const url = new URL(req.originalUrl, ctx.config.oidc?.redirectUri ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`);
      let claims;
      try {
        claims = await ctx.oidc.callback(url, checks);
      } catch (error) {
        ctx.logger.warn({ err: error }, 'single sign-on failed');
        throw new HttpError(400, 'Single sign-on did not succeed. Try again, or sign in with your username and password.');
      }
      let user = await findUserByOidcSubject(ctx.db, claims.subject);
      if (!user) {
        // First single sign-on of an existing account: matched by username (or the email's local part), then linked.
        const candidate = claims.username ?? claims.email;
        const byName = candidate ? ((await findUserByUsername(ctx.db, candidate.toLowerCase())) ?? (await findUserByUsername(ctx.db, candidate.toLowerCase().split('@')[0] ?? ''))) : null;
        if (byName && byName.active && byName.oidc_subject === null) {
          await linkOidcSubject(ctx.db, byName.id, claims.subject);
          user = { ...byName, oidc_subject: claims.subject };
        }
      }
      if (!user || !user.active) {
        await audit(ctx.db, { ...auditContext(ctx, req), actor: claims.username ?? claims.subject }, [{ action: 'sign_in_failed', entity: 'session', details: { method: 'oidc', reason: 'no_account' } }]);
        throw new HttpError(403, 'You do not have a Rentwise account. Ask your system administrator to create one.');
      }
      await recordSuccessfulSignIn(ctx.db, user.id, ctx.now());
      const actor = actorFromUser(user);
      startSession(req, actor);
      await audit(ctx.db, { ...auditContext(ctx, req), actor: actor.username }, [{ action: 'sign_in', entity: 'session', details: { method: 'oidc' } }]);
      res.redirect(303, HOME);
    },
  };
}
