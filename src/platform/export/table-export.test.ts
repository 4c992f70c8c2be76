import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportTable, guardText, toCsv } from './table-export.ts';

type Row = { name: string; count: number; share: number | null };
const table = {
  name: 'demo',
  columns: [
    { key: 'name', label: { vi: 'Tên', en: 'Name', zh: '名称' } },
    { key: 'count', label: { vi: 'Số lượng', en: 'Count', zh: '数量' } },
    { key: 'share', label: { vi: 'Tỷ lệ', en: 'Share', zh: '比例' } },
  ],
  rows: [
    { name: 'Giao hàng "chậm", trễ', count: 3, share: 0.5 },
    { name: '=HYPERLINK("http://x")', count: -2, share: null },
    { name: '+1', count: 0, share: 1 },
    { name: '@SUM(A1)', count: 1, share: 0 },
  ],
} as const satisfies { name: string; columns: unknown; rows: Row[] };

describe('table export', () => {
  it('guards text that a spreadsheet would run as a formula', () => {
    expect(['=1', '+1', '-1', '@a', 'a=1', ''].map(guardText)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      'a=1',
      '',
    ]);
  });

  it('writes CSV with a byte-order mark, quoting, the guard, and headers in the language', () => {
    const text = toCsv(table, 'vi').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Tên,Số lượng,Tỷ lệ',
      '"Giao hàng ""chậm"", trễ",3,0.5',
      `"'=HYPERLINK(""http://x"")",-2,`,
      "'+1,0,1",
      "'@SUM(A1),1,0",
      '',
    ]);
    expect(toCsv(table, 'zh').toString('utf8').slice(1).split('\r\n')[0]).toBe('名称,数量,比例');
  });

  it('writes an xlsx that reads back with numbers as numbers and text guarded', async () => {
    const file = await exportTable(table, 'xlsx', 'en');
    expect(file.fileName).toBe('demo.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = sheet.getSheetValues().slice(1) as unknown[][];
    expect(values.map((r) => r.slice(1))).toEqual([
      ['Name', 'Count', 'Share'],
      ['Giao hàng "chậm", trễ', 3, 0.5],
      ['\'=HYPERLINK("http://x")', -2],
      ["'+1", 0, 1],
      ["'@SUM(A1)", 1, 0],
    ]);
  });
});
