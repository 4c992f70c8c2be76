import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvChunks, inBatches, streamTable, toCsv, writeXlsx } from './table-export.ts';

type Row = { name: string; count: number | null; note: string | null };
const columns = [
  { key: 'name', label: { vi: 'Tên', en: 'Name', zh: '名称' } },
  { key: 'count', label: { vi: 'Số lượng', en: 'Count', zh: '数量' } },
  { key: 'note', label: { vi: 'Ghi chú', en: 'Note', zh: '备注' } },
] as const;
const rows: Row[] = [
  { name: 'Nguyễn Thị "Lan"', count: 3, note: 'dòng một\ndòng hai' },
  { name: '=HYPERLINK("http://x")', count: -2, note: null },
  { name: '王小明, 客户', count: 0, note: '+84 912' },
  { name: '@SUM(A1)', count: Number.NaN, note: '-1' },
  { name: 'Trần Đức', count: 1.5, note: 'giao hàng chậm' },
];
const stream = (size: number) => ({ name: 'demo/stream', columns, batches: inBatches(rows, size) });

describe('streaming table export', () => {
  it('writes the CSV byte for byte, whatever the batch size, the same as the buffered one', async () => {
    const expected = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(
        [
          'Tên,Số lượng,Ghi chú',
          '"Nguyễn Thị ""Lan""",3,"dòng một\ndòng hai"',
          `"'=HYPERLINK(""http://x"")",-2,`,
          '"王小明, 客户",0,\'+84 912',
          "'@SUM(A1),,'-1",
          'Trần Đức,1.5,giao hàng chậm',
          '',
        ].join('\r\n'),
        'utf8',
      ),
    ]);
    for (const size of [1, 2, 10]) {
      const chunks: Buffer[] = [];
      for await (const chunk of csvChunks(stream(size), 'vi')) chunks.push(chunk);
      expect(chunks.length).toBe(1 + Math.ceil(rows.length / size));
      expect(Buffer.concat(chunks).equals(expected)).toBe(true);
    }
    expect(toCsv({ name: 'demo', columns, rows }, 'vi').equals(expected)).toBe(true);
  });

  it('heads the CSV in the language asked for', async () => {
    const file = streamTable(stream(2), 'csv', 'zh');
    expect(file.fileName).toBe('demo-stream.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    const text = (await buffer(file.body)).toString('utf8');
    expect(text.slice(1).split('\r\n')[0]).toBe('名称,数量,备注');
  });

  it('writes an xlsx as rows come that reads back with numbers as numbers and text guarded', async () => {
    const out = new PassThrough();
    const [bytes] = await Promise.all([buffer(out), writeXlsx(stream(2), 'en', out)]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('demo stream');
    const values = (sheet.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
    expect(values).toEqual([
      ['Name', 'Count', 'Note'],
      ['Nguyễn Thị "Lan"', 3, 'dòng một\ndòng hai'],
      ['\'=HYPERLINK("http://x")', -2],
      ['王小明, 客户', 0, "'+84 912"],
      ["'@SUM(A1)", undefined, "'-1"],
      ['Trần Đức', 1.5, 'giao hàng chậm'],
    ]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('streams an xlsx through streamTable', async () => {
    const file = streamTable(stream(3), 'xlsx', 'vi');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buffer(file.body)) as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(rows.length + 1);
    expect(book.worksheets[0]!.getRow(1).getCell(1).value).toBe('Tên');
  });
});
