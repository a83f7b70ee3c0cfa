import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl } from '../../../test/support/test-database';
import { tempDir } from '../../../test/support/temp-files';

/** `rentwise users add|list` as an operator runs them (child process, embedded database or DATABASE_URL). */
const BIN = join(process.cwd(), 'bin', 'rentwise.mjs');
const files = tempDir('rentwise-users-');
let databaseUrl: { url: string; drop: () => Promise<void> } | null = null;

function rentwise(stdin: string | null, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env };
  if (databaseUrl) env.DATABASE_URL = databaseUrl.url;
  else delete env.DATABASE_URL;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args, '--db', join(files.dir, 'db')], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin ?? '');
  });
}

beforeAll(async () => {
  databaseUrl = await createTestDatabaseUrl();
});
afterAll(async () => {
  await databaseUrl?.drop();
  files.cleanup();
});

describe('rentwise users', () => {
  it('adds users with the password from standard input and lists them as JSON', async () => {
    const admin = await rentwise('a-very-long-password\n', 'users', 'add', '--username', 'Root.Admin', '--role', 'admin', '--name', 'Root', '--password-stdin');
    expect(admin.stderr).toBe('');
    expect(admin.code).toBe(0);
    const noPatch = await rentwise('a-very-long-password\n', 'users', 'add', '--username', 'jo', '--role', 'officer', '--patch', 'Nowhere', '--password-stdin');
    expect(noPatch.code).toBe(2);
    expect(noPatch.stderr).toContain('There is no patch called "Nowhere"');
    const list = await rentwise(null, 'users', 'list', '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual({
      users: [{ username: 'root.admin', name: 'Root', role: 'admin', extraRoles: [], patch: null, active: true, singleSignOn: false, lastSignedInAt: null }],
    });
  });

  it('refuses bad usage with exit 2: no --password-stdin, a bad role, a short password, a taken username', async () => {
    expect((await rentwise('x', 'users', 'add', '--username', 'a1', '--role', 'officer')).code).toBe(2);
    const role = await rentwise('a-very-long-password', 'users', 'add', '--username', 'a2', '--role', 'boss', '--password-stdin');
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role');
    const short = await rentwise('short', 'users', 'add', '--username', 'a3', '--role', 'manager', '--password-stdin');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('12 characters');
    const taken = await rentwise('a-very-long-password', 'users', 'add', '--username', 'root.admin', '--role', 'manager', '--password-stdin');
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain('already taken');
  });
});
