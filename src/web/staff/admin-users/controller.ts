import type { Request, Response } from 'express';
import { audit } from '../../../application/audit/audit';
import { changeUser, createUserAccount, resetPassword } from '../../../application/users/users';
import { findPatchById, findUserById, listPatchNames, listUsers, ROLES, type UserRow } from '../../../persistence/stores/user-store';
import { actorOf, auditContext, type WebContext } from '../../context';
import { bodyString, errorList, type FieldErrors } from '../../forms';
import { HttpError } from '../../http-error';
import { label, ROLE_LABELS } from '../../labels';
import { addFlash } from '../../middleware/session';
import { formatDateTime } from '../../nunjucks';

export function adminUsersController(ctx: WebContext) {
  const renderForm = async (res: Response, user: UserRow | null, values: Record<string, string>, errors: FieldErrors) => {
    const patches = await listPatchNames(ctx.db);
    res.render('staff/admin-users/user-form.njk', {
      pageTitle: user ? `Change ${user.username}` : 'Create a user',
      title: user ? `Change ${user.username}` : 'Create a user',
      creating: user === null,
      values,
      errors,
      errorList: errorList(errors, { role: 'role', password: user ? 'new-password' : 'password' }),
      roleItems: ROLES.map((r) => ({ value: r, text: label(ROLE_LABELS, r), checked: values.role === r })),
      patchItems: [{ value: '', text: 'No patch', selected: !values.patch }, ...patches.map((p) => ({ value: String(p.id), text: p.name, selected: values.patch === String(p.id) }))],
      formAction: user ? `/admin/users/${user.id}` : '/admin/users/new',
      passwordAction: user ? `/admin/users/${user.id}/password` : null,
      submitText: user ? 'Save changes' : 'Create user',
    });
  };
  const loadUser = async (req: Request) => {
    const id = String(req.params.id ?? '');
    if (!/^\d{1,9}$/.test(id)) throw new HttpError(404);
    const user = await findUserById(ctx.db, Number(id));
    if (!user) throw new HttpError(404);
    return user;
  };
  const patchIdOf = async (raw: string): Promise<number | null | 'invalid'> => {
    if (raw === '') return null;
    if (!/^\d{1,9}$/.test(raw)) return 'invalid';
    return (await findPatchById(ctx.db, Number(raw)))?.id ?? 'invalid';
  };

  return {
    async list(_req: Request, res: Response) {
      const now = ctx.now().getTime();
      const users = await listUsers(ctx.db);
      res.render('staff/admin-users/users.njk', {
        pageTitle: 'Users',
        users: users.map((u) => ({
          username: u.username,
          href: `/admin/users/${u.id}`,
          name: u.display_name,
          role: `${label(ROLE_LABELS, u.role)}${u.extra_roles.includes('officer') ? ' and income officer' : ''}`,
          patch: u.patch_name ?? '',
          active: u.active,
          locked: u.locked_until !== null && u.locked_until.getTime() > now,
          sso: u.oidc_subject !== null,
          lastSignedIn: u.last_signed_in_at ? formatDateTime(u.last_signed_in_at) : 'Never',
        })),
      });
    },

    async showNew(_req: Request, res: Response) {
      await renderForm(res, null, { role: 'officer' }, {});
    },

    async create(req: Request, res: Response) {
      const values = {
        username: bodyString(req.body, 'username'),
        name: bodyString(req.body, 'name'),
        role: bodyString(req.body, 'role'),
        patch: bodyString(req.body, 'patch'),
        alsoOfficer: bodyString(req.body, 'alsoOfficer'),
      };
      const patchId = await patchIdOf(values.patch);
      const patch = typeof patchId === 'number' ? await findPatchById(ctx.db, patchId) : null;
      const result =
        patchId === 'invalid'
          ? { problems: [{ field: 'patch' as const, message: 'Select a patch from the list' }] }
          : await createUserAccount(ctx.db, {
              username: values.username,
              role: values.role,
              patchName: patch?.name ?? null,
              displayName: values.name,
              password: bodyString(req.body, 'password'),
              alsoOfficer: values.alsoOfficer === 'yes',
            });
      if ('problems' in result) {
        res.status(400);
        await renderForm(res, null, values, Object.fromEntries(result.problems.map((p) => [p.field, p.message])));
        return;
      }
      await audit(ctx.db, auditContext(ctx, req), [{ action: 'create', entity: 'user', entityId: values.username.trim().toLowerCase(), details: { role: values.role } }]);
      addFlash(req, { type: 'success', title: `User ${values.username.trim().toLowerCase()} created` });
      res.redirect(303, '/admin/users');
    },

    async show(req: Request, res: Response) {
      const user = await loadUser(req);
      await renderForm(res, user, {
        name: user.display_name,
        role: user.role,
        patch: user.patch_id === null ? '' : String(user.patch_id),
        active: user.active ? 'yes' : '',
        alsoOfficer: user.extra_roles.includes('officer') ? 'yes' : '',
      }, {});
    },

    async update(req: Request, res: Response) {
      const user = await loadUser(req);
      const values = {
        name: bodyString(req.body, 'name'),
        role: bodyString(req.body, 'role'),
        patch: bodyString(req.body, 'patch'),
        active: bodyString(req.body, 'active'),
        alsoOfficer: bodyString(req.body, 'alsoOfficer'),
      };
      const patchId = await patchIdOf(values.patch);
      const errors: FieldErrors = {};
      if (patchId === 'invalid') errors.patch = 'Select a patch from the list';
      if (user.id === actorOf(req).id && (values.role !== 'admin' || values.active !== 'yes')) errors.role = 'You cannot remove your own administrator access';
      if (Object.keys(errors).length === 0) {
        const result = await changeUser(ctx.db, user.id, {
          displayName: values.name,
          role: values.role,
          patchId: patchId === 'invalid' ? null : patchId,
          active: values.active === 'yes',
          alsoOfficer: values.alsoOfficer === 'yes',
        });
        if ('problems' in result) for (const p of result.problems) errors[p.field] = p.message;
      }
      if (Object.keys(errors).length > 0) {
        res.status(400);
        await renderForm(res, user, values, errors);
        return;
      }
      await audit(ctx.db, auditContext(ctx, req), [{ action: 'update', entity: 'user', entityId: user.username, details: { role: values.role, active: values.active === 'yes', patchId } }]);
      addFlash(req, { type: 'success', title: `User ${user.username} updated` });
      res.redirect(303, '/admin/users');
    },

    async password(req: Request, res: Response) {
      const user = await loadUser(req);
      const result = await resetPassword(ctx.db, user.id, bodyString(req.body, 'password'));
      if ('problems' in result) {
        res.status(400);
        await renderForm(
          res,
          user,
          { name: user.display_name, role: user.role, patch: user.patch_id === null ? '' : String(user.patch_id), active: user.active ? 'yes' : '', alsoOfficer: user.extra_roles.includes('officer') ? 'yes' : '' },
          { password: result.problems[0]!.message },
        );
        return;
      }
      await audit(ctx.db, auditContext(ctx, req), [{ action: 'update', entity: 'user', entityId: user.username, details: { passwordReset: true } }]);
      addFlash(req, { type: 'success', title: `Password reset for ${user.username}` });
      res.redirect(303, '/admin/users');
    },
  };
}
