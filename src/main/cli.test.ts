import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-files';
import { missingSubcommand, oneLineUsageError } from './cli';

const BIN = join(process.cwd(), 'bin', 'rentwise.mjs');
const files = tempDir('rentwise-cli-');
afterAll(() => files.cleanup());

function rentwise(stdin: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, RENTWISE_DB: join('/nonexistent', 'never-opened') };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin);
  });
}

describe('usage errors: exit 2 and one line on stderr naming what is wrong (contracts/cli-and-files.md)', () => {
  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['tenancies', '--json', '--bogus'], /unknown option '--bogus'/],
    [['account'], /missing required argument 'ref'/],
    [['notice', 'TEN-1'], /required option '--served-on <date>' not specified/],
    [['import'], /rentwise import needs a command/],
    [['assess', '-'], /standard input is not valid JSON: .* is not valid JSON/],
  ])('rentwise %j', async (args, message) => {
    const { code, stderr, stdout } = await rentwise('not json\n', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('a --db that cannot hold the embedded database (a file) is bad input: exit 2, one line', async () => {
    const file = join(files.dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const { code, stderr } = await rentwise('', 'migrate', '--db', file);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/cannot keep the embedded database in .*a-file \(EEXIST\)/);
  });

  it('help is still whole, on standard output, exit 0', async () => {
    const { code, stdout, stderr } = await rentwise('', 'import', '--help');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Usage: rentwise import');
    expect(stdout.split('\n').length).toBeGreaterThan(5);
  });

  it('every command that prints JSON accepts --json: assess, and migrate prints its state as JSON with it', async () => {
    const example = join(__dirname, '../../../shared/examples/cases/001-clean-account.json');
    const plain = await rentwise('', 'assess', example);
    const withJson = await rentwise('', 'assess', example, '--json');
    expect(withJson.code).toBe(0);
    expect(JSON.parse(withJson.stdout)).toEqual(JSON.parse(plain.stdout));
    const dir = files.dir;
    const migrated = await rentwise('', 'migrate', '--json', '--db', join(dir, 'db'));
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.stdout)).toMatchObject({ migration: expect.any(Number), database: 'pglite' });
  });

  it('puts commander\'s messages on one line', () => {
    expect(oneLineUsageError("error: unknown option '--jsn'\n(Did you mean --json?)\n")).toBe("rentwise: unknown option '--jsn' (Did you mean --json?) (see rentwise --help)");
    expect(missingSubcommand('Usage: rentwise users [options] [command]\n\nusers\n')).toBe('rentwise: rentwise users needs a command (see rentwise users --help)');
  });
});
