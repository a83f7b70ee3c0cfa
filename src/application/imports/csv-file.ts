import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { parse } from 'csv-parse';

/**
 * Reading import files (payments, tenancies) as a stream: memory stays flat whatever the file's size.
 *
 * - Bytes are hashed (sha256) as they stream past.
 * - A UTF-8 byte order mark is stripped.
 * - Each field is decoded on its own: as UTF-8 when it is valid UTF-8, otherwise as Windows-1252 (the
 *   encoding Excel and older housing systems write on Windows), so one `£` typed on an old PC spoils
 *   neither its row nor the rest of the file.
 * - A file with a NUL byte is binary (a spreadsheet, a PDF, a UTF-16 export), not CSV: refused whole.
 *
 * Row numbers are the row numbers a spreadsheet shows when it opens the file: the header is row 1 and
 * every record after it is the next row, a record whose quoted field spans several lines being one row.
 * A blank line (or a line of nothing but empty fields) is not a data row — it is never counted in `rows`
 * and has no outcome — but a spreadsheet shows it as an empty row, so it does take a row number: with no
 * multi-line fields, a record's row number is exactly its line number in the file.
 */

/** The file cannot be read as an import at all: refused whole, nothing imported (the CLI exits 2). */
export class ImportRefused extends Error {
  override name = 'ImportRefused';
}

export interface CsvRecord {
  /** The row number a spreadsheet shows (header = 1). */
  rowNumber: number;
  values: string[];
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F, where it differs from Latin-1 (the WHATWG Encoding
 * Standard's index; its five unassigned bytes stay the control character of the same number, as there).
 * Written out because Node 20's `TextDecoder('windows-1252')` decodes these bytes as Latin-1: a `€`, a
 * curly quote or a dash typed in Excel came out as an invisible control character.
 */
const WINDOWS_1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Windows-1252 text: every byte is one character, Latin-1's but for 0x80–0x9F. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_C1[byte - 0x80]! : String.fromCharCode(byte);
  return text;
}

export function decodeField(bytes: Buffer): string {
  return isUtf8(bytes) ? bytes.toString('utf8') : decodeWindows1252(bytes);
}

/** Strips a leading UTF-8 BOM, hashes every byte, refuses binary content and reports progress. */
class Inspector extends Transform {
  readonly hash = createHash('sha256');
  bytesRead = 0;
  private head: Buffer | null = Buffer.alloc(0);

