import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CopyOutText } from './copy-out-text';

/** A protocol message: code, length (itself included), contents. */
function message(code: string, contents: string | Buffer = ''): Buffer {
  const body = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents;
  const header = Buffer.alloc(5);
  header.write(code, 0, 'latin1');
  header.writeUInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** The driver's side: its socket (an emitter with one data handler) and what reaches that handler. */
function fakeConnection() {
  const stream = new EventEmitter();
  const toDriver: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => toDriver.push(chunk));
  const sent: string[] = [];
  return { connection: { stream, query: (text: string) => sent.push(text) }, toDriver, sent };
}

const rows = ['1\t2026-11-23\tcharge\t\\N\n', '2\t2026-11-24\tpayment\tLoyer café — £5\n', '3\t2026-11-25\tbenefit\thousing_benefit\n'];
const afterCopy = Buffer.concat([message('C', 'COPY 3\0'), message('Z', 'I')]);
const session = Buffer.concat([
  message('H', Buffer.from([0, 0, 3, 0, 0, 0, 0, 0, 0])),
  message('d', rows[0]!),
  message('N', 'SNOTICE\0Mprobe\0\0'),
  message('d', rows[1]!),
  message('S', 'TimeZone\0UTC\0'),
  message('d', rows[2]!),
  message('c'),
  afterCopy,
]);

function run(chunks: readonly Buffer[]) {
  const { connection, toDriver, sent } = fakeConnection();
  const copy = new CopyOutText('SELECT 1');
  copy.submit(connection as never);
  for (const chunk of chunks) connection.stream.emit('data', chunk);
  return { copy, toDriver: Buffer.concat(toDriver), sent, handlers: connection.stream.listenerCount('data') };
}

describe('CopyOutText: a copy-out read straight off the socket', () => {
  it('sends the COPY, keeps the rows, skips the messages between them and hands the rest back to the driver', async () => {
    const { copy, toDriver, sent, handlers } = run([session]);
    expect(sent).toEqual(['COPY (SELECT 1) TO STDOUT']);
    expect(toDriver.equals(afterCopy)).toBe(true);
    expect(handlers).toBe(1);
    copy.handleCommandComplete();
    copy.handleReadyForQuery();
    expect(await copy.text).toBe(rows.join(''));
  });

  it('gives the same text and the same bytes to the driver wherever the socket splits the messages (headers, rows, characters)', async () => {
    for (let cut = 1; cut < session.length; cut++) {
      const { copy, toDriver } = run([session.subarray(0, cut), session.subarray(cut)]);
      expect(toDriver.equals(afterCopy), `split at ${cut}`).toBe(true);
      copy.handleReadyForQuery();
      expect(await copy.text, `split at ${cut}`).toBe(rows.join(''));
    }
    // A byte at a time.
    const { copy, toDriver } = run([...session].map((b) => Buffer.from([b])));
    expect(toDriver.equals(afterCopy)).toBe(true);
    copy.handleReadyForQuery();
    expect(await copy.text).toBe(rows.join(''));
  });

  it('leaves an error to the driver from its first byte and rejects with the error the driver reports', async () => {
    const error = Buffer.concat([message('E', 'SERROR\0C22012\0Mdivision by zero\0\0'), message('Z', 'I')]);
    const stream = Buffer.concat([message('H', Buffer.from([0, 0, 0])), message('d', rows[0]!), error]);
    for (const cut of [0, 7, stream.length - error.length, stream.length - error.length + 2]) {
      const { copy, toDriver, handlers } = run(cut === 0 ? [stream] : [stream.subarray(0, cut), stream.subarray(cut)]);
      expect(toDriver.equals(error), `split at ${cut}`).toBe(true);
      expect(handlers).toBe(1);
      copy.handleError(new Error('division by zero'));
      copy.handleReadyForQuery();
      await expect(copy.text).rejects.toThrow('division by zero');
    }
  });

  it('gives the socket back when the connection fails during the copy', async () => {
    const { connection } = fakeConnection();
    const copy = new CopyOutText('SELECT 1');
    copy.submit(connection as never);
    connection.stream.emit('data', message('H', Buffer.from([0, 0, 0])));
    copy.handleError(new Error('Connection terminated unexpectedly'));
    expect(connection.stream.listenerCount('data')).toBe(1);
    await expect(copy.text).rejects.toThrow('Connection terminated');
  });
});
