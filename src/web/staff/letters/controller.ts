import type { Request, Response } from 'express';
import { audit } from '../../../application/audit/audit';
import type { StoredLetter } from '../../../application/decisions/letter-for-action';
import { renderLetterPdf } from '../../../application/letters/render-letter-pdf';
import { findLetter } from '../../../persistence/stores/letter-store';
import { auditContext, type WebContext } from '../../context';
import { HttpError } from '../../http-error';
import { tenancyForView } from '../account/controller';

/** GET /tenancies/{ref}/letters/{id}: a letter sent on the case, rendered again from what was stored. */
export function letterController(ctx: WebContext) {
  return {
    async download(req: Request, res: Response) {
      const tenancy = await tenancyForView(ctx, req);
      const id = String(req.params.id ?? '');
      if (!/^\d{1,15}$/.test(id)) throw new HttpError(404);
      const letter = await findLetter(ctx.db, Number(id));
      if (!letter || letter.tenancy_id !== tenancy.id) throw new HttpError(404);
      await audit(ctx.db, auditContext(ctx, req), [{ action: 'read', entity: 'letter', entityId: String(letter.id), tenancyId: tenancy.id, details: { template: letter.template } }]);
      const pdf = await renderLetterPdf((letter.content as unknown as StoredLetter).letter);
      res.setHeader('Content-Disposition', `attachment; filename="letter-${tenancy.ref.replace(/[^A-Za-z0-9._-]/g, '_')}-${letter.id}.pdf"`);
      res.type('application/pdf').send(pdf);
    },
  };
}
