import type { Command } from 'commander';
import { verifyCurrentAssessments, type VerifyReport } from '../../application/assessment/verify-assessments';
import { hasCurrentAssessment } from '../../persistence/stores/assessment-store';
import { findTenancyByRef } from '../../persistence/stores/tenancy-store';
import { action, printJson, UsageError } from '../cli-support';
import { withDatabase } from '../open-db';
import { progressBar } from '../progress';

/**
 * `rentwise verify [--sample N] [--tenancy REF…] [--json]`: makes each tenancy's current assessment again from
 * its whole exported case file, as `export-case REF --as-of D | assess --trace --policy FILE -` would with the
 * document of the policy version it was made under, and reports any stored result, column or trace that
 * differs (verifyCurrentAssessments). Exits 1 when one does.
 */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description("check each current assessment against assess on the tenancy's exported case file (result, stored columns, trace)")
    .option('--sample <n>', 'check this many, spread evenly over the tenancies (default: every one)')
    .option('--tenancy <ref...>', 'check only these tenancies')
    .option('--json', 'print the report as JSON')
    .action(
      action(async (opts: { sample?: string; tenancy?: string[]; json?: boolean }, cmd: Command) => {
        const sample = opts.sample === undefined ? undefined : Number(opts.sample);
        if (sample !== undefined && (!Number.isInteger(sample) || sample < 1)) throw new UsageError(`--sample: expected a whole number of 1 or more, got "${opts.sample}"`);
        const bar = progressBar('Verifying');
        const report = await withDatabase(cmd, async (db) => {
          let tenancyIds: number[] | undefined;
          if (opts.tenancy) {
            tenancyIds = [];
            for (const ref of opts.tenancy) {
              const tenancy = await findTenancyByRef(db, ref);
              if (!tenancy) throw new UsageError(`--tenancy: no tenancy with ref ${ref}`);
              if (!(await hasCurrentAssessment(db, tenancy.id))) throw new UsageError(`--tenancy: ${ref} has no current assessment (not begun, or not assessed yet)`);
              tenancyIds.push(tenancy.id);
            }
          }
          return verifyCurrentAssessments(db, { onProgress: bar.update, ...(sample === undefined ? {} : { sample }), ...(tenancyIds ? { tenancyIds } : {}) });
        });
        bar.stop();
        if (opts.json) printJson(report);
        else console.log(describe(report));
        if (report.differ > 0) {
          process.stderr.write(`rentwise: ${report.differ} current assessment${report.differ === 1 ? ' differs' : 's differ'} from assess on the exported case file\n`);
          process.exitCode = 1;
        }
      }),
    );
}

function describe(report: VerifyReport): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const lines = [
    `Checked ${n(report.checked)} of ${n(report.current)} current assessments against assess on each tenancy's exported case file: ${n(report.same)} the same, ${n(report.differ)} differ.`,
  ];
  for (const d of report.differences) lines.push(`  ${d.ref} (${d.trigger}, ${d.asOf}): ${d.parts.join('; ')}`);
  if (report.differ > report.differences.length) lines.push(`  … and ${n(report.differ - report.differences.length)} more`);
  return lines.join('\n');
}
