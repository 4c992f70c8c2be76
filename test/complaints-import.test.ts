import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomesOf } from '../src/modules/complaints/index.ts';
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
  ctx = await createTestContext({ start: new Date('2026-03-10T03:00:00Z') });
});
afterAll(async () => ctx.close());

const upload = (client: Client, filename: string, content: Buffer) =>
  client.request(
    'POST',
    '/api/imports',
    multipart([
      { name: 'kind', value: 'complaints' },
      { name: 'file', filename, contentType: 'application/octet-stream', content },
    ]),
    multipartHeaders,
  );

/** Vietnamese Windows text: precomposed base letters, tone marks as combining characters. */
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

const header =
  'Mã khiếu nại;Ngày tiếp nhận;Kênh;Lý do;Nội dung;Số điện thoại;Tên khách hàng;Người phụ trách;Trạng thái;Ngày khắc phục;Ngày đóng';
const csvOf = (agentEmail: string, changes: Record<string, string> = {}) =>
  [
    header,
    changes.old1 ??
      `KN-OLD-1;03/02/2025 09:15;Điện thoại;Giao hàng chậm;Đơn giao trễ 3 ngày;0912 345 678;Nguyễn Thị Lan;${agentEmail};Đã khắc phục;04/02/2025 10:00;`,
    'KN-OLD-2;04/02/2025;Email;billing.overcharge;Tính tiền hai lần;0987 654 321;Trần Văn Bình;;Đã đóng;05/02/2025;06/02/2025',
    changes.old3 ??
      'KN-OLD-3;05/02/2025 14:00;Zalo;Sản phẩm lỗi;Máy hỏng sau hai ngày;0903 111 222;Lê Minh;;Đang xử lý;;',
    'KN-BAD-1;05/02/2025;Web;Lý do lạ;Không rõ;0903 111 333;Phạm An;;;;',
    'KN-BAD-2;10/02/2025;Web;Bảo hành;Hỏng;0903 111 444;Võ Hà;;Đã đóng;;08/02/2025',
    'KN-BAD-3;10/02/2025;Web;Bảo hành;;0903 111 555;Đỗ Quân;;;;',
    'KN-BAD-4;10/02/2025;Web;Bảo hành;Hỏng;0123;Bùi Lan;;;;',
  ].join('\r\n');

type Row = { row: number; status: string; errors?: { field: string; message: string }[] };

const importedCases = (orgId: string) =>
  ctx.db
    .selectFrom('complaints')
    .select([
      'id',
      'reference',
      'external_id',
      'status',
      'channel',
      'created_at',
      'closed_at',
      'owner_id',
      'imported_at',
      'next_due_at',
      'policy_id',
    ])
    .where('org_id', '=', orgId)
    .orderBy('reference')
    .execute();

const runImport = async (admin: Client, orgId: string, file: Buffer, name: string) => {
  const view = (await upload(admin, name, file)).json();
  const started = await admin.post(`/api/imports/${view.id}/start`, { mapping: view.mapping });
  expect(started.statusCode, started.body).toBe(200);
  await ctx.drainJobs(orgId);
  return (await admin.get(`/api/imports/${view.id}`)).json();
};

