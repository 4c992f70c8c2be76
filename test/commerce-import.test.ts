import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  multipart,
  multipartHeaders,
  signIn,
  type Client,
  type TestContext,
} from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const upload = (client: Client, kind: string, filename: string, content: Buffer) =>
  client.request(
    'POST',
    '/api/imports',
    multipart([
      { name: 'kind', value: kind },
      { name: 'file', filename, contentType: 'application/octet-stream', content },
    ]),
    multipartHeaders,
  );

/**
 * Text as Vietnamese Windows writes it: letters with ă â ê ô ơ ư đ are precomposed, tone marks
 * follow as combining characters (the code page has no precomposed toned letters).
 */
const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
const windows1258 = (text: string) =>
  iconv.encode(
    [...text.normalize('NFC')]
      .map((ch) => {
        const marks = ch.normalize('NFD').match(tones)?.join('') ?? '';
        return ch.normalize('NFD').replace(tones, '').normalize('NFC') + marks;
      })
      .join(''),
    'windows-1258',
  );

const countOrders = async (orgId: string) =>
  Number(
    (
      await ctx.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const csvOrders = [
  'Mã đơn hàng;Ngày;Số tiền;Số điện thoại;Tên khách hàng;Ghi chú',
  'DH-001;05/03/2026;1.250.000;0912 345 678;Nguyễn Thị Lan;"Giao nhanh; gói quà"',
  'DH-002;31/02/2026;500.000;0912 345 678;Nguyễn Thị Lan;ngày sai',
  'DH-003;06/03/2026;1.250.000 ₫;0987 654 321;Trần Văn Bình;',
  'DH-004;07/03/2026;mười nghìn;0987 654 321;Trần Văn Bình;số tiền sai',
  'DH-005;08/03/2026;99.000;0123;Lê Minh;số điện thoại sai',
].join('\r\n');

describe('importing orders from files', () => {
  it('reads a UTF-8 CSV with BOM, proposes the mapping, dry-runs without writing, then imports by the job', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvOrders)]);
    const uploaded = await upload(admin, 'orders', 'don-hang.csv', file);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const view = uploaded.json();
    expect(view.columns).toEqual([
      'Mã đơn hàng',
      'Ngày',
      'Số tiền',
      'Số điện thoại',
      'Tên khách hàng',
      'Ghi chú',
    ]);
    expect(view.mapping).toEqual([
      'externalId',
      'orderedAt',
      'amount',
      'customer.phone',
      'customer.name',
      null,
    ]);
    expect(view.totalRows).toBe(5);
    expect(view.sample[0][5]).toBe('Giao nhanh; gói quà');

    const dry = await admin.post(`/api/imports/${view.id}/dry-run`, { mapping: view.mapping });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().counts).toEqual({ created: 2, updated: 0, unchanged: 0, refused: 3 });
    const refused = dry.json().rows.filter((r: { status: string }) => r.status === 'refused');
    expect(refused.map((r: { row: number }) => r.row)).toEqual([3, 5, 6]);
    // The reasons name the column as the file names it, with the value it could not read.
    expect(refused[0].errors[0].message).toContain('Ngày');
    expect(refused[0].errors[0].message).toContain('31/02/2026');
    expect(refused[1].errors[0].message).toContain('Số tiền');
    expect(refused[2].errors[0].field).toBe('customer.phone');
    expect(await countOrders(org.id)).toBe(0);
    expect((await admin.get('/api/customers?q=Nguyễn Thị Lan')).json().items).toHaveLength(0);

    const started = await admin.post(`/api/imports/${view.id}/start`, { mapping: view.mapping });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().status).toBe('queued');
    expect(
      (await admin.post(`/api/imports/${view.id}/start`, { mapping: view.mapping })).statusCode,
    ).toBe(409);
    await ctx.drainJobs(org.id);
    const done = (await admin.get(`/api/imports/${view.id}`)).json();
    expect(done).toMatchObject({ status: 'done', rowsDone: 5, totalRows: 5 });
    expect(done.counts).toEqual({ created: 2, updated: 0, unchanged: 0, refused: 3 });
    expect(done.refusals.map((r: { row: number }) => r.row)).toEqual([3, 5, 6]);
    const stored = await ctx.db
      .selectFrom('orders')
      .select(['external_id', 'amount_minor', 'currency', 'ordered_at'])
      .where('org_id', '=', org.id)
      .orderBy('external_id')
      .execute();
    expect(stored.map((o) => [o.external_id, Number(o.amount_minor), o.currency])).toEqual([
      ['DH-001', 1_250_000, 'VND'],
      ['DH-003', 1_250_000, 'VND'],
    ]);
    // 05/03/2026 is 5 March, midnight in Ho Chi Minh City.
    expect(new Date(stored[0]!.ordered_at).toISOString()).toBe('2026-03-04T17:00:00.000Z');

    // The same file again changes nothing.
    const again = (await upload(admin, 'orders', 'don-hang.csv', file)).json();
    await admin.post(`/api/imports/${again.id}/start`, { mapping: again.mapping });
    await ctx.drainJobs(org.id);
    const second = (await admin.get(`/api/imports/${again.id}`)).json();
    expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: 2, refused: 3 });
    expect(await countOrders(org.id)).toBe(2);
  });

  it('reads Windows-1258 with comma separators and composes the Vietnamese letters', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const text = [
      'Order ID,Date,Amount,Phone,Customer name',
      'W-1,2026-03-05,"1.250.000",0912 345 678,Phạm Thị Hồng Nhung',
      'W-2,06/03/2026,"2.000.000",0912 345 678,Phạm Thị Hồng Nhung',
    ].join('\n');
    const bytes = windows1258(text);
    expect(iconv.decode(bytes, 'windows-1258')).not.toContain('?');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const view = (await upload(admin, 'orders', 'orders.csv', bytes)).json();
    expect(view.mapping).toEqual([
      'externalId',
      'orderedAt',
      'amount',
      'customer.phone',
      'customer.name',
    ]);
    expect(view.sample[0][4]).toBe('Phạm Thị Hồng Nhung'.normalize('NFC'));
    await admin.post(`/api/imports/${view.id}/start`, { mapping: view.mapping });
    await ctx.drainJobs(org.id);
    expect((await admin.get(`/api/imports/${view.id}`)).json().counts.created).toBe(2);
    const customers = (await admin.get('/api/customers?q=Phạm Thị Hồng Nhung')).json().items;
    expect(customers).toHaveLength(1);
    expect(customers[0].name).toBe('Phạm Thị Hồng Nhung'.normalize('NFC'));
    expect(customers[0].phone).toBe('+84912345678');
  });

  it('finds the header under a merged title row in an .xlsx, with date cells, serial dates and a merged header cell', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Đơn hàng');
    sheet.addRow(['Danh sách đơn hàng tháng 3/2026']);
    sheet.mergeCells('A1:G1');
    sheet.addRow(['订单号', '日期', '金额', '电话', '客户姓名', 'Ghi chú', '']);
    sheet.mergeCells('F2:G2');
    sheet.addRow([
      'X-1',
      new Date(Date.UTC(2026, 2, 5, 9, 30)),
      1_250_000,
      912345678,
      'Đỗ Văn Hải',
      'a',
      'b',
    ]);
    sheet.addRow(['X-2', 46087, '1.250.000', '0912 345 678', 'Đỗ Văn Hải', '', '']);
    sheet.addRow(['X-3', 'không rõ', '1.250.000', '0912 345 678', 'Đỗ Văn Hải', '', '']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const view = (await upload(admin, 'orders', 'don-hang.xlsx', bytes)).json();
    expect(view.format).toBe('xlsx');
    expect(view.columns).toEqual(['订单号', '日期', '金额', '电话', '客户姓名', 'Ghi chú', '#7']);
    expect(view.mapping.slice(0, 5)).toEqual([
      'externalId',
      'orderedAt',
      'amount',
      'customer.phone',
      'customer.name',
    ]);
    expect(view.totalRows).toBe(3);
    const dry = (
      await admin.request(
        'POST',
        `/api/imports/${view.id}/dry-run`,
        { mapping: view.mapping },
        { 'accept-language': 'zh' },
      )
    ).json();
    expect(dry.counts).toEqual({ created: 2, updated: 0, unchanged: 0, refused: 1 });
    expect(dry.rows[0]).toMatchObject({ row: 5, status: 'refused' });
    expect(dry.rows[0].errors[0].message).toContain('日期');
    await admin.post(`/api/imports/${view.id}/start`, { mapping: view.mapping });
    await ctx.drainJobs(org.id);
    const stored = await ctx.db
      .selectFrom('orders')
      .select(['external_id', 'ordered_at', 'amount_minor', 'customer_id'])
      .where('org_id', '=', org.id)
      .orderBy('external_id')
      .execute();
    // The cell's wall clock 09:30 on 5 March in Ho Chi Minh City; serial 46087 is 6 March 2026.
    expect(
      stored.map((o) => [
        o.external_id,
        new Date(o.ordered_at).toISOString(),
        Number(o.amount_minor),
      ]),
    ).toEqual([
      ['X-1', '2026-03-05T02:30:00.000Z', 1_250_000],
      ['X-2', '2026-03-05T17:00:00.000Z', 1_250_000],
    ]);
    // The phone stored as a number lost its 0; it is the same customer as the typed one.
    expect(new Set(stored.map((o) => o.customer_id)).size).toBe(1);
  });

  it('goes on from the last committed row after a restart, and keeps imports per org', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const lines = ['Mã đơn hàng,Ngày,Số tiền,Số điện thoại,Tên khách hàng'];
    for (let i = 0; i < 450; i++)
      lines.push(
        `R-${i},05/03/2026,"${(i + 1) * 1000}",09${String(10_000_000 + i).slice(0, 8)},Khách ${i}`,
      );
    const view = (await upload(admin, 'orders', 'lon.csv', Buffer.from(lines.join('\n')))).json();
    expect(view.totalRows).toBe(450);
    await admin.post(`/api/imports/${view.id}/start`, { mapping: view.mapping });
    // A worker stopped after committing the first 200 rows: its job is taken up again.
    await ctx.db
      .updateTable('imports')
      .set({ status: 'running', rows_done: 200, created_count: 200 })
      .where('org_id', '=', org.id)
      .where('id', '=', view.id)
      .execute();
    await ctx.drainJobs(org.id);
    const done = (await admin.get(`/api/imports/${view.id}`)).json();
    expect(done).toMatchObject({ status: 'done', rowsDone: 450 });
    expect(done.counts.created).toBe(450);
    // Only rows 200.. were written by this run.
    expect(await countOrders(org.id)).toBe(250);

    const other = await createTestOrg(ctx);
    const otherAdmin = await signIn(ctx, other.users.admin.email);
    expect((await otherAdmin.get(`/api/imports/${view.id}`)).statusCode).toBe(404);
    expect(
      (await otherAdmin.post(`/api/imports/${view.id}/dry-run`, { mapping: view.mapping }))
        .statusCode,
    ).toBe(404);
    // Managers import (commerce:import); the front line does not.
    const manager = await signIn(ctx, users.manager.email);
    expect((await manager.get(`/api/imports/${view.id}`)).statusCode).toBe(200);
    const agent = await signIn(ctx, users.agent.email);
    expect((await agent.get(`/api/imports/${view.id}`)).statusCode).toBe(403);
  });

  it('refuses unreadable files, a mapping without the needed columns, and files over the limits', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const empty = await upload(admin, 'orders', 'x.csv', Buffer.from('Mã đơn hàng,Ngày\n'));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('file');
    const broken = await upload(admin, 'orders', 'x.xlsx', Buffer.from('PK\u0003\u0004 not a zip'));
    expect(broken.statusCode).toBe(400);
    const badKind = await upload(admin, 'invoices', 'x.csv', Buffer.from(csvOrders));
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.field).toBe('kind');
    const view = (await upload(admin, 'orders', 'x.csv', Buffer.from(csvOrders))).json();
    const noAmount = await admin.post(`/api/imports/${view.id}/dry-run`, {
      mapping: view.mapping.map((m: string | null) => (m === 'amount' ? null : m)),
    });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().error.field).toBe('mapping');
    const wrongWidth = await admin.post(`/api/imports/${view.id}/start`, {
      mapping: ['externalId'],
    });
    expect(wrongWidth.statusCode).toBe(400);

    const small = await createTestContext({ uploadMaxBytes: 1024 });
    try {
      const { users: u } = await createTestOrg(small);
      const a = await signIn(small, u.admin.email);
      const big = await upload(a, 'orders', 'big.csv', Buffer.from(csvOrders.repeat(10)));
      expect(big.statusCode).toBe(413);
      expect(big.json().error.message).toContain('MB');
    } finally {
      await small.close();
    }
  });

  it('imports customers who have never complained, matched by the customers’ rules', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const text = [
      'Mã KH,Họ tên,Điện thoại,Email,Hạng',
      'KH-9,Vũ Thu Trang,0905 123 456,trang@example.vn,Vàng',
      ',Không Liên Lạc,,,',
    ].join('\n');
    const view = (await upload(admin, 'customers', 'kh.csv', Buffer.from(text))).json();
    expect(view.mapping).toEqual(['externalId', 'name', 'phone', 'email', 'tier']);
    await admin.post(`/api/imports/${view.id}/start`, { mapping: view.mapping });
    await ctx.drainJobs(org.id);
    const done = (await admin.get(`/api/imports/${view.id}`)).json();
    expect(done.counts).toEqual({ created: 1, updated: 0, unchanged: 0, refused: 1 });
    const found = (await admin.get('/api/customers?q=Vũ Thu Trang')).json().items;
    expect(found[0]).toMatchObject({ externalId: 'KH-9', tier: 'Vàng', phone: '+84905123456' });
  });
  it('imports subscription events with their kinds in words, and referrals between customers', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const events = [
      'Mã sự kiện,Mã thuê bao,Loại sự kiện,Gói,Số tiền,Ngày,Số điện thoại,Tên khách hàng',
      'E-1,TB-9,Bắt đầu,Gói Bạc,"199.000",01/01/2026,0912 000 111,Hoàng Anh',
      'E-2,TB-9,Gia hạn,Gói Bạc,"199.000",01/02/2026,0912 000 111,Hoàng Anh',
      'E-3,TB-9,Tạm dừng,,,01/03/2026,0912 000 111,Hoàng Anh',
    ].join('\n');
    const view = (
      await upload(admin, 'subscription_events', 'thue-bao.csv', Buffer.from(events))
    ).json();
    expect(view.mapping).toEqual([
      'externalId',
      'subscriptionRef',
      'kind',
      'plan',
      'amount',
      'occurredAt',
      'customer.phone',
      'customer.name',
    ]);
    await admin.post(`/api/imports/${view.id}/start`, { mapping: view.mapping });
    await ctx.drainJobs(org.id);
    const done = (await admin.get(`/api/imports/${view.id}`)).json();
    expect(done.counts).toMatchObject({ created: 2, refused: 1 });
    expect(done.refusals[0].errors[0].message).toContain('Loại sự kiện');

    const referrals = [
      'Mã giới thiệu,Ngày giới thiệu,SĐT người giới thiệu,Người được giới thiệu,SĐT người được giới thiệu',
      'G-1,15/02/2026,0912 000 111,Mai Lan,0912 000 222',
    ].join('\n');
    const r = (await upload(admin, 'referrals', 'gioi-thieu.csv', Buffer.from(referrals))).json();
    expect(r.mapping).toEqual([
      'externalId',
      'referredAt',
      'referrer.phone',
      'referred.name',
      'referred.phone',
    ]);
    await admin.post(`/api/imports/${r.id}/start`, { mapping: r.mapping });
    await ctx.drainJobs(org.id);
    expect((await admin.get(`/api/imports/${r.id}`)).json().counts.created).toBe(1);
    const anh = (await admin.get('/api/customers?q=Hoàng Anh')).json().items[0];
    const page = (await admin.get(`/api/customers/${anh.id}/commerce`)).json();
    expect(page.subscriptions[0]).toMatchObject({ subscriptionRef: 'TB-9', state: 'active' });
    expect(page.referrals[0]).toMatchObject({
      direction: 'referred_someone',
      otherCustomerName: 'Mai Lan',
    });
  });
});
