import type { Command } from 'commander';
import { checkPolicyDocument } from '../../application/policy/policy-document';
import { assessCase } from '../../domain/assessment';
import { parseCaseFile } from '../../domain/case-file/parse-case-file';
import { DEFAULT_POLICY_PARAMETERS, resolvePolicy, type PolicyDocument } from '../../domain/policy';
import { action, caseFileProblem, printJson, readInput, UsageError } from '../cli-support';

interface AssessOptions {
  trace?: boolean;
  policy?: string;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readPolicyDocument(file: string): Promise<PolicyDocument> {
  const checked = checkPolicyDocument(parseJson((await readInput(file)).toString('utf8'), `policy ${file}`));
  if (!checked.ok) {
    throw new UsageError(`policy ${file} is not a valid policy document: ${checked.errors.map((e) => `${e.path || '(document)'}: ${e.message}`).join('; ')}`);
  }
  return checked.document;
}

export function registerAssess(program: Command): void {
  program
    .command('assess')
    .description('assess one case file (contracts/case-file.md); pure: no database')
    .argument('<file>', 'the case file, or - for standard input')
    .option('--trace', 'add the decision trace: every rule considered, in order')
    .option('--policy <file>', 'a policy document to use instead of the default policy')
    .option('--json', 'print the one JSON document (what it prints anyway)')
    .action(
      action(async (file: string, options: AssessOptions) => {
        const document = options.policy === undefined ? null : await readPolicyDocument(options.policy);
        const json = parseJson((await readInput(file)).toString('utf8'), file === '-' ? 'standard input' : file);
        const parsed = parseCaseFile(json);
        if (!parsed.ok) throw caseFileProblem(parsed);
        const caseFile = parsed.value;
        const policy = document === null ? DEFAULT_POLICY_PARAMETERS : resolvePolicy(document, caseFile.tenancy.tenure, caseFile.landlord.type);
        const { output, trace } = assessCase(caseFile, policy);
        printJson(options.trace ? { ...output, trace } : output);
      }),
    );
}