  constructor(
    private readonly label: string,
    private readonly onBytes: ((bytesRead: number) => void) | undefined,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytesRead += chunk.length;
    this.onBytes?.(this.bytesRead);
    if (chunk.includes(0)) {
      callback(new ImportRefused(`${this.label} is not a CSV file: it has binary content (a spreadsheet, a PDF or a UTF-16 file?)`));
      return;
    }
    if (this.head !== null) {
      const head = Buffer.concat([this.head, chunk]);
      if (head.length < 3) {
        this.head = head;
        callback();
        return;
      }
      this.head = null;
      callback(null, head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head);
      return;
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.head !== null && this.head.length > 0) this.push(this.head);
    this.head = null;
    callback();
  }
}

function isBlank(values: readonly string[]): boolean {
  return values.every((v) => v.trim() === '');
}

export interface CsvReadOptions {
  /** Called as bytes are read (for a progress bar). */
  onBytes?: (bytesRead: number) => void;
  /** How the file is named in messages (default: its path). */
  label?: string;
}

export interface CsvReading {
  /** The records that are not blank, the first being the header. */
  records: AsyncIterable<CsvRecord>;
  /** The sha256 (hex) of the file's bytes, known once `records` is exhausted. */
  sha256(): string;
  bytesRead(): number;
}

/** Streams the file's records (header first), decoded field by field. Errors are ImportRefused. */
export function readCsv(path: string, options: CsvReadOptions = {}): CsvReading {
  const label = options.label ?? path;
  const inspector = new Inspector(label, options.onBytes);
  async function* records(): AsyncGenerator<CsvRecord> {
    const source = createReadStream(path);
    const parser = parse({
      encoding: null as unknown as BufferEncoding, // fields as Buffers: each is decoded on its own
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: 1_000_000,
    });
    source.on('error', (error: NodeJS.ErrnoException) => parser.destroy(new ImportRefused(`cannot read ${label}: ${error.code ?? error.message}`)));
    inspector.on('error', (error) => parser.destroy(error));
    source.pipe(inspector).pipe(parser);
    let rowNumber = 0;
    try {
      for await (const record of parser as AsyncIterable<Buffer[]>) {
        rowNumber += 1;
        const values = record.map(decodeField);
        if (isBlank(values)) continue;
        yield { rowNumber, values };
      }
    } catch (error) {
      if (error instanceof ImportRefused) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new ImportRefused(`${label} is not a readable CSV file: ${message}`);
    } finally {
      source.destroy();
    }
  }
  return {
    records: records(),
    sha256: () => inspector.hash.digest('hex'),
    bytesRead: () => inspector.bytesRead,
  };
}

export interface CsvScan {
  sha256: string;
  sizeBytes: number;
  header: string[];
  /** Records after the header that are not blank. */
  dataRecords: number;
}

/**
 * The first pass over a file: checks that the whole of it reads as CSV (so that a file broken half-way
 * down is refused before anything is posted), and gives its header, hash and size. `watch`, given the
 * header, may return a function that sees each data record as the pass reads it (nothing is kept otherwise).
 */
export async function scanCsvFile(path: string, label = path, watch?: (header: readonly string[]) => ((record: CsvRecord) => void) | undefined): Promise<CsvScan> {
  let sizeBytes: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ImportRefused(`cannot read ${label}: not a file`);
    sizeBytes = info.size;
  } catch (error) {
    if (error instanceof ImportRefused) throw error;
    throw new ImportRefused(`cannot read ${label}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const reading = readCsv(path, { label });
  let header: string[] | null = null;
  let dataRecords = 0;
  let seen: ((record: CsvRecord) => void) | undefined;
  for await (const record of reading.records) {
    if (header === null) {
      header = record.values.map((v) => v.trim());
      seen = watch?.(header);
    } else {
      dataRecords += 1;
      seen?.(record);
    }
  }
  if (header === null) throw new ImportRefused(`${label} is empty: a header row is required`);
  return { sha256: reading.sha256(), sizeBytes, header, dataRecords };
}

/** A column name as compared: case, spaces, `_` and `-` do not matter (`Transaction ID` = `transaction_id`). */
export function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/**
 * Where each wanted column is in the header: `wanted` maps a key to the header names it accepts.
 * A header naming the same wanted column twice is refused (which one would be meant?).
 */
export function locateColumns(header: readonly string[], wanted: Readonly<Record<string, readonly string[]>>, label: string): Map<string, number> {
  const positions = new Map<string, number>();
  const normalised = header.map(normaliseHeader);
  for (const [key, names] of Object.entries(wanted)) {
    const accepted = new Set(names.map(normaliseHeader));
    const found = normalised.flatMap((h, i) => (accepted.has(h) ? [i] : []));
    if (found.length > 1) throw new ImportRefused(`${label}: the header has the column "${header[found[0]!]}" more than once`);
    if (found[0] !== undefined) positions.set(key, found[0]);
  }
  return positions;
}

/** The values of a record by header name (for `raw`): extra values past the header are `column N`. */
export function rawRecord(header: readonly string[], values: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  values.forEach((v, i) => {
    raw[header[i] || `column ${i + 1}`] = v;
  });
  return raw;
}

/** A record with more values than the header has columns: only empty extras (trailing commas) are harmless. */
export function extraValues(header: readonly string[], values: readonly string[]): number {
  return values.slice(header.length).filter((v) => v.trim() !== '').length;
}

/**
 * Streams a scanned file's data records (the header skipped) to `processBatch` in batches of `batchRows`,
 * and refuses a file whose bytes changed since `scan` read it (rows already imported stay imported and
 * are duplicates when it is imported again).
 */
export async function forEachDataBatch(
  path: string,
  options: { label: string; scan: CsvScan; batchRows: number; onProgress?: ((bytesRead: number, totalBytes: number) => void) | undefined },
  processBatch: (batch: CsvRecord[]) => Promise<void>,
): Promise<void> {
  const reading = readCsv(path, { label: options.label, onBytes: (n) => options.onProgress?.(n, options.scan.sizeBytes) });
  let batch: CsvRecord[] = [];
  let sawHeader = false;
  for await (const record of reading.records) {
    if (!sawHeader) {
      sawHeader = true;
      continue;
    }
    batch.push(record);
    if (batch.length >= options.batchRows) {
      await processBatch(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await processBatch(batch);
  if (reading.sha256() !== options.scan.sha256) {
    throw new Error(`${options.label} changed while it was being imported: import it again (rows already imported are duplicates)`);
  }
}
