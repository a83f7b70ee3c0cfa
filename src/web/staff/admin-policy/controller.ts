import type { Request, Response } from 'express';
import { audit } from '../../../application/audit/audit';
import { checkPolicyDocument } from '../../../application/policy/policy-document';
import { DEFAULT_POLICY_DOCUMENT } from '../../../domain/policy';
import { insertPolicyVersion, latestPolicyVersion, listPolicyVersions } from '../../../persistence/stores/policy-store';
import { actorOf, auditContext, type WebContext } from '../../context';
import { bodyString, type FieldErrors } from '../../forms';
import { addFlash } from '../../middleware/session';
import { formatDateTime } from '../../nunjucks';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function adminPolicyController(ctx: WebContext) {
  const render = async (res: Response, values: Record<string, string>, errors: FieldErrors, documentErrors: string[]) => {
    const [latest, versions] = await Promise.all([latestPolicyVersion(ctx.db), listPolicyVersions(ctx.db)]);
    const template = latest ? { ...(latest.document as object), version: latest.version + 1 } : { ...DEFAULT_POLICY_DOCUMENT, version: DEFAULT_POLICY_DOCUMENT.version + 1 };
    res.render('staff/admin-policy/policy.njk', {
      pageTitle: 'Recovery policy',
      current: latest ? { version: latest.version, appliedBy: latest.applied_by, appliedAt: formatDateTime(latest.applied_at), note: latest.note, json: JSON.stringify(latest.document, null, 2) } : null,
      versions: [...versions].reverse().map((v) => ({ version: v.version, appliedBy: v.applied_by, appliedAt: formatDateTime(v.applied_at), note: v.note ?? '' })),
      values: { document: values.document ?? JSON.stringify(template, null, 2), note: values.note ?? '' },
      errors,
      errorsHtml: documentErrors.length > 0 ? { document: documentErrors.map(escapeHtml).join('<br>') } : {},
      errorList: [...documentErrors.map((text) => ({ text, href: '#document' })), ...(errors.note ? [{ text: errors.note, href: '#note' }] : [])],
    });
  };
  return {
    async show(_req: Request, res: Response) {
      await render(res, {}, {}, []);
    },
    async apply(req: Request, res: Response) {
      const text = bodyString(req.body, 'document');
      const note = bodyString(req.body, 'note').trim();
      const values = { document: text, note };
      const errors: FieldErrors = {};
      const documentErrors: string[] = [];
      if (note === '') errors.note = 'Enter what changed and why';
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        documentErrors.push('The policy document must be valid JSON');
      }
      if (documentErrors.length === 0) {
        const checked = checkPolicyDocument(json);
        if (!checked.ok) documentErrors.push(...checked.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)));
        else {
          const latest = await latestPolicyVersion(ctx.db);
          const current = latest?.version ?? DEFAULT_POLICY_DOCUMENT.version;
          if (checked.document.version <= current) documentErrors.push(`version: must be higher than ${current}, the version in force`);
          else if (Object.keys(errors).length === 0) {
            const stored = await insertPolicyVersion(ctx.db, checked.document.version, checked.document, actorOf(req).username, note);
            if (!stored) documentErrors.push(`version: ${checked.document.version} already exists`);
            else {
              await audit(ctx.db, auditContext(ctx, req), [{ action: 'create', entity: 'policy_version', entityId: String(checked.document.version), details: { note } }]);
              addFlash(req, { type: 'success', title: `Policy version ${checked.document.version} applied` });
              res.redirect(303, '/admin/policy');
              return;
            }
          }
        }
      }
      res.status(400);
      await render(res, values, errors, documentErrors);
    },
  };
}
