import type { Command } from 'commander';
import { checkPolicyDocument } from '../../application/policy/policy-document';
import { action, printJson, readInput, UsageError } from '../cli-support';
import { withDatabase } from '../open-db';
import { commandGroup } from './command-groups';

/** Reads and checks a policy document file; exit 2 with every problem named by its path. */
export async function readPolicyFile(file: string) {
  const text = (await readInput(file)).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not JSON (${(error as Error).message})`);
  }
  const checked = checkPolicyDocument(json);
  if (!checked.ok) throw new UsageError(`${file}: ${checked.errors.map((e) => `${e.path || '(document)'}: ${e.message}`).join('; ')}`);
  return checked.document;
}

export function registerPolicy(program: Command): void {
  const policy = commandGroup(program, 'policy', 'the arrears recovery policy: show, check and apply versions');
  policy
    .command('show')
    .description('the policy in force (and, with --all, every version with who applied it and when)')
    .option('--all', 'every version')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { all?: boolean; json?: boolean }, cmd: Command) => {
        const { activePolicy } = await import('../../application/assessment/assess-tenancies');
        const { listPolicyVersions } = await import('../../persistence/stores/policy-store');
        await withDatabase(cmd, async (db) => {
          await activePolicy(db);
          const versions = await listPolicyVersions(db);
          const shown = opts.all ? versions : versions.slice(-1);
          if (opts.json) {
            printJson(opts.all ? { versions: shown } : shown[0]);
            return;
          }
          for (const v of shown) {
            console.log(`Policy version ${v.version}, applied by ${v.applied_by} at ${v.applied_at.toISOString()}${v.note ? ` — ${v.note}` : ''}`);
          }
          if (!opts.all) console.log(JSON.stringify(shown[0]?.document, null, 2));
        });
      }),
    );
  policy
    .command('check')
    .description('check a policy document (JSON): exit 0 when valid, 2 with every problem named')
    .argument('<file>', 'the policy document')
    .action(
      action(async (file: string) => {
        const document = await readPolicyFile(file);
        console.log(`${file}: a valid policy document, version ${document.version}.`);
      }),
    );
  policy
    .command('apply')
    .description('apply a policy document as a new version (its version must be greater than the one in force)')
    .argument('<file>', 'the policy document')
    .option('--by <name>', 'who applies it', process.env.USER ?? 'cli')
    .option('--note <text>', 'why')
    .action(
      action(async (file: string, opts: { by: string; note?: string }, cmd: Command) => {
        const document = await readPolicyFile(file);
        const { activePolicy } = await import('../../application/assessment/assess-tenancies');
        const { insertPolicyVersion } = await import('../../persistence/stores/policy-store');
        await withDatabase(cmd, async (db) => {
          const current = await activePolicy(db);
          if (document.version <= current.version) {
            throw new UsageError(`${file}: version ${document.version} is not after the policy in force (version ${current.version})`);
          }
          await insertPolicyVersion(db, document.version, document, opts.by, opts.note ?? null);
          console.log(`Applied policy version ${document.version} (by ${opts.by}). The next daily run and every re-assessment use it.`);
        });
      }),
    );
}
