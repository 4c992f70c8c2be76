import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';
import { newProblem, problemOrg } from './problems-helpers.ts';

// Every list exports what it shows: the same filters, every matching row (no pages), headed in
// the reader's language, text guarded against formulas, and the queue streamed.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

/** `n` copies of one case, each with its own id and reference: a big queue in one statement. */
async function copies(orgId: string, complaintId: string, n: number) {
  const columns = (
    await ctx.pool.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'complaints'
         AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    )
  ).rows.map((r) => r.name);
  const value = (column: string) =>
    column === 'id'
      ? 'gen_random_uuid()'
      : column === 'reference'
        ? `c.reference || '-' || g`
        : column === 'created_at'
          ? `c.created_at - make_interval(secs => g)`
          : `c.${column}`;
  await ctx.pool.query(
    `INSERT INTO complaints (${columns.join(', ')})
     SELECT ${columns.map(value).join(', ')}
     FROM complaints c, generate_series(1, $3::int) AS g
     WHERE c.org_id = $1 AND c.id = $2`,
    [orgId, complaintId, n],
  );
}

const csvLines = (body: string) => {
  expect(body.startsWith('\uFEFF')).toBe(true);
  return body.slice(1).split('\r\n').slice(0, -1);
};
async function sheetOf(bytes: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return (book.worksheets[0]!.getSheetValues().slice(1) as unknown[][]).map((r) => r.slice(1));
}

describe('queue export', () => {
  it('exports every case the filtered queue holds, headed in the language, guarded, in the org', async () => {
    const { users } = await createTestOrg(ctx);
    const other = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const stranger = await signIn(ctx, other.users.agent.email);
    for (let i = 0; i < 4; i++) {
      ctx.clock.advance(60_000);
      const channel = i % 2 === 0 ? 'phone' : 'email';
      expect((await agent.post('/api/complaints', sampleComplaint({ channel }))).statusCode).toBe(
        201,
      );
    }
    ctx.clock.advance(60_000);
    const naughty = await agent.post(
      '/api/complaints',
      sampleComplaint({
        channel: 'phone',
        customer: { name: '=HYPERLINK("http://evil")', phone: '0987654321' },
      }),
    );
    expect(naughty.statusCode).toBe(201);
    expect(
      (await stranger.post('/api/complaints', sampleComplaint({ channel: 'phone' }))).statusCode,
    ).toBe(201);

    const list = (await agent.get('/api/complaints?channel=phone&pageSize=2')).json() as {
      total: number;
      items: { reference: string }[];
    };
    expect(list.total).toBe(3);

    const headers = { vi: 'Mã khiếu nại', en: 'Reference', zh: '投诉编号' } as const;
    for (const lang of ['vi', 'en', 'zh'] as const) {
      const res = await agent.request(
        'GET',
        `/api/complaints/export?channel=phone&format=csv`,
        undefined,
        {
          'accept-language': lang,
        },
      );
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="complaints-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const lines = csvLines(res.body);
      expect(lines[0]!.split(',')[0]).toBe(headers[lang]);
      // All matching rows, not the list's page of two; newest first, as the queue shows them.
      expect(lines.length - 1).toBe(list.total);
      expect(lines[1]!.split(',')[0]).toBe(list.items[0]!.reference);
      expect(lines.filter((l) => l.includes(`"'=HYPERLINK(""http://evil"")"`))).toHaveLength(1);
    }
    // A download link carries the UI's language, which wins over the browser's header.
    const linked = await agent.request('GET', '/api/complaints/export?lang=zh', undefined, {
      'accept-language': 'en',
    });
    expect(csvLines(linked.body)[0]!.split(',')[0]).toBe('投诉编号');
    const all = csvLines((await agent.get('/api/complaints/export')).body);
    expect(all.length - 1).toBe(5);
    const theirs = csvLines((await stranger.get('/api/complaints/export')).body);
    expect(theirs.length - 1).toBe(1);
    expect(all.some((l) => theirs.slice(1).includes(l))).toBe(false);

    const xlsx = await agent.request(
      'GET',
      '/api/complaints/export?channel=phone&format=xlsx',
      undefined,
      {
        'accept-language': 'en',
      },
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const rows = await sheetOf(xlsx.rawPayload);
    expect(rows[0]![0]).toBe('Reference');
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r[3])).toContain('\'=HYPERLINK("http://evil")');
  });

  it('names the field of a bad filter, and keeps a search to its matches', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const bad = await agent.get('/api/complaints/export?format=pdf');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { error: { field?: string } }).error.field).toBe('format');
    ctx.clock.advance(60_000);
    await agent.post(
      '/api/complaints',
      sampleComplaint({ customer: { name: 'Phạm Văn Tú', phone: '0911111111' } }),
    );
    ctx.clock.advance(60_000);
    await agent.post(
      '/api/complaints',
      sampleComplaint({ customer: { name: 'Lê Thị Hoa', phone: '0922222222' } }),
    );
    await ctx.drainJobs(org.id);
    const list = (await agent.get('/api/complaints?q=0922222222')).json() as { total: number };
    expect(list.total).toBe(1);
    const found = csvLines((await agent.get('/api/complaints/export?q=0922222222')).body);
    expect(found).toHaveLength(2);
    expect(found[1]).toContain('Lê Thị Hoa');
  });

  it('streams 20,000 cases in chunks, every one exactly once', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const first = await agent.post('/api/complaints', sampleComplaint());
    await copies(org.id, (first.json() as { complaint: { id: string } }).complaint.id, 19_999);
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/complaints/export?format=csv',
      headers: { cookie: agent.cookie },
      payloadAsStream: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-length']).toBeUndefined();
    const chunks: Buffer[] = [];
    for await (const chunk of res.stream()) chunks.push(chunk as Buffer);
    // The header, then one chunk per batch of 2,000 read by keyset.
    expect(chunks.length).toBeGreaterThanOrEqual(10);
    const lines = csvLines(Buffer.concat(chunks).toString('utf8'));
    const references = lines.slice(1).map((l) => l.split(',')[0]);
    expect(references).toHaveLength(20_000);
    expect(new Set(references).size).toBe(20_000);

    const xlsx = await agent.get('/api/complaints/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(await sheetOf(xlsx.rawPayload)).toHaveLength(20_001);
  }, 120_000);
});

