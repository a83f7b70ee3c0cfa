import type { Request, Response } from 'express';
import { audit } from '../../../application/audit/audit';
import { findPatchById, insertPatch, listPatches, renamePatch } from '../../../persistence/stores/user-store';
import { auditContext, type WebContext } from '../../context';
import { bodyString, errorList, type FieldErrors } from '../../forms';
import { HttpError } from '../../http-error';
import { addFlash } from '../../middleware/session';

function nameProblem(name: string): string | null {
  if (name === '') return 'Enter the patch name';
  if (name.length > 60) return 'Patch name must be 60 characters or fewer';
  return null;
}

export function adminPatchesController(ctx: WebContext) {
  const render = async (res: Response, values: Record<string, string>, errors: FieldErrors) => {
    const patches = await listPatches(ctx.db);
    res.render('staff/admin-patches/patches.njk', {
      pageTitle: 'Patches',
      patches: patches.map((p) => ({ id: p.id, name: p.name, tenancies: p.tenancies, officers: p.officers.join(', ') || 'None' })),
      values,
      errors,
      errorList: errorList(errors),
    });
  };
  return {
    async list(_req: Request, res: Response) {
      await render(res, {}, {});
    },
    async create(req: Request, res: Response) {
      const name = bodyString(req.body, 'name').trim().replace(/\s+/g, ' ');
      const problem = nameProblem(name) ?? ((await insertPatch(ctx.db, name)) === null ? `There is already a patch called ${name}` : null);
      if (problem) {
        res.status(400);
        await render(res, { name }, { name: problem });
        return;
      }
      await audit(ctx.db, auditContext(ctx, req), [{ action: 'create', entity: 'patch', entityId: name }]);
      addFlash(req, { type: 'success', title: `Patch ${name} added` });
      res.redirect(303, '/admin/patches');
    },
    async rename(req: Request, res: Response) {
      const id = String(req.params.id ?? '');
      const patch = /^\d{1,9}$/.test(id) ? await findPatchById(ctx.db, Number(id)) : null;
      if (!patch) throw new HttpError(404);
      const name = bodyString(req.body, 'name').trim().replace(/\s+/g, ' ');
      const problem = nameProblem(name) ?? (!(await renamePatch(ctx.db, patch.id, name)) ? `There is already a patch called ${name}` : null);
      if (problem) {
        res.status(400);
        await render(res, {}, { [`name-${patch.id}`]: problem });
        return;
      }
      await audit(ctx.db, auditContext(ctx, req), [{ action: 'update', entity: 'patch', entityId: String(patch.id), details: { from: patch.name, to: name } }]);
      addFlash(req, { type: 'success', title: `Patch renamed to ${name}` });
      res.redirect(303, '/admin/patches');
    },
  };
}
