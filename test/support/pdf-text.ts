import { inflateSync } from 'node:zlib';

/** Windows-1252 bytes 0x80–0x9f (the rest of the code page is Latin-1). */
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

/**
 * The text drawn by a PDF that PDFKit wrote with `compress: false` and its standard fonts: one line per
 * text-showing operation (`[<hex> kern <hex>] TJ`), decoded from Windows-1252. Enough for tests to check
 * what a page says; not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of source.matchAll(/\[((?:<[0-9a-fA-F]*>|[\s\d.-])*)\]\s*TJ/g)) {
    let line = '';
    for (const hex of (m[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) {
      const bytes = Buffer.from(hex[1] ?? '', 'hex');
      for (const b of bytes) line += WIN_ANSI_HIGH[b] ?? String.fromCharCode(b);
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** The number of pages of a PDF (its page objects). */
export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

/**
 * The text of any PDF this service writes, compressed or not (letters are compressed, documents written
 * with `compress: false` are not): the file as it is plus each Flate stream inflated, read with pdfText,
 * whitespace collapsed.
 */
export function anyPdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const parts: Buffer[] = [pdf];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) !== null) {
    const start = m.index + m[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    try {
      parts.push(inflateSync(pdf.subarray(start, end)));
    } catch {
      // not a Flate stream: read as it is
    }
    re.lastIndex = end;
  }
  return pdfText(Buffer.concat(parts)).replace(/\s+/g, ' ');
}
