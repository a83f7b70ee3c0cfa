import type { Command } from 'commander';
import { action } from '../cli-support';
import { withDatabase } from '../open-db';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('migrate the database forward and exit')
    .action(
      action(async (_opts: unknown, cmd: Command) => {
        await withDatabase(cmd, async (db) => {
          const [r] = await db.query<{ version: number }>(`SELECT max(version) AS version FROM schema_migrations`);
          console.log(`Database is at migration ${r?.version ?? 0} (${db.kind}).`);
        });
      }),
    );
}
