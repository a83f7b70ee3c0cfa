import { Command, CommanderError } from 'commander';
import { commandNameOf, registerCommands } from '../cli/commands/index';

/** The composition root of the `rentwise` command line. */
export async function main(argv: string[]): Promise<void> {
  const program = new Command('rentwise')
    .description('Rentwise: rent income and arrears for UK social landlords')
    .option('--db <dir>', 'embedded database directory (default: $RENTWISE_DB or ./data/rentwise); ignored when DATABASE_URL is set')
    .showHelpAfterError()
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
