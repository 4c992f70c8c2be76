import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../platform/errors.ts';
import { parseCsv } from './domain/csv.ts';
import type { CellValue } from './domain/values.ts';

/** The most rows one import may carry (the file's size is bounded by the upload limit too). */
export const IMPORT_MAX_ROWS = 200_000;

export type FileFormat = 'csv' | 'xlsx';

const isZip = (b: Buffer) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;

/**
 * A CSV's text: UTF-8 with or without a byte-order mark; a file that is not valid UTF-8 is
 * read as Windows-1258 (Vietnamese Windows), which writes some letters as a base letter and a
 * combining tone mark, so the text is composed (NFC) to compare and store as typed elsewhere.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'windows-1258' } {
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { text: text.normalize('NFC'), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(body, 'windows-1258').normalize('NFC'), encoding: 'windows-1258' };
  }
}

export const formatOf = (bytes: Buffer): FileFormat => (isZip(bytes) ? 'xlsx' : 'csv');

/** A spreadsheet cell as a plain value: formulas give their result, rich text its text. */
function plainCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date)
    return value;
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .normalize('NFC');
    if ('result' in value) return plainCell(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).normalize('NFC');
    if ('error' in value) return null;
  }
  return null;
}

async function readXlsx(bytes: Buffer): Promise<CellValue[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('validation_failed', {
      field: 'file',
      messageKey: 'import.unreadable_file',
    });
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.rowCount > IMPORT_MAX_ROWS + 50) tooManyRows(sheet.rowCount);
  const width = sheet.columnCount;
  const rows: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: CellValue[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A cell merged into the one on its left (a header over two columns) repeats nothing.
      const isCovered = cell.isMerged && cell.master !== cell && cell.master.row === cell.row;
      cells.push(isCovered ? null : plainCell(cell.value));
    }
    rows.push(cells);
  });
  return rows;
}

function tooManyRows(rows: number): never {
  throw new AppError('payload_too_large', {
    field: 'file',
    messageKey: 'import.too_many_rows',
    params: { rows, max: IMPORT_MAX_ROWS },
  });
}

/** Every non-blank row of the file's first sheet, as cells. */
export async function readRows(
  bytes: Buffer,
): Promise<{ format: FileFormat; rows: CellValue[][] }> {
  const format = formatOf(bytes);
  if (format === 'xlsx') return { format, rows: await readXlsx(bytes) };
  if (bytes.includes(0)) {
    throw new AppError('validation_failed', {
      field: 'file',
      messageKey: 'import.unreadable_file',
    });
  }
  const rows = parseCsv(decodeText(bytes).text);
  if (rows.length > IMPORT_MAX_ROWS + 50) tooManyRows(rows.length);
  return { format, rows };
}