describe('importing historical complaints', () => {
  it('dry-runs a Windows-1258 CSV naming each bad column, then imports the good rows as past cases', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const file = windows1258(csvOf(users.agent.email));
    const uploaded = await upload(admin, 'khieu-nai-cu.csv', file);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const view = uploaded.json();
    expect(view.kind).toBe('complaints');
    expect(view.columns[3]).toBe('Lý do');
    expect(view.mapping).toEqual([
      'externalId',
      'openedAt',
      'channel',
      'reason',
      'description',
      'customer.phone',
      'customer.name',
      'assignee',
      'status',
      'fixedAt',
      'closedAt',
    ]);
    expect(view.missing).toEqual([]);

    const dry = await admin.post(`/api/imports/${view.id}/dry-run`, { mapping: view.mapping });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().counts).toEqual({ created: 3, updated: 0, unchanged: 0, refused: 4 });
    const refused = (dry.json().rows as Row[]).filter((r) => r.status === 'refused');
    expect(refused.map((r) => r.row)).toEqual([5, 6, 7, 8]);
    const [reason, closed, description, phone] = refused.map((r) => r.errors![0]!);
    expect(reason).toMatchObject({ field: 'reason' });
    expect(reason!.message).toContain('Lý do');
    expect(reason!.message).toContain('Lý do lạ');
    expect(closed).toMatchObject({ field: 'closedAt' });
    expect(closed!.message).toBe('Ngày đóng không được trước ngày tiếp nhận.');
    expect(description).toMatchObject({ field: 'description' });
    expect(description!.message).toContain('Nội dung');
    expect(phone!.field).toBe('customer.phone');
    expect(phone!.message).toContain('Số điện thoại');
    // A dry run writes nothing, and takes no reference number.
    expect(await importedCases(org.id)).toHaveLength(0);
    const counters = await ctx.db
      .selectFrom('complaint_sequences')
      .selectAll()
      .where('org_id', '=', org.id)
      .execute();
    expect(counters).toEqual([]);

    // In English, the same reasons in English, still naming the file's columns.
    const en = await admin.post(
      `/api/imports/${view.id}/dry-run`,
      { mapping: view.mapping },
      { 'accept-language': 'en' },
    );
    const enRefused = (en.json().rows as Row[]).filter((r) => r.status === 'refused');
    expect(enRefused[1]!.errors![0]!.message).toBe(
      'Ngày đóng cannot be before the time it was opened.',
    );

    clockStep();
    const started = await admin.post(`/api/imports/${view.id}/start`, { mapping: view.mapping });
    expect(started.statusCode, started.body).toBe(200);
    await ctx.drainJobs(org.id);
    const done = (await admin.get(`/api/imports/${view.id}`)).json();
    expect(done).toMatchObject({ status: 'done', rowsDone: 7, totalRows: 7 });
    expect(done.counts).toEqual({ created: 3, updated: 0, unchanged: 0, refused: 4 });

    const cases = await importedCases(org.id);
    // Gap-free references of the year each case was opened.
    expect(cases.map((c) => c.reference)).toEqual([
      `${org.referencePrefix}-2025-000001`,
      `${org.referencePrefix}-2025-000002`,
      `${org.referencePrefix}-2025-000003`,
    ]);
    const byId = new Map(cases.map((c) => [c.external_id, c]));
    const fixed = byId.get('KN-OLD-1')!;
    expect(fixed).toMatchObject({ status: 'fixed', channel: 'phone', owner_id: users.agent.id });
    // 09:15 in Ho Chi Minh City; a day alone is midnight there.
    expect(new Date(fixed.created_at).toISOString()).toBe('2025-02-03T02:15:00.000Z');
    expect(byId.get('KN-OLD-2')).toMatchObject({ status: 'closed', channel: 'email' });
    expect(new Date(byId.get('KN-OLD-2')!.closed_at!).toISOString()).toBe(
      '2025-02-05T17:00:00.000Z',
    );
    expect(byId.get('KN-OLD-3')).toMatchObject({ status: 'new', channel: 'chat' });
    // No clocks: nothing is due, and no policy was chosen.
    expect(cases.every((c) => c.next_due_at === null && c.policy_id === null)).toBe(true);
    expect(cases.every((c) => c.imported_at !== null)).toBe(true);

    // The timeline at the file's times, in the importing user's name.
    const timeline = await ctx.db
      .selectFrom('complaint_events')
      .select(['type', 'created_at', 'actor_id', 'data'])
      .where('org_id', '=', org.id)
      .where('complaint_id', '=', fixed.id)
      .orderBy('id')
      .execute();
    expect(timeline.map((e) => e.type)).toEqual([
      'complaint.received',
      'complaint.status_changed',
      'complaint.fixed',
    ]);
    expect(timeline.every((e) => e.actor_id === users.admin.id)).toBe(true);
    expect(new Date(timeline[2]!.created_at).toISOString()).toBe('2025-02-04T03:00:00.000Z');
    expect(timeline[0]!.data).toMatchObject({
      channel: 'phone',
      imported: { externalId: 'KN-OLD-1' },
    });

    // The outcomes read them like any case: fixed at the first contact, or still unresolved.
    const outcomes = await outcomesOf(ctx.db, org.id, {
      from: new Date('2025-01-01T00:00:00Z'),
      to: new Date('2026-01-01T00:00:00Z'),
    });
    expect(
      Object.fromEntries(
        outcomes.map((o) => [cases.find((c) => c.id === o.complaint_id)!.external_id, o.outcome]),
      ),
    ).toEqual({
      'KN-OLD-1': 'first_contact',
      'KN-OLD-2': 'first_contact',
      'KN-OLD-3': 'unresolved',
    });

    // Nothing was sent or scheduled for them: no thank-you, no survey, no webhook, no timer.
    const mail = await ctx.db
      .selectFrom('outgoing_messages')
      .select('id')
      .where('org_id', '=', org.id)
      .execute();
    expect(mail).toEqual([]);
    const jobs = await ctx.db
      .selectFrom('jobs')
      .select('kind')
      .where('org_id', '=', org.id)
      .where('kind', '!=', 'commerce.import')
      .execute();
    expect(jobs).toEqual([]);

    // The same file again: every good row is unchanged, and no number is taken.
    clockStep();
    const again = await runImport(admin, org.id, file, 'khieu-nai-cu.csv');
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3, refused: 4 });
    expect((await importedCases(org.id)).map((c) => c.reference)).toEqual(
      cases.map((c) => c.reference),
    );

    // Another org sees neither the import nor the cases.
    const other = await createTestOrg(ctx);
    const otherAdmin = await signIn(ctx, other.users.admin.email);
    expect((await otherAdmin.get(`/api/imports/${view.id}`)).statusCode).toBe(404);
    expect((await otherAdmin.get(`/api/complaints/${fixed.id}`)).statusCode).toBe(404);
  });

  it('updates a re-imported case forward at the file’s times and keeps its reference and opening', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    await runImport(admin, org.id, windows1258(csvOf(users.agent.email)), 'a.csv');
    const before = await importedCases(org.id);
    clockStep();
    const changed = windows1258(
      csvOf(users.agent.email, {
        old3: 'KN-OLD-3;05/02/2025 14:00;Zalo;Sản phẩm lỗi;Máy hỏng sau hai ngày, đã đổi máy;0903 111 222;Lê Minh;;Đã khắc phục;07/02/2025;',
        old1: `KN-OLD-1;02/02/2025 09:15;Điện thoại;Giao hàng chậm;Đơn giao trễ 3 ngày;0912 345 678;Nguyễn Thị Lan;${users.agent.email};Đã khắc phục;04/02/2025 10:00;`,
      }),
    );
    const view = (await upload(admin, 'b.csv', changed)).json();
    const dry = (
      await admin.post(`/api/imports/${view.id}/dry-run`, { mapping: view.mapping })
    ).json();
    const opened = (dry.rows as (Row & { externalId: string })[]).find(
      (r) => r.externalId === 'KN-OLD-1',
    )!;
    expect(opened.status).toBe('refused');
    expect(opened.errors![0]).toMatchObject({ field: 'openedAt' });
    expect(opened.errors![0]!.message).toContain('Ngày tiếp nhận');
    await admin.post(`/api/imports/${view.id}/start`, { mapping: view.mapping });
    await ctx.drainJobs(org.id);
    const done = (await admin.get(`/api/imports/${view.id}`)).json();
    expect(done.counts).toEqual({ created: 0, updated: 1, unchanged: 1, refused: 5 });
    const after = await importedCases(org.id);
    const old3 = after.find((c) => c.external_id === 'KN-OLD-3')!;
    expect(old3.reference).toBe(before.find((c) => c.external_id === 'KN-OLD-3')!.reference);
    expect(old3.status).toBe('fixed');
    const fixedEvent = await ctx.db
      .selectFrom('complaint_events')
      .select(['created_at'])
      .where('org_id', '=', org.id)
      .where('complaint_id', '=', old3.id)
      .where('type', '=', 'complaint.fixed')
      .executeTakeFirstOrThrow();
    expect(new Date(fixedEvent.created_at).toISOString()).toBe('2025-02-06T17:00:00.000Z');
    const detail = (await admin.get(`/api/complaints/${old3.id}`)).json();
    expect(detail.complaint.description).toBe('Máy hỏng sau hai ngày, đã đổi máy');
  });

  it('runs no clocks on an imported open case, even when an agent works it later', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    await runImport(admin, org.id, windows1258(csvOf(users.agent.email)), 'a.csv');
    const open = (await importedCases(org.id)).find((c) => c.external_id === 'KN-OLD-3')!;
    clockStep();
    const agent = await signIn(ctx, users.agent.email);
    const moved = await agent.post(`/api/complaints/${open.id}/status`, { status: 'in_progress' });
    expect(moved.statusCode, moved.body).toBe(200);
    // Derived from a past receipt, its clocks would be breached and escalate at once.
    const clocks = await ctx.db
      .selectFrom('complaint_clocks')
      .select(['clock', 'state'])
      .where('org_id', '=', org.id)
      .where('complaint_id', '=', open.id)
      .execute();
    expect(clocks.length).toBeGreaterThan(0);
    expect(clocks.every((c) => c.state === 'pending')).toBe(true);
    const timers = await ctx.db
      .selectFrom('jobs')
      .select('kind')
      .where('org_id', '=', org.id)
      .where('kind', 'like', 'sla.%')
      .execute();
    expect(timers).toEqual([]);
    const after = (await importedCases(org.id)).find((c) => c.id === open.id)!;
    expect(after).toMatchObject({ status: 'in_progress', next_due_at: null });
  });

  it('reads an .xlsx with Excel date cells and serial dates, in English and Chinese words', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Cases');
    sheet.addRow([
      'Case ID',
      'Opened at',
      'Channel',
      'Reason',
      'Description',
      'Phone',
      'Customer name',
      'Status',
      'Fixed at',
      'Closed at',
    ]);
    sheet.addRow([
      'X-1',
      new Date(Date.UTC(2025, 0, 2, 8, 30)),
      '电话',
      'Late delivery',
      'Parcel three days late',
      912345678,
      'Đỗ Văn Hải',
      'resolved',
      new Date(Date.UTC(2025, 0, 2, 9, 0)),
      null,
    ]);
    // 45659.5 is noon on 2 January 2025, in the org's zone.
    sheet.addRow([
      'X-2',
      45659.5,
      'web',
      '配送延迟',
      '又晚了',
      '0912 345 678',
      'Đỗ Văn Hải',
      '已关闭',
      45660,
      45661,
    ]);
    sheet.addRow([
      'X-3',
      45659,
      'fax',
      'Late delivery',
      'By fax',
      '0912 345 678',
      'Đỗ Văn Hải',
      '',
      null,
      null,
    ]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const view = (await upload(admin, 'cases.xlsx', bytes)).json();
    expect(view.format).toBe('xlsx');
    expect(view.mapping).toEqual([
      'externalId',
      'openedAt',
      'channel',
      'reason',
      'description',
      'customer.phone',
      'customer.name',
      'status',
      'fixedAt',
      'closedAt',
    ]);
    const dry = await admin.post(
      `/api/imports/${view.id}/dry-run`,
      { mapping: view.mapping },
      { 'accept-language': 'en' },
    );
    const refused = (dry.json().rows as Row[]).filter((r) => r.status === 'refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.errors![0]!.message).toBe(
      'Channel: “fax” is not a channel (phone, e-mail, web, chat, walk-in, social media).',
    );
    const done = await runImport(admin, org.id, bytes, 'cases.xlsx');
    expect(done.counts).toEqual({ created: 2, updated: 0, unchanged: 0, refused: 1 });
    const cases = await importedCases(org.id);
    expect(
      cases.map((c) => [c.external_id, c.status, c.channel, new Date(c.created_at).toISOString()]),
    ).toEqual([
      ['X-1', 'fixed', 'phone', '2025-01-02T01:30:00.000Z'],
      ['X-2', 'closed', 'web', '2025-01-02T05:00:00.000Z'],
    ]);
    const reasons = await ctx.db
      .selectFrom('complaints as c')
      .innerJoin('reasons as r', (j) =>
        j.onRef('r.org_id', '=', 'c.org_id').onRef('r.id', '=', 'c.reason_id'),
      )
      .select(['r.code'])
      .where('c.org_id', '=', org.id)
      .execute();
    expect(reasons.map((r) => r.code)).toEqual(['delivery.late', 'delivery.late']);
  });
});

/** Rows of one run share an instant; runs are apart in time. */
function clockStep() {
  ctx.clock.advance(60_000);
}
