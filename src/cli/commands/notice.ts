import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { action, printJson, UsageError } from '../cli-support';
import { dateOption, withDatabase } from '../open-db';

export function registerNotice(program: Command): void {
  program
    .command('notice')
    .description('draft the statutory notice for a tenancy as if served on a date (JSON or the PDF to serve); --record records it as served')
    .argument('<ref>', 'the tenancy reference')
    .requiredOption('--served-on <date>', 'the date of service')
    .option('--type <type>', 'nosp | section_8 | section_128 | notice_to_quit (default: the tenure\'s)')
    .option('--grounds <list>', 'grounds, comma-separated (default: what the policy gives)')
    .option('--format <format>', 'json | pdf', 'json')
    .option('--json', 'the JSON (the same as --format json)')
    .option('--out <file>', 'write to a file (pdf: default standard output)')
    .option('--record', 'record the notice as served on the case')
    .option('--method <method>', 'with --record: how it was served (e.g. hand, first_class_post)')
    .action(
      action(async (ref: string, opts: { servedOn: string; type?: string; grounds?: string; format: string; json?: boolean; out?: string; record?: boolean; method?: string }, cmd: Command) => {
        const servedOn = dateOption(opts.servedOn, '--served-on', '');
        if (opts.format !== 'json' && opts.format !== 'pdf') throw new UsageError(`--format: expected json or pdf, got "${opts.format}"`);
        if (opts.json && opts.format !== 'json') throw new UsageError('--json and --format pdf ask for two different outputs: give one');
        if (opts.record && !opts.method) throw new UsageError('--record needs --method (how the notice was served)');
        const grounds = opts.grounds === undefined ? undefined : opts.grounds.split(',').map((g) => g.trim()).filter((g) => g !== '');
        const { draftNotice, noticeLetter, NoticeRefused, recordNoticeServed } = await import('../../application/notices/draft-notice');
        const { renderLetterPdf } = await import('../../application/letters/render-letter-pdf');
        await withDatabase(cmd, async (db) => {
          try {
            const request = { ref, servedOn, ...(opts.type !== undefined ? { type: opts.type } : {}), ...(grounds !== undefined ? { grounds } : {}) };
            const draft = opts.record
              ? await recordNoticeServed(db, { ...request, method: opts.method!, recordedBy: 'cli' })
              : (await draftNotice(db, request)).draft;
            if (opts.format === 'json') {
              if (opts.out) await writeFile(opts.out, `${JSON.stringify(draft, null, 2)}\n`);
              else printJson(draft);
              return;
            }
            const pdf = await renderLetterPdf(await noticeLetter(db, ref, draft));
            if (opts.out) await writeFile(opts.out, pdf);
            else process.stdout.write(pdf);
          } catch (error) {
            if (error instanceof NoticeRefused) throw new UsageError(error.message);
            throw error;
          }
        });
      }),
    );
}
