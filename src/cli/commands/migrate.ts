import type { Command } from 'commander';
import { action, printJson } from '../cli-support';
import { withDatabase } from '../open-db';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('migrate the database forward and exit')
    .option('--json', 'print { "migration", "database" } as JSON')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        await withDatabase(cmd, async (db) => {
          const [r] = await db.query<{ version: number }>(`SELECT max(version) AS version FROM schema_migrations`);
          if (opts.json) printJson({ migration: r?.version ?? 0, database: db.kind });
          else console.log(`Database is at migration ${r?.version ?? 0} (${db.kind}).`);
        });
      }),
    );
}
