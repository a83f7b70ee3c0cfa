import type pg from 'pg';
import Result from 'pg/lib/result.js';
import pgUtils from 'pg/lib/utils.js';

/** One statement of a batch: its text (with `$1…` placeholders), its parameters, and the name it is prepared under on a connection. */
export interface BatchedStatement {
  text: string;
  values: readonly unknown[];
  name: string;
}

/** The part of pg's connection a batch writes to and whose prepared statements it keeps account of. */
interface Connection {
  stream: { cork?: () => void; uncork?: () => void };
  parsedStatements: Record<string, string>;
  submittedNamedStatements: Record<string, string>;
  parse(message: { text: string; name: string; types: unknown[] }): void;
  bind(message: { portal: string; statement: string; values: unknown[]; valueMapper: (value: unknown) => unknown }): void;
  describe(message: { type: 'P'; name: string }): void;
  execute(message: { portal: string; rows: number }): void;
  sync(): void;
}

interface RowDescription {
  fields: unknown[];
}

interface DataRow {
  fields: unknown[];
}

type Types = ConstructorParameters<typeof Result>[1];

/**
 * Several statements sent to PostgreSQL in one write and answered in one (pg's `Submittable`, as pg-cursor is):
 * each statement's Parse (the first time on this connection), Bind, Describe and Execute, then one Sync. The
 * server reads them in one go, runs them one after another in one implicit transaction and sends the answers
 * back together: one round trip, where `Promise.all` of single queries costs each statement a message each way,
 * a system call on each side and a wake-up of each process (docs/performance.md, "One round trip for a page's
 * reads"). An error in any statement fails the batch (the server skips the rest until the Sync).
 *
 * Prepared statements are shared with pg's own queries on the connection: a statement parsed here is recorded
 * in `parsedStatements` as pg records its own (and forgotten if the batch fails before the server parsed it),
 * so `db.query` of the same text reuses it and the batch reuses `db.query`'s.
 */
export class StatementBatch {
  callback: ((error: Error | null, rows?: unknown[][]) => void) | undefined;
  private readonly results: InstanceType<typeof Result>[];
  /** The statement whose answers are arriving: pg's client reads `name` and `text` of it on a ParseComplete. */
  private current = 0;
  private submittedHere: string[] = [];

  constructor(
    private readonly statements: readonly BatchedStatement[],
    types: Types,
  ) {
    this.results = statements.map(() => new Result(undefined, types));
  }

  get name(): string | undefined {
    return this.statements[this.current]?.name;
  }

  get text(): string | undefined {
    return this.statements[this.current]?.text;
  }

  /** Sends the batch; an Error (nothing sent) when a name was used for another text on this connection. */
  submit(connection: Connection): Error | null {
    for (const statement of this.statements) {
      const known = connection.parsedStatements[statement.name] ?? connection.submittedNamedStatements[statement.name];
      if (known !== undefined && known !== statement.text) return new Error(`Prepared statements must be unique: '${statement.name}' was used for a different statement`);
    }
    connection.stream.cork?.();
    try {
      for (const statement of this.statements) {
        if (connection.parsedStatements[statement.name] === undefined && connection.submittedNamedStatements[statement.name] === undefined) {
          connection.parse({ text: statement.text, name: statement.name, types: [] });
          connection.submittedNamedStatements[statement.name] = statement.text;
          this.submittedHere.push(statement.name);
        }
        connection.bind({ portal: '', statement: statement.name, values: [...statement.values], valueMapper: pgUtils.prepareValue });
        connection.describe({ type: 'P', name: '' });
        connection.execute({ portal: '', rows: 0 });
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  handleRowDescription(message: RowDescription): void {
    this.results[this.current]?.addFields(message.fields);
  }

  handleDataRow(message: DataRow): void {
    const result = this.results[this.current];
    result?.addRow(result.parseRow(message.fields));
  }

  handleCommandComplete(): void {
    this.current++;
  }

  handleEmptyQuery(): void {
    this.current++;
  }

  handlePortalSuspended(): void {
    // Every statement is executed to its end (rows: 0): the server never suspends a portal of the batch.
  }

  handleCopyInResponse(): void {
    // A batch holds no COPY.
  }

  handleCopyData(): void {
    // A batch holds no COPY.
  }

  handleError(error: Error, connection: Connection): void {
    // Statements of the batch not parsed when the server stopped were never prepared on this connection.
    for (const name of this.submittedHere) {
      if (connection.parsedStatements[name] === undefined) delete connection.submittedNamedStatements[name];
    }
    const callback = this.callback;
    this.callback = undefined;
    callback?.(error);
  }

  handleReadyForQuery(): void {
    const callback = this.callback;
    this.callback = undefined;
    callback?.(null, this.results.map((result) => result.rows));
  }
}

/** Runs `statements` as one batch on `client` and returns each one's rows, in order. */
export function runBatch(client: pg.PoolClient, statements: readonly BatchedStatement[], types: Types): Promise<unknown[][]> {
  return new Promise((resolve, reject) => {
    const batch = new StatementBatch(statements, types);
    batch.callback = (error, rows) => (error ? reject(error) : resolve(rows ?? []));
    client.query(batch as unknown as pg.Submittable);
  });
}
