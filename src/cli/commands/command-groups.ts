import type { Command } from 'commander';

/**
 * A command group (`import`, `suspense`, `users`, `policy`…) shared by several command files: the first
 * file to ask creates it, the others add their subcommands to the same group.
 */
export function commandGroup(program: Command, name: string, description: string): Command {
  const existing = program.commands.find((c) => c.name() === name);
  if (existing) return existing;
  return program.command(name).description(description);
}
