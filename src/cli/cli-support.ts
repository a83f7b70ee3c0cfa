import type { Command } from 'commander';
import { SettingError } from '../config/config';

/** Bad input or usage: the command exits 2 with a one-line message on stderr. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Options every command accepts (declared once on the root program). */
export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

/** A case file refused by parseCaseFile, as the command says it: its JSON path (the whole file's is empty) and why. */
export function caseFileProblem(problem: { path: string; message: string }): UsageError {
  return new UsageError(`${problem.path === '' ? 'case file' : problem.path}: ${problem.message}`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Reads a whole file, or standard input for `-`. */
export async function readInput(fileOrDash: string): Promise<Buffer> {
  if (fileOrDash === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(fileOrDash);
  } catch (error) {
    throw new UsageError(`cannot read ${fileOrDash}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * Wraps a command's action: exit 0 on success, 2 on a UsageError or a setting the environment gives that cannot be
 * used (SettingError; the message on stderr), 1 on anything
 * unexpected. Sets process.exitCode rather than exiting so open handles close cleanly.
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void> | void): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (error) {
      if (error instanceof UsageError || error instanceof SettingError) {
        // One line, whatever the message quotes (a parser's message may repeat the input's line breaks).
        process.stderr.write(`rentwise: ${error.message.trim().replace(/\s*\n\s*/g, ' ')}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`rentwise: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = 1;
      }
    }
  };
}
