import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type Client,
  type TestContext,
} from './helpers.ts';

let ctx: TestContext;
let agent: Client;
const refs: Record<string, string> = {};
beforeAll(async () => {
  ctx = await createTestContext();
  const { users } = await createTestOrg(ctx);
  agent = await signIn(ctx, users.agent.email);
  const make = async (key: string, body: Record<string, unknown>) => {
    refs[key] = (
      await agent.post('/api/complaints', sampleComplaint(body))
    ).json().complaint.reference;
  };
  await make('vi', {
    description: 'Khiếu nại giao hàng chậm ở Đà Nẵng',
    customer: { name: 'Đặng Thị Hoa', phone: '0905111222', email: 'hoa@example.vn' },
  });
  await make('zh', {
    description: '快递延迟五天，包装破损',
    customer: { name: '王芳', phone: '+8613800138000', email: 'wang@example.cn' },
    language: 'zh',
  });
  await make('other', {
    description: 'Tính tiền sai hóa đơn tháng 2',
    customer: { name: 'Lý Văn Minh', phone: '0987000111', email: 'minh@example.vn' },
  });
});
afterAll(async () => ctx.close());

const search = async (q: string) => {
  const list = (await agent.get(`/api/complaints?q=${encodeURIComponent(q)}`)).json();
  return list.items.map((i: { reference: string }) => i.reference).sort();
};

describe('search', () => {
  it.each([
    ['khieu nai giao hang cham', 'vi'],
    ['KHIẾU NẠI giao HÀNG', 'vi'],
    ['da nang', 'vi'],
    ['dang thi hoa', 'vi'],
    ['延迟', 'zh'],
    ['包装破损', 'zh'],
    ['王芳', 'zh'],
    ['hoa don', 'other'],
  ])('%j finds the %s complaint', async (q, key) => {
    expect(await search(q)).toEqual([refs[key]]);
  });

  it('finds by reference, phone in any form and e-mail', async () => {
    expect(await search(refs.other!)).toEqual([refs.other]);
    expect(await search('0905 111 222')).toEqual([refs.vi]);
    expect(await search('+84905111222')).toEqual([refs.vi]);
    expect(await search('0905111')).toEqual([refs.vi]);
    expect(await search('wang@example.cn')).toEqual([refs.zh]);
  });

  it('needs every word, and treats wildcards literally', async () => {
    expect(await search('giao hang cham xyz')).toEqual([]);
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
  });

  it('searches customers the same way', async () => {
    const items = (await agent.get(`/api/customers?q=${encodeURIComponent('dang hoa')}`)).json()
      .items;
    expect(items.map((c: { name: string }) => c.name)).toEqual(['Đặng Thị Hoa']);
    expect((await agent.get('/api/customers?q=0987000111')).json().items[0].name).toBe(
      'Lý Văn Minh',
    );
  });

  it('can serve text search from the trigram index (plan forced; bench:queue measures 1M rows)', async () => {
    const plan = await ctx.pool.query(
      "EXPLAIN (FORMAT JSON) SELECT id FROM complaints WHERE org_id = '00000000-0000-4000-8000-000000000000' AND search_folded LIKE '%' || ombud_fold('giao hang') || '%'",
    );
    // With few rows the planner may prefer a scan; force its hand to prove the index applies.
    await ctx.pool.query('SET enable_seqscan = off');
    const forced = await ctx.pool.query(
      "EXPLAIN SELECT id FROM complaints WHERE search_folded LIKE '%giao hang%'",
    );
    await ctx.pool.query('SET enable_seqscan = on');
    expect(plan.rows.length).toBe(1);
    expect(forced.rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n')).toContain(
      'complaints_search_idx',
    );
  });
});
