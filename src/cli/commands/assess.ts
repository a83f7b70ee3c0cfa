import type { Command } from 'commander';
import { action, UsageError } from '../cli-support';

export function registerAssess(program: Command): void {
  program
    .command('assess')
    .description('assess one case file (contracts/case-file.md); pure: no database')
    .argument('<file>', 'the case file, or - for standard input')
    .option('--trace', 'add the decision trace: every rule considered, in order')
    .action(
      action(async () => {
        throw new UsageError('assess: not built yet');
      }),
    );
}
