import type { Command } from 'commander';
import { createUserAccount, isRole } from '../../application/users/users';
import { listUsers } from '../../persistence/stores/user-store';
import { action, printJson, UsageError } from '../cli-support';
import { withDatabase } from '../open-db';
import { commandGroup } from './command-groups';

async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: the trailing newline of `echo` or a here-string is not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** `rentwise users add …` and `rentwise users list --json` (contracts/cli-and-files.md). */
export function registerUsers(program: Command): void {
  const users = commandGroup(program, 'users', 'sign-in accounts for the web application');
  users
    .command('add')
    .description('create a sign-in account; the password is read from standard input and stored hashed (argon2)')
    .requiredOption('--username <u>', 'the username (lower-case letters, numbers, dots, dashes, underscores)')
    .requiredOption('--role <role>', 'officer | senior_officer | manager | admin')
    .option('--patch <p>', "the patch's name (an officer's caseload)")
    .option('--name <n>', 'the name shown on pages')
    .option('--also-officer', 'an administrator who also works cases')
    .option('--password-stdin', 'read the password from standard input (required)')
    .option('--json', 'print the created user as JSON')
    .action(
      action(async (opts: { username: string; role: string; patch?: string; name?: string; alsoOfficer?: boolean; passwordStdin?: boolean; json?: boolean }, cmd: Command) => {
        if (!opts.passwordStdin) throw new UsageError('users add: give the password on standard input with --password-stdin');
        if (!isRole(opts.role)) throw new UsageError(`--role: expected officer, senior_officer, manager or admin, got "${opts.role}"`);
        const password = await readPasswordFromStdin();
        await withDatabase(cmd, async (db) => {
          const result = await createUserAccount(db, {
            username: opts.username,
            role: opts.role,
            patchName: opts.patch ?? null,
            displayName: opts.name ?? null,
            password,
            alsoOfficer: opts.alsoOfficer === true,
          });
          if ('problems' in result) {
            const first = result.problems[0]!;
            throw new UsageError(`--${first.field === 'name' ? 'name' : first.field === 'password' ? 'password-stdin' : first.field}: ${first.message}`);
          }
          const username = opts.username.trim().toLowerCase();
          if (opts.json) printJson({ id: result.id, username, role: opts.role, patch: opts.patch ?? null });
          else console.log(`Created ${opts.role} ${username}${opts.patch ? ` (patch ${opts.patch})` : ''}.`);
        });
      }),
    );
  users
    .command('list')
    .description('list the sign-in accounts')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { json?: boolean }, cmd: Command) => {
        await withDatabase(cmd, async (db) => {
          const rows = await listUsers(db);
          const list = rows.map((u) => ({
            username: u.username,
            name: u.display_name,
            role: u.role,
            extraRoles: u.extra_roles,
            patch: u.patch_name,
            active: u.active,
            singleSignOn: u.oidc_subject !== null,
            lastSignedInAt: u.last_signed_in_at ? u.last_signed_in_at.toISOString() : null,
          }));
          if (opts.json || cmd.optsWithGlobals().json) {
            printJson({ users: list });
            return;
          }
          if (list.length === 0) console.log('No users yet: add one with `rentwise users add`.');
          for (const u of list) console.log(`${u.username.padEnd(28)} ${u.role.padEnd(15)} ${u.patch ?? ''}${u.active ? '' : ' (deactivated)'}`);
        });
      }),
    );
}
