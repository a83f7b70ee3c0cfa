import type { Command } from 'commander';
import { formatPounds } from '../../domain/money/pence';
import { action, printJson, UsageError } from '../cli-support';
import { withDatabase } from '../open-db';

interface Row {
  ref: string;
  payment_reference: string;
  patch: string | null;
  tenure: string;
  start_date: string;
  end_date: string | null;
  balance_pence: number;
  action: string | null;
  priority: number | null;
}

export function registerTenancies(program: Command): void {
  program
    .command('tenancies')
    .description('list tenancies with balance and latest recommended action')
    .option('--patch <name>', 'only this patch')
    .option('--arrears', 'only accounts with a balance owed')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { patch?: string; arrears?: boolean; json?: boolean }, cmd: Command) => {
        await withDatabase(cmd, async (db) => {
          if (opts.patch !== undefined) {
            // A mistyped patch is bad input, not an empty patch.
            const patches = (await db.query<{ name: string }>(`SELECT name FROM patches ORDER BY name`)).map((p) => p.name);
            if (!patches.includes(opts.patch)) {
              throw new UsageError(`There is no patch called "${opts.patch}" (patches: ${patches.length > 0 ? patches.join(', ') : 'none yet'})`);
            }
          }
          // Every account's balance is one pass over the ledger; one patch's, its accounts' rows by index (a
          // patch is a fiftieth of a large landlord: the whole ledger's sums took seconds for it).
          const balances =
            opts.patch === undefined
              ? `LEFT JOIN (SELECT tenancy_id, sum(amount_pence) AS balance_pence FROM ledger_transactions GROUP BY tenancy_id) b ON b.tenancy_id = t.id`
              : `LEFT JOIN LATERAL (SELECT sum(l.amount_pence) AS balance_pence FROM ledger_transactions l WHERE l.tenancy_id = t.id) b ON true`;
          const rows = await db.query<Row>(
            `SELECT t.ref, t.payment_reference, pa.name AS patch, t.tenure, t.start_date, t.end_date,
                    coalesce(b.balance_pence, 0)::bigint AS balance_pence, ca.action, ca.priority
             FROM tenancies t
             LEFT JOIN patches pa ON pa.id = t.patch_id
             ${balances}
             LEFT JOIN current_assessments ca ON ca.tenancy_id = t.id
             WHERE ${opts.patch === undefined ? 'true' : 'pa.name = $2'} AND (NOT $1::boolean OR coalesce(b.balance_pence, 0) > 0)
             ORDER BY t.ref`,
            opts.patch === undefined ? [opts.arrears === true] : [opts.arrears === true, opts.patch],
          );
          const tenancies = rows.map((r) => ({
            ref: r.ref,
            paymentReference: r.payment_reference,
            patch: r.patch,
            tenure: r.tenure,
            startDate: r.start_date,
            endDate: r.end_date,
            balancePence: r.balance_pence,
            action: r.action,
            priority: r.priority,
          }));
          if (opts.json) {
            printJson({ tenancies });
            return;
          }
          for (const t of tenancies) {
            console.log(`${t.ref.padEnd(14)} ${(t.patch ?? '').padEnd(12)} ${t.tenure.padEnd(13)} ${formatPounds(t.balancePence).padStart(12)}  ${t.action ?? '-'}`);
          }
          console.log(`${tenancies.length} tenancies`);
        });
      }),
    );
}
