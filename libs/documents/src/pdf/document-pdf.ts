import PDFDocument from 'pdfkit';
import type { Locale } from '@near/common';
import { type CjkForm, cjkFormOf, FONT_FILES, fontData, scriptRuns } from './fonts.js';

export interface PdfInfo {
  title: string;
  language: Locale;
  /** The event's time, so that the document says when it was made in the words of its record. */
  createdAt: Date;
}

export interface TextOptions {
  size?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  /** The form of Han characters in this text when it is another language's than the document's (a name). */
  cjkForm?: CjkForm;
  gapAfter?: number;
  color?: string;
}

/**
 * A column of a table: its header and its share of the width. Its Han characters take the document's form: one
 * CJK font per document and weight (each costs some 30 ms to embed), whatever the countries on a roll of 75.
 */
export interface Column {
  header: string;
  width: number;
}

const A4_MARGIN = 56;
const BODY_SIZE = 10.5;
const GREY = '#444444';

/**
 * The one layout every document uses: A4, NEAR's name at the head of each page, the page number and the
 * verification address at its foot, text in Noto Sans or, run by run, in Noto Sans CJK in the reader's form.
 * Fonts are embedded and subset by pdfkit; nothing is drawn in a font the PDF does not carry.
 */
export class DocumentPdf {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly cjkForm: CjkForm;
  private readonly registered = new Set<string>();

