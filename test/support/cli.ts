import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = join(process.cwd(), 'bin', 'rentwise.mjs');

/**
 * Runs `rentwise …` as an operator would, in a child process: on the embedded database in `dbDir`, or on
 * the PostgreSQL database `databaseUrl` when given. `input` is written to standard input.
 */
export function runRentwise(args: readonly string[], options: { dbDir: string; databaseUrl?: string | null; input?: string; env?: Record<string, string> }): Promise<CliResult> {
  const env = { ...process.env, ...options.env };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, '--db', options.dbDir, ...args], { env, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
    if (options.input !== undefined) child.stdin?.end(options.input);
    else child.stdin?.end();
  });
}
