import type { Command } from 'commander';
import { startWebServer } from '../../main/web-server';
import { action, UsageError } from '../cli-support';
import { withDatabase } from '../open-db';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web application and the JSON API (default port 3000, or $PORT)')
    .option('--port <p>', 'port to listen on')
    .action(
      action(async (opts: { port?: string }, cmd: Command) => {
        const raw = opts.port ?? process.env.PORT ?? '3000';
        if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new UsageError(`--port: expected a port number, got "${raw}"`);
        await withDatabase(cmd, async (db) => {
          const server = await startWebServer(db, { port: Number(raw) });
          console.log(`Rentwise is running at ${server.url} (Ctrl+C to stop)`);
          await new Promise<void>((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
          });
          await server.close();
        });
      }),
    );
}
