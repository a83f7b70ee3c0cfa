import { Command, CommanderError } from 'commander';
import { commandNameOf, registerCommands } from '../cli/commands/index';

/** The composition root of the `rentwise` command line. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command('rentwise')
    .description('Rentwise: rent income and arrears for UK social landlords')
    .option('--db <dir>', 'embedded database directory (default: $RENTWISE_DB or ./data/rentwise); ignored when DATABASE_URL is set')
    // A usage error is one line on stderr naming what is wrong (contracts/cli-and-files.md), with where
    // to find the usage; subcommands inherit this.
    .configureOutput({
      outputError: (message, write) => write(`${oneLineUsageError(message)}\n`),
      // The only other text commander writes to stderr is a group's help when no subcommand is given
      // (`rentwise import`): that too is a usage error, said in one line.
      writeErr: (text) => process.stderr.write(text.startsWith('rentwise: ') ? text : `${missingSubcommand(text)}\n`),
    })
    .exitOverride();
  await registerCommands(program, commandNameOf(argv.slice(2)));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other parse error is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    throw error;
  }
}

/** Commander's error message ("error: unknown option '--x'\n(Did you mean --y?)") as one line. */
export function oneLineUsageError(message: string): string {
  const text = message.replace(/^error:\s*/i, '').trim().replace(/\s*\n\s*/g, ' ');
  return `rentwise: ${text} (see rentwise --help)`;
}

/** A group's help written for want of a subcommand ("Usage: rentwise import [options] [command]…") as one line. */
export function missingSubcommand(help: string): string {
  const usage = /Usage: (rentwise(?: [a-z-]+)*)/.exec(help)?.[1] ?? 'rentwise';
  return `rentwise: ${usage} needs a command (see ${usage} --help)`;
}
