import type { Command } from 'commander';
import { rebuildAccountStates } from '../../persistence/stores/account-state-store';
import { action } from '../cli-support';
import { withDatabase } from '../open-db';

/**
 * `rentwise rebuild [--json]`: recomputes every account's derived state (balances, the sums the engine
 * needs, the latest clear day) from the ledger and says how many kept states differed (0 when all is well).
 */
export function registerRebuild(program: Command): void {
  program
    .command('rebuild')
    .description("recompute every account's derived state from the ledger and report any difference")
    .option('--json', 'print the report as JSON')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        await withDatabase(cmd, async (db) => {
          const report = await rebuildAccountStates(db);
          if (opts.json) console.log(JSON.stringify(report));
          else
            console.log(
              `Rebuilt the derived state of ${report.accounts.toLocaleString('en-GB')} accounts from the ledger: ${report.differed === 0 ? 'all agreed' : `${report.differed} differed and were repaired (tenancy ids ${report.differedTenancyIds.slice(0, 20).join(', ')}${report.differed > 20 ? ', …' : ''})`}.`,
            );
        });
      }),
    );
}
