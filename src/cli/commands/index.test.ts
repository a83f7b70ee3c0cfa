import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_FILES, commandNameOf, registerCommands } from './index';

/** The command tree as names, options and subcommands, to compare two registrations. */
function shape(command: Command): unknown {
  return {
    name: command.name(),
    options: command.options.map((o) => o.flags),
    commands: command.commands.map(shape),
  };
}

async function programFor(name?: string): Promise<Command> {
  const program = new Command('rentwise');
  await registerCommands(program, name);
  return program;
}

describe('registerCommands loads only the files of the command that runs', () => {
  it('lists, for each file, exactly the top-level commands it adds', async () => {
    for (const file of COMMAND_FILES) {
      const program = new Command('rentwise');
      (await file.load())(program);
      expect(program.commands.map((c) => c.name()).sort()).toEqual([...file.names].sort());
    }
  });

  it('gives every command the same subcommands and options as registering every file', async () => {
    const everything = await programFor();
    const names = everything.commands.map((c) => c.name());
    expect(names).toEqual(expect.arrayContaining(['assess', 'run', 'import', 'serve', 'statement', 'rent-change', 'users']));
    for (const name of names) {
      const alone = await programFor(name);
      expect(alone.commands.map((c) => c.name())).toContain(name);
      expect(shape(alone.commands.find((c) => c.name() === name)!)).toEqual(shape(everything.commands.find((c) => c.name() === name)!));
    }
  });

  it('registers every file when no command, or an unknown one, is named', async () => {
    const all = (await programFor()).commands.map((c) => c.name());
    expect((await programFor('no-such-command')).commands.map((c) => c.name())).toEqual(all);
    expect((await programFor('help')).commands.map((c) => c.name())).toEqual(all);
  });
});

describe('commandNameOf', () => {
  it.each([
    [['run', 'daily', '--json'], 'run'],
    [['--db', '/tmp/x', 'assess', '-'], 'assess'],
    [['--db=/tmp/x', 'import', 'payments', 'f.csv'], 'import'],
    [['--help'], undefined],
    [[], undefined],
    [['--', 'serve'], 'serve'],
  ])('%j names %s', (args, name) => {
    expect(commandNameOf(args)).toBe(name);
  });
});
