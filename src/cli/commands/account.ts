import type { Command } from 'commander';
import { formatPounds } from '../../domain/money/pence';
import { currentAssessment } from '../../persistence/stores/assessment-store';
import { subAccountBalances } from '../../persistence/stores/ledger-store';
import { findTenancyByRef } from '../../persistence/stores/tenancy-store';
import { action, printJson, UsageError } from '../cli-support';
import { withDatabase } from '../open-db';

export function registerAccount(program: Command): void {
  program
    .command('account')
    .description('the account summary of one tenancy: balance, sub-accounts and the latest assessment')
    .argument('<ref>', 'the tenancy reference')
    .option('--json', 'print JSON')
    .action(
      action(async (ref: string, opts: { json?: boolean }, cmd: Command) => {
        await withDatabase(cmd, async (db) => {
          const tenancy = await findTenancyByRef(db, ref);
          if (!tenancy) throw new UsageError(`no tenancy with ref ${ref}`);
          const subAccounts = (await subAccountBalances(db, tenancy.id)).map((s) => ({ kind: s.subAccount, balancePence: s.balancePence }));
          const balancePence = subAccounts.reduce((n, s) => n + s.balancePence, 0);
          const stored = await currentAssessment(db, tenancy.id);
          const assessment = stored ? { ...stored.result, policyVersion: stored.policy_version, trace: stored.trace } : null;
          const summary = { tenancyRef: tenancy.ref, balancePence, subAccounts, assessment };
          if (opts.json) {
            printJson(summary);
            return;
          }
          console.log(`${tenancy.ref}  ${tenancy.tenure}  ${tenancy.address ?? ''}`);
          console.log(`Balance ${formatPounds(balancePence)}`);
          for (const s of subAccounts) console.log(`  ${s.kind.padEnd(22)} ${formatPounds(s.balancePence)}`);
          if (stored) {
            const r = stored.result as { recommendation?: { action?: string }; reasons?: string[] };
            console.log(`Recommended (${stored.as_of}): ${r.recommendation?.action ?? '?'}`);
            for (const reason of r.reasons ?? []) console.log(`  - ${reason}`);
          } else {
            console.log('Not yet assessed: run `rentwise run daily`.');
          }
        });
      }),
    );
}