  constructor(private readonly info: PdfInfo) {
    this.cjkForm = cjkFormOf(info.language);
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: A4_MARGIN + 20, bottom: A4_MARGIN + 20, left: A4_MARGIN, right: A4_MARGIN },
      bufferPages: true,
      lang: info.language,
      displayTitle: true,
      pdfVersion: '1.7',
      // No default font: pdfkit would load Helvetica, a font the PDF would name without carrying it.
      font: '',
      info: {
        Title: info.title,
        Author: 'NEAR Secretariat',
        Creator: 'NEAR admission system',
        CreationDate: info.createdAt,
        ModDate: info.createdAt,
      },
    });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.useFont({ bold: false });
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  title(text: string): this {
    return this.text(text, { size: 20, bold: true, align: 'center', gapAfter: 14 });
  }

  heading(text: string): this {
    this.ensureRoom(60);
    this.doc.moveDown(0.6);
    return this.text(text, { size: 13, bold: true, gapAfter: 4 });
  }

  paragraph(text: string, options: TextOptions = {}): this {
    return this.text(text, { gapAfter: 6, ...options });
  }

  /** Label and value pairs, the labels in a narrow column. */
  fields(rows: readonly (readonly [string, string, CjkForm?])[]): this {
    const labelWidth = Math.round(this.width * 0.3);
    for (const [label, value, cjkForm] of rows) {
      this.ensureRoom(30);
      const top = this.doc.y;
      const left = this.doc.page.margins.left;
      this.textAt(label, left, top, labelWidth - 8, { bold: true, color: GREY });
      const labelBottom = this.doc.y;
      this.textAt(value, left + labelWidth, top, this.width - labelWidth, { cjkForm });
      this.doc.x = left;
      this.doc.y = Math.max(labelBottom, this.doc.y) + 4;
    }
    return this;
  }

  /** A table whose header is repeated on each page it runs onto. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[]): this {
    const left = this.doc.page.margins.left;
    const widths = columns.map((column) => column.width * this.width);
    const drawRow = (cells: readonly string[], options: TextOptions) => {
      const top = this.doc.y;
      let bottom = top;
      let x = left;
      cells.forEach((cell, index) => {
        this.textAt(cell, x, top, widths[index] - 6, { size: 9.5, ...options });
        bottom = Math.max(bottom, this.doc.y);
        x += widths[index];
      });
      this.doc.x = left;
      this.doc.y = bottom + 3;
    };
    const header = () => {
      drawRow(
        columns.map((column) => column.header),
        { bold: true },
      );
      this.rule();
    };
    this.ensureRoom(50);
    header();
    for (const cells of rows) {
      if (this.ensureRoom(24)) header();
      drawRow(cells, {});
    }
    return this;
  }

  /** Two languages side by side, row by row (a row's halves start level); one language alone spans the page. */
  sideBySide(rows: readonly { left: string; right?: string; options?: TextOptions; rightForm?: CjkForm }[]): this {
    const left = this.doc.page.margins.left;
    const gutter = 18;
    for (const row of rows) {
      const options = { align: 'center' as const, ...row.options };
      if (row.right === undefined) {
        this.text(row.left, { ...options, cjkForm: 'kr' });
        continue;
      }
      const half = (this.width - gutter) / 2;
      const top = this.doc.y;
      this.textAt(row.left, left, top, half, options);
      const leftBottom = this.doc.y;
      this.textAt(row.right, left + half + gutter, top, half, { ...options, cjkForm: row.rightForm });
      this.doc.x = left;
      this.doc.y = Math.max(leftBottom, this.doc.y) + (options.gapAfter ?? 6);
    }
    return this;
  }

  /** Text that must be copied exactly (a signed checkpoint): small, line by line, never re-wrapped by words. */
  verbatim(text: string): this {
    this.ensureRoom(80);
    for (const line of text.replace(/\n$/, '').split('\n')) this.text(line, { size: 8, gapAfter: 0 });
    this.doc.moveDown(0.5);
    return this;
  }

  image(png: Buffer, size: number, caption: string): this {
    this.ensureRoom(size + 30);
    const x = this.doc.page.margins.left + (this.width - size) / 2;
    this.doc.image(png, x, this.doc.y, { width: size, height: size });
    this.doc.y += size + 4;
    this.doc.x = this.doc.page.margins.left;
    return this.text(caption, { size: 8.5, align: 'center', color: GREY });
  }

  space(lines = 1): this {
    this.doc.moveDown(lines);
    return this;
  }

  /** Adds the head and foot to every page and answers the PDF's bytes. */
  async finish(head: string, foot: (page: number, pages: number) => string): Promise<Buffer> {
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      this.doc.switchToPage(index);
      const { margins, width, height } = this.doc.page;
      // Outside the margins: pdfkit would otherwise start a new page for text written there.
      const bottom = margins.bottom;
      margins.bottom = 0;
      this.textAt(head, margins.left, A4_MARGIN - 10, width - margins.left - margins.right, { size: 8.5, color: GREY, align: 'center' });
      this.textAt(foot(index - start + 1, count), margins.left, height - A4_MARGIN, width - margins.left - margins.right, {
        size: 8,
        color: GREY,
        align: 'center',
      });
      margins.bottom = bottom;
    }
    const ended = new Promise<void>((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    this.doc.end();
    await ended;
    return Buffer.concat(this.chunks);
  }

  private rule(): void {
    const y = this.doc.y - 1;
    this.doc
      .moveTo(this.doc.page.margins.left, y)
      .lineTo(this.doc.page.margins.left + this.width, y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    this.doc.y += 3;
  }

  /** Starts a new page when less than `height` points are left; answers whether it did. */
  private ensureRoom(height: number): boolean {
    const limit = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + height <= limit) return false;
    this.doc.addPage();
    return true;
  }

  private text(text: string, options: TextOptions): this {
    this.textAt(text, this.doc.page.margins.left, this.doc.y, this.width, options);
    this.doc.x = this.doc.page.margins.left;
    if (options.gapAfter) this.doc.y += options.gapAfter;
    return this;
  }

  /** Selects a font, registering it with this document on its first use (a document in Russian never loads CJK). */
  private useFont({ cjk, bold }: { cjk?: CjkForm; bold: boolean }): void {
    const name = cjk ? `cjk-${bold ? 'bold-' : ''}${cjk}` : bold ? 'bold' : 'text';
    if (!this.registered.has(name)) {
      if (cjk)
        this.doc.registerFont(name, fontData(bold ? FONT_FILES.cjkBold : FONT_FILES.cjk), `NotoSansCJK${cjk}-${bold ? 'Bold' : 'Regular'}`);
      else this.doc.registerFont(name, fontData(bold ? FONT_FILES.bold : FONT_FILES.text));
      this.registered.add(name);
    }
    this.doc.font(name);
  }

  /** Draws text at a place, each script run in its font; leaves doc.y below it. */
  private textAt(text: string, x: number, y: number, width: number, options: TextOptions): void {
    const form = options.cjkForm ?? this.cjkForm;
    const runs = scriptRuns(text);
    this.doc.fillColor(options.color ?? 'black').fontSize(options.size ?? BODY_SIZE);
    runs.forEach((run, index) => {
      this.useFont(run.cjk ? { cjk: form, bold: !!options.bold } : { bold: !!options.bold });
      const layout = { width, align: options.align ?? 'left', lineGap: 2, continued: index < runs.length - 1 };
      if (index === 0) this.doc.text(run.text, x, y, layout);
      else this.doc.text(run.text, layout);
    });
  }
}
