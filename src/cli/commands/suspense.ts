import type { Command } from 'commander';
import { allocateSuspenseItem, listSuspense, SuspenseAllocationRefused } from '../../application/imports/suspense';
import { formatPounds } from '../../domain/money/pence';
import { action, printJson, UsageError } from '../cli-support';
import { todayInLondon, withDatabase } from '../open-db';
import { commandGroup } from './command-groups';

export function registerSuspense(program: Command): void {
  const group = commandGroup(program, 'suspense', 'payments held in suspense: valid, but for no known account');
  group
    .command('list')
    .description('list the payments held in suspense')
    .option('--all', 'include the items already allocated')
    .option('--json', 'print JSON: { "items": [...] }')
    .action(
      action(async (opts: { all?: boolean; json?: boolean }, cmd: Command) => {
        const items = await withDatabase(cmd, (db) => listSuspense(db, { includeAllocated: opts.all === true }));
        if (opts.json) {
          printJson({ items });
          return;
        }
        if (items.length === 0) {
          console.log('Nothing held in suspense.');
          return;
        }
        for (const i of items) {
          const where = i.status === 'allocated' ? `allocated to ${i.allocatedTo ?? '?'}` : 'open';
          console.log(
            `${String(i.id).padStart(6)}  ${i.date}  ${formatPounds(i.amountPence).padStart(11)}  ${(i.reference ?? '-').padEnd(14)} ${(i.method ?? '').padEnd(14)} ${where}  ${i.description ?? ''}`,
          );
        }
      }),
    );
  group
    .command('allocate')
    .description('post a payment held in suspense to an account')
    .argument('<id>', 'the suspense item id (from suspense list)')
    .requiredOption('--to <ref>', "the tenancy's ref (or its payment reference)")
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, opts: { to: string; json?: boolean }, cmd: Command) => {
        if (!/^\d+$/.test(id)) throw new UsageError(`suspense allocate: "${id}" is not a suspense item id`);
        const result = await withDatabase(cmd, async (db) => {
          try {
            return await allocateSuspenseItem(db, { suspenseId: Number(id), to: opts.to, today: todayInLondon(), allocatedBy: 'cli' });
          } catch (error) {
            if (error instanceof SuspenseAllocationRefused) throw new UsageError(error.message);
            throw error;
          }
        });
        if (opts.json) printJson(result);
        else console.log(`Allocated suspense item ${result.suspenseId} to ${result.tenancyRef}: ${result.kind} of ${formatPounds(Math.abs(result.ledgerAmountPence))}.`);
      }),
    );
}
