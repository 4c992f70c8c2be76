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

/** CSV with a UTF-8 byte-order mark (so Excel reads Vietnamese and Chinese right), CRLF lines. */
export function toCsv<Row extends Record<string, ExportCell>>(
  table: ExportTable<Row>,
  lang: Language,
): Buffer {
  const lines = [
    table.columns.map((c) => quoteCsv(guardText(c.label[lang]))).join(','),
    ...table.rows.map((row) => table.columns.map((c) => quoteCsv(cellText(row[c.key]))).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** An .xlsx workbook of one sheet: a bold header row, numbers as numbers, text guarded. */
export async function toXlsx<Row extends Record<string, ExportCell>>(
  table: ExportTable<Row>,
  lang: Language,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Sheet names are at most 31 characters and may not hold []:*?/\ in Excel.
  const sheet = workbook.addWorksheet(table.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
  sheet.addRow(table.columns.map((c) => guardText(c.label[lang])));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(
      table.columns.map((c) => {
        const v = row[c.key];
        if (v === null || v === undefined) return null;
        if (typeof v === 'number') return Number.isFinite(v) ? v : null;
        return cellText(v);
      }),
    );
  }
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(60, Math.max(10, table.columns[i]!.label[lang].length + 2));
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
  const base = table.name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'export';
  return { body, contentType: exportContentTypes[format], fileName: `${base}.${format}` };
}
