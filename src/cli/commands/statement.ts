import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { buildStatement, StatementPeriodError, TenancyNotFoundError } from '../../application/statements/build-statement';
import { renderStatementCsv } from '../../application/statements/render/csv';
import { renderStatementJson } from '../../application/statements/render/json';
import { renderStatementPdf } from '../../application/statements/render/pdf';
import { renderStatementText } from '../../application/statements/render/text';
import type { Statement } from '../../domain/statements/statement';
import { action, UsageError } from '../cli-support';
import { dateOption, todayInLondon, withDatabase } from '../open-db';

const FORMATS = ['text', 'csv', 'json', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

interface StatementOptions {
  from?: string;
  to?: string;
  arrearsBegan?: boolean;
  format?: string;
  json?: boolean;
  out?: string;
  asOf?: string;
}

async function render(statement: Statement, format: Format): Promise<string | Buffer> {
  switch (format) {
    case 'csv':
      return renderStatementCsv(statement);
    case 'json':
      return renderStatementJson(statement);
    case 'pdf':
      return renderStatementPdf(statement);
    default:
      return renderStatementText(statement);
  }
}

export function registerStatement(program: Command): void {
  program
    .command('statement')
    .description("a rent statement with a running balance (default: the Pre-Action Protocol's 13-week statement to today)")
    .argument('<ref>', 'the tenancy reference')
    .option('--from <date>', 'first day shown (YYYY-MM-DD)')
    .option('--to <date>', 'last day shown (default: --as-of)')
    .option('--arrears-began', 'from when the arrears began, at least two years where the tenancy is that old (the court schedule)')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .option('--json', 'the same as --format json')
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--as-of <date>', 'the date of the statement (default today)')
    .action(
      action(async (ref: string, opts: StatementOptions, cmd: Command) => {
        const format = (opts.json ? 'json' : (opts.format ?? 'text')) as Format;
        if (!FORMATS.includes(format)) throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got "${opts.format}"`);
        const asOf = dateOption(opts.asOf, '--as-of', todayInLondon());
        const from = opts.from === undefined ? undefined : dateOption(opts.from, '--from', '');
        const to = opts.to === undefined ? undefined : dateOption(opts.to, '--to', '');
        if (opts.arrearsBegan && from !== undefined) throw new UsageError('--arrears-began and --from cannot be used together');
        if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from (${from}) is after --to (${to})`);

        const statement = await withDatabase(cmd, async (db) => {
          try {
            return await buildStatement(db, ref, { from, to, asOf, mode: opts.arrearsBegan ? 'arrears-began' : undefined });
          } catch (error) {
            if (error instanceof TenancyNotFoundError || error instanceof StatementPeriodError) throw new UsageError(error.message);
            throw error;
          }
        });
        const output = await render(statement, format);
        if (opts.out) {
          try {
            await writeFile(opts.out, output);
          } catch (error) {
            throw new UsageError(`cannot write ${opts.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
          }
          process.stdout.write(`Wrote the statement of ${statement.tenancyRef} (${statement.from} to ${statement.to}) to ${opts.out}\n`);
          return;
        }
        process.stdout.write(output);
      }),
    );
}
