import PDFDocument from 'pdfkit';
import type { BusinessDate } from '../../domain/calendar/business-date';

export type PdfDoc = PDFKit.PDFDocument;

export interface PdfOptions {
  /** Compress content streams (default true). Tests turn it off to read the text. */
  compress?: boolean;
}

export interface PdfMeta {
  title: string;
  subject?: string;
  /** The document's date: its CreationDate and ModDate, so the same input gives the same bytes. */
  date: BusinessDate;
}

export const FONT = 'Helvetica';
export const FONT_BOLD = 'Helvetica-Bold';
export const TEXT_COLOUR = '#0b0c0c';
export const SECONDARY_COLOUR = '#505a5f';
export const RULE_COLOUR = '#b1b4b6';
export const SHADE_COLOUR = '#f3f2f1';
/** Space kept free at the foot of every page for the footer. */
export const FOOTER_SPACE = 28;

/** Characters above Latin-1 that Windows-1252 (the standard fonts' encoding) can still draw. */
const WIN_ANSI_EXTRA = new Set('–—•…€ŒœŠšŸŽžƒˆ˜‘’‚“”„†‡‰‹›™'.split(''));
const PLAIN_LETTERS: Record<string, string> = { 'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'đ': 'd', 'Đ': 'D', 'ı': 'i', 'ß': 'ss' };

function drawable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || ch === '\n' || WIN_ANSI_EXTRA.has(ch);
}

/**
 * The standard PDF fonts can only draw Windows-1252 text: anything else (a name in another script) is
 * written by the nearest plain letter where there is one (`Ł` → `L`, `ő` → `o`), else `?`, rather than as
 * a wrong glyph.
 */
export function pdfSafeText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (drawable(ch)) out += ch;
    else if (PLAIN_LETTERS[ch]) out += PLAIN_LETTERS[ch];
    else if (ch === '\t' || ch === '\r') out += ' ';
    else {
      const plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += plain !== '' && [...plain].every(drawable) ? plain : '?';
    }
  }
  return out;
}

/**
 * An A4 document with buffered pages (so footers can say "Page 1 of 3"). `finish` adds the footer to every
 * page, ends the document and resolves with its bytes. Deterministic: the dates in the document's
 * information come from `meta.date`, and so does its file identifier.
 */
export function startPdf(meta: PdfMeta, options: PdfOptions = {}): { doc: PdfDoc; finish: (footer: (page: number, pages: number) => string) => Promise<Buffer> } {
  const date = new Date(`${meta.date}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 56, right: 56 },
    bufferPages: true,
    compress: options.compress ?? true,
    info: { Title: pdfSafeText(meta.title), Subject: pdfSafeText(meta.subject ?? meta.title), Author: 'Rentwise', Creator: 'Rentwise', Producer: 'Rentwise (PDFKit)', CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font(FONT).fontSize(10).fillColor(TEXT_COLOUR);
  return {
    doc,
    async finish(footer) {
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i += 1) {
        doc.switchToPage(i);
        const { margins, height, width } = doc.page;
        const bottom = margins.bottom;
        margins.bottom = 0; // writing below the bottom margin would otherwise start a new page
        doc
          .font(FONT)
          .fontSize(8)
          .fillColor(SECONDARY_COLOUR)
          .text(pdfSafeText(footer(i - range.start + 1, range.count)), margins.left, height - bottom + 14, {
            width: width - margins.left - margins.right,
            align: 'center',
            lineBreak: false,
          });
        margins.bottom = bottom;
      }
      doc.end();
      return done;
    },
  };
}

/** The lowest y that content may reach on the current page. */
export function contentBottom(doc: PdfDoc): number {
  return doc.page.height - doc.page.margins.bottom - FOOTER_SPACE;
}

export function contentWidth(doc: PdfDoc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page when less than `height` is left on this one; returns true when it did. */
export function ensureSpace(doc: PdfDoc, height: number): boolean {
  if (doc.y + height <= contentBottom(doc)) return false;
  doc.addPage();
  return true;
}
