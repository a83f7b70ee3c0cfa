import { execFile } from 'node:child_process';

/** A flag's value as a whole number of 1 or more, or an error that names the flag and what it was given. */
export function wholeNumberOption(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: expected a whole number of 1 or more, got "${value ?? ''}"`);
  return n;
}

/** Runs a command to its end and times it from outside: the wall-clock milliseconds from its spawn to its exit. */
export function timedCommand(file: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env, okExitCodes: readonly number[] = [0]): Promise<{ ms: number; stdout: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const ms = performance.now() - started;
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      if (okExitCodes.includes(code)) resolve({ ms, stdout });
      else reject(new Error(`${[file, ...args].join(' ')} failed: ${stderr.trim() || (error?.message ?? '')}`));
    });
  });
}
