import type { Command } from 'commander';

type Register = (program: Command) => void;

/**
 * Every command of the command line (contracts/cli-and-files.md), one file per command, in the order `--help`
 * lists them, each with the top-level commands it adds (a group such as `import` is shared by several files).
 * A file is loaded only when its command runs: starting `rentwise run daily` then reads the daily run's code,
 * not the web server's, the PDF writer's or the importers'.
 */
export const COMMAND_FILES: readonly { names: readonly string[]; load: () => Promise<Register> }[] = [
  { names: ['assess'], load: async () => (await import('./assess')).registerAssess },
  { names: ['migrate'], load: async () => (await import('./migrate')).registerMigrate },
  { names: ['run'], load: async () => (await import('./run-daily')).registerRunDaily },
  { names: ['import'], load: async () => (await import('./import-case')).registerImportCase },
  { names: ['export-case'], load: async () => (await import('./export-case')).registerExportCase },
  { names: ['account'], load: async () => (await import('./account')).registerAccount },
  { names: ['tenancies'], load: async () => (await import('./tenancies')).registerTenancies },
  { names: ['demo'], load: async () => (await import('./demo')).registerDemo },
  { names: ['statement'], load: async () => (await import('./statement')).registerStatement },
  { names: ['import'], load: async () => (await import('./import-payments')).registerImportPayments },
  { names: ['import'], load: async () => (await import('./import-tenancies')).registerImportTenancies },
  { names: ['suspense'], load: async () => (await import('./suspense')).registerSuspense },
  { names: ['exceptions'], load: async () => (await import('./exceptions')).registerExceptions },
  { names: ['users'], load: async () => (await import('./users')).registerUsers },
  { names: ['serve'], load: async () => (await import('./serve')).registerServe },
  { names: ['notice'], load: async () => (await import('./notice')).registerNotice },
  { names: ['policy'], load: async () => (await import('./policy')).registerPolicy },
  { names: ['backtest'], load: async () => (await import('./backtest')).registerBacktest },
  { names: ['rebuild'], load: async () => (await import('./rebuild')).registerRebuild },
  { names: ['verify'], load: async () => (await import('./verify')).registerVerify },
  { names: ['rent-change', 'import'], load: async () => (await import('./rent-change')).registerRentChange },
];

/**
 * Registers the files of the command named (every file when none is named, or the name is not one of
 * them: `--help`, a mistyped command — commander then lists them all).
 */
export async function registerCommands(program: Command, commandName?: string): Promise<void> {
  const named = COMMAND_FILES.filter((f) => commandName !== undefined && f.names.includes(commandName));
  const files = named.length > 0 ? named : COMMAND_FILES;
  const registers = await Promise.all(files.map((f) => f.load()));
  for (const register of registers) register(program);
}

/** The command a command line names: its first word that is not an option (nor the value of --db). */
export function commandNameOf(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--db') {
      i++;
      continue;
    }
    if (arg === '--') return args[i + 1];
    if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}
