import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { canAdminister, canApprove, canSeeCases } from '../../application/users/permissions';
import { takeFlash } from './session';

export interface NavItem {
  text: string;
  href: string;
  active: boolean;
}

/** The service navigation for the signed-in actor: only what their role may open. */
export function navigationFor(req: Request): NavItem[] {
  const actor = req.actor;
  if (!actor) return [];
  const path = req.path;
  const items: NavItem[] = [];
  if (canSeeCases(actor)) {
    items.push({ text: 'Worklist', href: '/worklist', active: path.startsWith('/worklist') || path.startsWith('/tenancies') });
    items.push({ text: 'Search', href: '/search', active: path.startsWith('/search') });
  }
  if (canApprove(actor)) items.push({ text: 'Approvals', href: '/approvals', active: path.startsWith('/approvals') });
  if (canAdminister(actor)) {
    items.push({ text: 'Users', href: '/admin/users', active: path.startsWith('/admin/users') });
    items.push({ text: 'Patches', href: '/admin/patches', active: path.startsWith('/admin/patches') });
    items.push({ text: 'Policy', href: '/admin/policy', active: path.startsWith('/admin/policy') });
    items.push({ text: 'Audit log', href: '/admin/audit', active: path.startsWith('/admin/audit') });
  }
  return items;
}

/**
 * Everything the layout needs, set just before a page renders: the navigation, the CSRF token for
 * forms (sign-out included), flash messages (consumed here, so a redirect never loses them).
 */
export function pageLocals(csrfToken: (req: Request) => string): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const render = res.render.bind(res) as (view: string, options?: object, callback?: (err: Error, html: string) => void) => void;
    res.render = ((view: string, options?: object, callback?: (err: Error, html: string) => void) => {
      res.locals.navigation = navigationFor(req);
      res.locals.csrfToken = csrfToken(req);
      res.locals.flash = takeFlash(req);
      res.locals.currentPath = req.originalUrl;
      render(view, options, callback);
    }) as Response['render'];
    next();
  };
}
