import type pg from 'pg';

// The protocol's message codes that copy-out mode reads (PostgreSQL's "Message Formats"). NoticeResponse,
// ParameterStatus and NotificationResponse may come between CopyData messages; any other message ends the
// copy (CopyDone normally). An ErrorResponse is left to the driver to read and report.
const COPY_DATA = 0x64; // d
const COPY_OUT_RESPONSE = 0x48; // H
const NOTICE_RESPONSE = 0x4e; // N
const PARAMETER_STATUS = 0x53; // S
const NOTIFICATION_RESPONSE = 0x41; // A
const ERROR_RESPONSE = 0x45; // E

function continuesCopy(code: number): boolean {
  return code === COPY_DATA || code === COPY_OUT_RESPONSE || code === NOTICE_RESPONSE || code === PARAMETER_STATUS || code === NOTIFICATION_RESPONSE;
}

/** What of the driver's connection a copy-out reads: its socket. */
interface Connection {
  stream: NodeJS.ReadableStream & { listeners(event: 'data'): ((chunk: Buffer) => void)[] };
  query(text: string): void;
}

/**
 * `COPY (…) TO STDOUT` collected into one text, read straight off the connection's socket: a query object
 * for node-postgres (`client.query(new CopyOutText(sql))`, then `await copy.text`), in the manner of
 * pg-copy-streams' copy-to, which it replaces for reading. While the copy runs it takes the socket's data
 * from the driver, keeps the CopyData messages' contents and hands everything from the message after the
 * copy (CommandComplete, ReadyForQuery; or an ErrorResponse) back to the driver, which finishes the query
 * as usual. The text is resolved when the connection is ready for the next query.
 *
 * A CopyData message is one row of the result: the stream of pg-copy-streams made a Buffer for each (a
 * batch of the daily run reads tens of thousands of rows), here the rows of a socket read are copied into
 * one Buffer, and nothing is streamed, as every caller wants the whole text.
 */
export class CopyOutText {
  readonly text: Promise<string>;
  private resolve!: (text: string) => void;
  private reject!: (error: Error) => void;
  private failed = false;
  private connection: Connection | null = null;
  private driverHandler: ((chunk: Buffer) => void) | null = null;
  private readonly onData = (chunk: Buffer) => this.read(chunk);
  private readonly parts: Buffer[] = [];
  /** The start of a message header split across two reads. */
  private head: Buffer | null = null;
  /** The code of the message being read and how many bytes of its contents are still to come. */
  private code = 0;
  private remaining = 0;

  constructor(private readonly sql: string) {
    this.text = new Promise<string>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.text.catch(() => undefined); // the caller awaits it; a failure is not left unhandled meanwhile
  }

  /** node-postgres' Submittable: called when this query's turn on the connection comes. */
  submit(connection: Connection): void {
    this.connection = connection;
    const handlers = connection.stream.listeners('data');
    if (handlers.length !== 1) throw new Error(`copy-out expects the driver's one data handler on the socket (found ${handlers.length})`);
    this.driverHandler = handlers[0]!;
    connection.stream.removeListener('data', this.driverHandler);
    connection.stream.on('data', this.onData);
    connection.query(`COPY (${this.sql}) TO STDOUT`);
  }

  handleError(error: Error): void {
    this.failed = true;
    this.detach(null);
    this.reject(error);
  }

  handleCommandComplete(): void {}

  handleReadyForQuery(): void {
    if (!this.failed) this.resolve(Buffer.concat(this.parts).toString('utf8'));
  }

  private read(chunk: Buffer): void {
    let buf = chunk;
    if (this.head) {
      buf = Buffer.concat([this.head, chunk]);
      this.head = null;
    }
    const out = Buffer.allocUnsafe(buf.length);
    let outLength = 0;
    let pos = 0;
    while (pos < buf.length) {
      if (this.remaining === 0) {
        const code = buf[pos]!;
        if (code === ERROR_RESPONSE) {
          this.keep(out, outLength);
          this.detach(buf.subarray(pos));
          return;
        }
        if (buf.length - pos < 5) {
          this.head = Buffer.from(buf.subarray(pos));
          break;
        }
        this.code = code;
        this.remaining = buf.readUInt32BE(pos + 1) - 4;
        pos += 5;
      }
      const n = Math.min(this.remaining, buf.length - pos);
      if (this.code === COPY_DATA) {
        buf.copy(out, outLength, pos, pos + n);
        outLength += n;
      }
      pos += n;
      this.remaining -= n;
      if (this.remaining === 0 && !continuesCopy(this.code)) {
        // CopyDone (or a message that ends the copy): the driver reads what follows.
        this.keep(out, outLength);
        this.detach(buf.subarray(pos));
        return;
      }
    }
    this.keep(out, outLength);
  }

  private keep(out: Buffer, length: number): void {
    if (length > 0) this.parts.push(out.subarray(0, length));
  }

  /** Gives the socket back to the driver, with the bytes it has still to read. */
  private detach(rest: Buffer | null): void {
    const connection = this.connection;
    const driverHandler = this.driverHandler;
    if (!connection || !driverHandler) return;
    this.connection = null;
    this.driverHandler = null;
    connection.stream.removeListener('data', this.onData);
    connection.stream.on('data', driverHandler);
    if (rest && rest.length > 0) driverHandler(rest);
  }
}

/** Runs `COPY (select) TO STDOUT` on a client and resolves its whole text. */
export async function copyOutTextOn(client: pg.ClientBase, select: string): Promise<string> {
  const copy = new CopyOutText(select);
  client.query(copy as unknown as pg.Submittable);
  return copy.text;
}
