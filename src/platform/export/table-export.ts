import { PassThrough, Readable, type Writable } from 'node:stream';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { Language } from '../i18n.ts';

/**
 * A table to download: columns with their headers in the three languages, and rows of plain
 * values. Any list or report builds one and hands it to {@link exportTable}.
 */
export type ExportColumn<Row> = {
  key: keyof Row & string;
  label: Record<Language, string>;
};
export type ExportCell = string | number | boolean | null | undefined;
export type ExportTable<Row extends Record<string, ExportCell>> = {
  /** The sheet's name and the file's base name (no extension). */
  name: string;
  columns: readonly ExportColumn<Row>[];
  rows: readonly Row[];
};
export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): such
 * text gets a leading apostrophe, which the spreadsheet shows as text. Numbers stay numbers.
 */
const formulaStart = /^[=+\-@\t\r]/;
export function guardText(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

function cellText(value: ExportCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return guardText(value);
}

function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

type Columns<Row> = readonly ExportColumn<Row>[];
const headerCsv = <Row>(columns: Columns<Row>, lang: Language) =>
  columns.map((c) => quoteCsv(guardText(c.label[lang]))).join(',');
const rowCsv = <Row extends Record<string, ExportCell>>(columns: Columns<Row>, row: Row) =>
  columns.map((c) => quoteCsv(cellText(row[c.key]))).join(',');

/** One cell as the workbook holds it: numbers stay numbers, text is guarded, nothing is empty. */
function xlsxCell(v: ExportCell): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  return cellText(v);
}
// Sheet names are at most 31 characters and may not hold []:*?/\ in Excel.
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
const columnWidth = <Row>(column: ExportColumn<Row>, lang: Language) =>
  Math.min(60, Math.max(10, column.label[lang].length + 2));

/** CSV with a UTF-8 byte-order mark (so Excel reads Vietnamese and Chinese right), CRLF lines. */
export function toCsv<Row extends Record<string, ExportCell>>(
  table: ExportTable<Row>,
  lang: Language,
): Buffer {
  const lines = [
    headerCsv(table.columns, lang),
    ...table.rows.map((row) => rowCsv(table.columns, row)),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** An .xlsx workbook of one sheet: a bold header row, numbers as numbers, text guarded. */
export async function toXlsx<Row extends Record<string, ExportCell>>(
  table: ExportTable<Row>,
  lang: Language,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName(table.name));
  sheet.addRow(table.columns.map((c) => guardText(c.label[lang])));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => xlsxCell(row[c.key])));
  sheet.columns.forEach((column, i) => {
    column.width = columnWidth(table.columns[i]!, lang);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The file's bytes, content type and a safe file name. */
export async function exportTable<Row extends Record<string, ExportCell>>(
  table: ExportTable<Row>,
  format: ExportFormat,
  lang: Language,
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const body = format === 'csv' ? toCsv(table, lang) : await toXlsx(table, lang);
  return {
    body,
    contentType: exportContentTypes[format],
    fileName: fileNameOf(table.name, format),
  };
}

/** A safe ASCII file name: anything but letters, digits, dot, dash and underscore becomes a dash. */
export function fileNameOf(name: string, format: ExportFormat): string {
  const base = name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'export';
  return `${base}.${format}`;
}

/**
 * A table too big to hold: its rows arrive in batches (a repository reads them by keyset, a
 * few thousand at a time), and the file is written as they come, so memory stays flat whatever
 * the number of rows.
 */
export type ExportStream<Row extends Record<string, ExportCell>> = {
  name: string;
  columns: readonly ExportColumn<Row>[];
  batches: AsyncIterable<readonly Row[]>;
};

/** The CSV of {@link toCsv}, byte for byte, as chunks: the mark and header, then one per batch. */
export async function* csvChunks<Row extends Record<string, ExportCell>>(
  table: ExportStream<Row>,
  lang: Language,
): AsyncGenerator<Buffer> {
  yield Buffer.from(`\uFEFF${headerCsv(table.columns, lang)}\r\n`, 'utf8');
  for await (const batch of table.batches) {
    if (batch.length === 0) continue;
    yield Buffer.from(batch.map((row) => `${rowCsv(table.columns, row)}\r\n`).join(''), 'utf8');
  }
}

/**
 * The workbook of {@link toXlsx}, written into `out` as the rows come (ExcelJS's streaming
 * writer, each row committed at once; inline strings, so no table of every string is kept).
 * Waits for `out` to drain between batches.
 */
export async function writeXlsx<Row extends Record<string, ExportCell>>(
  table: ExportStream<Row>,
  lang: Language,
  out: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName(table.name));
  sheet.columns = table.columns.map((c) => ({ width: columnWidth(c, lang) }));
  const header = sheet.addRow(table.columns.map((c) => guardText(c.label[lang])));
  header.font = { bold: true };
  header.commit();
  for await (const batch of table.batches) {
    for (const row of batch) sheet.addRow(table.columns.map((c) => xlsxCell(row[c.key]))).commit();
    if (out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}

/** The file as a stream to send, its content type and a safe file name. */
export function streamTable<Row extends Record<string, ExportCell>>(
  table: ExportStream<Row>,
  format: ExportFormat,
  lang: Language,
): { body: Readable; contentType: string; fileName: string } {
  let body: Readable;
  if (format === 'csv') {
    body = Readable.from(csvChunks(table, lang), { objectMode: false });
  } else {
    const out = new PassThrough();
    writeXlsx(table, lang, out).catch((error: unknown) => out.destroy(error as Error));
    body = out;
  }
  return {
    body,
    contentType: exportContentTypes[format],
    fileName: fileNameOf(table.name, format),
  };
}

/** Rows in batches from an array (a small table through the streaming writer). */
export async function* inBatches<Row>(rows: readonly Row[], size = 1000): AsyncGenerator<Row[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
