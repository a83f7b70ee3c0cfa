import type { Db } from '../../src/persistence/database';

/**
 * `db` with the text of every COPY … FROM STDIN in text format sent inside a transaction kept in `sent`
 * (table and text), to see what a store sent the database.
 */
export function copyTextSpy(db: Db, sent: { table: string; text: string }[]): Db {
  return {
    ...db,
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          ...tx,
          copyText: async (table, columns, chunks) => {
            // Chunks are strings or bytes (a pipelined store sends Buffers): the text is their bytes joined.
            const all: (string | Uint8Array)[] = [];
            for await (const chunk of chunks as AsyncIterable<string | Uint8Array>) all.push(chunk);
            sent.push({ table, text: Buffer.concat(all.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))).toString('utf8') });
            return tx.copyText(table, columns, all);
          },
        }),
      ),
  };
}

/** The values of one column of COPY text lines (as sent: `\N` for null, backslash escapes kept). */
export function copyTextColumn(text: string, index: number): string[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t')[index] ?? '');
}