describe('reward ledger export', () => {
  it('exports every grant of the org, one row each, amounts in the currency, headed in the language', async () => {
    const { users } = await createTestOrg(ctx);
    const other = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const agent = await signIn(ctx, users.agent.email);
    const saved = await admin.post('/api/authority-rules', {
      role: 'agent',
      currency: 'VND',
      perCaseMinor: 1_000_000,
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const grants: string[] = [];
    for (const [name, amount] of [
      ['=cmd|"/c calc"!A1', 100_000],
      ['Trần Thị Mai', 250_000],
    ] as const) {
      ctx.clock.advance(60_000);
      const { complaint } = (
        await agent.post(
          '/api/complaints',
          sampleComplaint({ customer: { name, phone: `09${String(amount).padStart(8, '0')}` } }),
        )
      ).json() as { complaint: { id: string; reference: string } };
      await agent.post(`/api/complaints/${complaint.id}/status`, { status: 'fixed', note: 'Xong' });
      ctx.clock.advance(60_000);
      const granted = await agent.post(`/api/complaints/${complaint.id}/compensations`, {
        type: 'voucher',
        amountMinor: amount,
        currency: 'VND',
      });
      expect(granted.statusCode, granted.body).toBe(201);
      grants.push(complaint.reference);
    }
    const manager = await signIn(ctx, users.manager.email);
    const ledger = (await manager.get('/api/reward-ledger')).json() as { items: unknown[] };
    expect(ledger.items).toHaveLength(2);
    const headers = { vi: 'Mã khiếu nại', en: 'Complaint', zh: '投诉编号' } as const;
    for (const lang of ['vi', 'en', 'zh'] as const) {
      const res = await manager.request('GET', '/api/reward-ledger/export', undefined, {
        'accept-language': lang,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="reward-ledger.csv"');
      const lines = csvLines(res.body);
      expect(lines[0]!.split(',')[1]).toBe(headers[lang]);
      expect(lines).toHaveLength(3);
      // Newest first: the second grant, 250.000 ₫ as 250000 (VND has no minor unit).
      expect(lines[1]!.split(',').slice(1, 7)).toEqual([
        grants[1],
        'Trần Thị Mai',
        'compensation',
        'voucher',
        '250000',
        'VND',
      ]);
      expect(lines[2]).toContain(`"'=cmd|""/c calc""!A1"`);
    }
    const theirs = csvLines(
      (await signIn(ctx, other.users.manager.email).then((c) => c.get('/api/reward-ledger/export')))
        .body,
    );
    expect(theirs).toHaveLength(1);
    const xlsx = await manager.get('/api/reward-ledger/export?format=xlsx');
    const rows = await sheetOf(xlsx.rawPayload);
    expect(rows).toHaveLength(3);
    expect(rows[1]![5]).toBe(250000);
    expect(rows[2]![2]).toBe('\'=cmd|"/c calc"!A1');
    expect((await agent.get('/api/reward-ledger/export')).statusCode).toBe(403);
  });
});

describe('problem list export', () => {
  it('exports the problems the filters select, headed in the language, guarded, in the org', async () => {
    const o = await problemOrg(ctx);
    const other = await problemOrg(ctx);
    ctx.clock.advance(60_000);
    await newProblem(o.quality, { title: { vi: '@SUM(1+1) lặp lại' } });
    ctx.clock.advance(60_000);
    await newProblem(o.quality, { title: { vi: 'Hộp bị móp', zh: '包装破损' } });
    ctx.clock.advance(60_000);
    await newProblem(other.quality);
    const list = (await o.quality.get('/api/problems?q=móp')).json() as { total: number };
    expect(list.total).toBe(1);
    const headers = { vi: 'Mã vấn đề', en: 'Reference', zh: '问题单编号' } as const;
    for (const lang of ['vi', 'en', 'zh'] as const) {
      const res = await o.quality.get(`/api/problems/export?q=m%C3%B3p&lang=${lang}`);
      expect(res.statusCode).toBe(200);
      const lines = csvLines(res.body);
      expect(lines[0]!.split(',')[0]).toBe(headers[lang]);
      expect(lines.length - 1).toBe(list.total);
      expect(lines[1]!.split(',')[1]).toBe(lang === 'zh' ? '包装破损' : 'Hộp bị móp');
    }
    const all = csvLines((await o.quality.get('/api/problems/export?status=all')).body);
    expect(all).toHaveLength(3);
    expect(all[2]!.split(',')[1]).toBe("'@SUM(1+1) lặp lại");
    const xlsx = await o.quality.get('/api/problems/export?status=all&format=xlsx');
    const rows = await sheetOf(xlsx.rawPayload);
    expect(rows).toHaveLength(3);
    expect(rows[1]![5]).toBe(0);
    // The list's permission: whoever may read the list may download it, and no one else.
    const response = await other.agent.get('/api/problems');
    expect((await other.agent.get('/api/problems/export')).statusCode).toBe(response.statusCode);
  });
});
