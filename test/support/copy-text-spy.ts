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
            const all: string[] = [];
            for await (const chunk of chunks as AsyncIterable<string>) all.push(chunk);
            sent.push({ table, text: all.join('') });
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
