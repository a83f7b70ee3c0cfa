import type { Request, Response } from 'express';
import { audit } from '../../../application/audit/audit';
import { buildStatement, StatementPeriodError } from '../../../application/statements/build-statement';
import { renderStatementCsv } from '../../../application/statements/render/csv';
import { renderStatementPdf } from '../../../application/statements/render/pdf';
import { auditContext, todayOf, type WebContext } from '../../context';
import { queryString } from '../../forms';
import { HttpError } from '../../http-error';
import { tenancyForView } from '../account/controller';

/** GET /tenancies/{ref}/statement?format=pdf|csv[&from=&to=]: the rent statement (13 weeks by default). */
export function statementController(ctx: WebContext) {
  return {
    async download(req: Request, res: Response) {
      const tenancy = await tenancyForView(ctx, req);
      const format = queryString(req.query, 'format') || 'pdf';
      if (format !== 'pdf' && format !== 'csv') throw new HttpError(400, 'The statement format must be pdf or csv');
      const from = queryString(req.query, 'from') || undefined;
      const to = queryString(req.query, 'to') || undefined;
      let statement;
      try {
        statement = await buildStatement(ctx.db, tenancy.ref, { asOf: await todayOf(ctx, req), from, to });
      } catch (error) {
        if (error instanceof StatementPeriodError) throw new HttpError(400, error.message);
        throw error;
      }
      await audit(ctx.db, auditContext(ctx, req), [
        { action: 'read', entity: 'statement', entityId: tenancy.ref, tenancyId: tenancy.id, details: { format, from: statement.from, to: statement.to } },
      ]);
      const fileName = `statement-${tenancy.ref}-${statement.to}.${format}`.replace(/[^A-Za-z0-9._-]/g, '_');
      res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
      if (format === 'csv') {
        res.type('text/csv; charset=utf-8').send(renderStatementCsv(statement));
      } else {
        res.type('application/pdf').send(await renderStatementPdf(statement));
      }
    },
  };
}
