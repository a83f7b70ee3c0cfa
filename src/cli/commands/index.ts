import type { Command } from 'commander';
import { registerAssess } from './assess';

/** Every command of the command line (contracts/cli-and-files.md). One file per command. */
export function registerCommands(program: Command): void {
  registerAssess(program);
}
