import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyClient,
  createTestContext,
  createTestOrg,
  signIn,
  type TestContext,
} from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const blns: string[] = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/naughty-strings/blns.json'), 'utf8'),
);

const order = (externalId: string, overrides: Record<string, unknown> = {}) => ({
  externalId,
  customer: { externalId: 'KH-1', name: 'Trần Văn Bình', phone: '0912 345 678' },
  orderedAt: '2026-03-05T03:00:00Z',
  amountMinor: 1_250_000,
  currency: 'VND',
  channel: 'Cửa hàng Quận 1',
  ...overrides,
});

describe('POST /api/orders/bulk', () => {
  it('creates, updates, leaves unchanged and refuses row by row, in the reader’s language', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const first = await admin.post('/api/orders/bulk', {
      rows: [
        order('DH-1'),
        order('DH-2', { amountMinor: -5 }),
        order('DH-3', { customer: { phone: '0987 000 111' } }),
        'not a row',
        order('DH-4', { currency: 'vnd', orderedAt: 'hôm qua' }),
      ],
    });
    expect(first.statusCode, first.body).toBe(200);
    const body = first.json();
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'refused',
      'refused',
      'refused',
      'refused',
    ]);
    expect(body.counts).toEqual({ created: 1, updated: 0, unchanged: 0, refused: 4 });
    expect(body.results[1].errors[0]).toMatchObject({ field: 'amountMinor' });
    expect(body.results[1].errors[0].message).toContain('Số tiền');
    // A phone number nobody has and no name: a new customer needs a name.
    expect(body.results[2].errors[0].field).toBe('customer.name');
    expect(body.results[2].errors[0].message).toContain('Tên khách hàng');
    expect(body.results[3].errors[0].field).toBe('row');
    expect(body.results[4].errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'currency',
      'orderedAt',
    ]);

    const english = await admin.request(
      'POST',
      '/api/orders/bulk',
      { rows: [order('DH-5', { amountMinor: 'much' })] },
      { 'accept-language': 'en' },
    );
    expect(english.json().results[0].errors[0].message).toContain('Amount');
    const chinese = await admin.request(
      'POST',
      '/api/orders/bulk',
      { rows: [order('DH-5', { amountMinor: 'much' })] },
      { 'accept-language': 'zh' },
    );
    expect(chinese.json().results[0].errors[0].message).toContain('金额');

    // Re-sent: identical is unchanged, a new amount updates the row with that id.
    const again = await admin.post('/api/orders/bulk', {
      rows: [order('DH-1'), order('DH-1b'), order('DH-1', { amountMinor: 990_000 })],
    });
    expect(again.json().results.map((r: { status: string }) => r.status)).toEqual([
      'unchanged',
      'created',
      'updated',
    ]);
    const stored = await ctx.db
      .selectFrom('orders')
      .select(['external_id', 'amount_minor', 'customer_id'])
      .where('org_id', '=', org.id)
      .orderBy('external_id')
      .execute();
    expect(stored.map((o) => [o.external_id, Number(o.amount_minor)])).toEqual([
      ['DH-1', 990_000],
      ['DH-1b', 1_250_000],
    ]);
    expect(new Set(stored.map((o) => o.customer_id)).size).toBe(1);

    // The customer is one record, found again by its external id; it had never complained.
    const customers = (await admin.get('/api/customers?q=Trần Văn Bình')).json();
    const list = customers.items ?? customers;
    expect(list).toHaveLength(1);
    const commerce = await admin.get(`/api/customers/${list[0].id}/commerce`);
    expect(commerce.statusCode, commerce.body).toBe(200);
    expect(
      commerce
        .json()
        .orders.map((o: { externalId: string }) => o.externalId)
        .sort(),
    ).toEqual(['DH-1', 'DH-1b']);
    expect(commerce.json().totals).toEqual({
      orderCount: 2,
      spend: [{ currency: 'VND', amountMinor: 990_000 + 1_250_000 }],
      referredCount: 0,
    });
  });

  it('makes one customer of a new person named twice in a batch, who learns the e-mail of the second row', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const person = { name: 'Đặng Thu Hà', phone: '0913 222 333' };
    const answer = await admin.post('/api/orders/bulk', {
      rows: [
        order('B-1', { customer: person }),
        order('B-2', { customer: { ...person, email: 'ha@example.vn' } }),
        order('B-3', { customer: { phone: '0913222333' } }),
        order('B-4', { customer: { name: 'Người Khác', phone: '0913 222 333' } }),
      ],
    });
    expect(answer.json().counts).toEqual({ created: 4, updated: 0, unchanged: 0, refused: 0 });
    const rows = await ctx.db
      .selectFrom('customers')
      .select(['name', 'email', 'possible_duplicate_of'])
      .where('org_id', '=', org.id)
      .orderBy('created_at')
      .orderBy('name')
      .execute();
    // The same person once, with the e-mail; a different name on the phone is a possible duplicate.
    expect(rows.map((r) => [r.name, r.email, r.possible_duplicate_of !== null])).toEqual(
      expect.arrayContaining([
        ['Đặng Thu Hà', 'ha@example.vn', false],
        ['Người Khác', null, true],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('answers a retried Idempotency-Key with the first answer and refuses another body', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const api = await apiKeyClient(ctx, admin);
    const headers = { 'idempotency-key': 'batch-2026-03-05' };
    const body = { rows: [order('DH-10'), order('DH-11', { customer: { externalId: 'KH-1' } })] };
    const first = await api.request('POST', '/api/orders/bulk', body, headers);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().counts.created).toBe(2);
    const replay = await api.request('POST', '/api/orders/bulk', body, headers);
    expect(replay.statusCode).toBe(200);
    // The first answer, not "unchanged": the retry did not run the rows again.
    expect(replay.json()).toEqual(first.json());
    const other = await api.request(
      'POST',
      '/api/orders/bulk',
      { rows: [order('DH-12')] },
      headers,
    );
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('idempotency_conflict');
    // The same key on another endpoint is another body too.
    const elsewhere = await api.request('POST', '/api/referrals/bulk', body, headers);
    expect(elsewhere.statusCode).toBe(409);
  });

  it('keeps subscriptions and referrals, and shows them on the customer page', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const lan = { externalId: 'KH-LAN', name: 'Nguyễn Thị Lan', email: 'lan@example.vn' };
    const subs = await admin.post('/api/subscription-events/bulk', {
      rows: [
        {
          externalId: 'EV-1',
          customer: lan,
          subscriptionRef: 'TB-1',
          kind: 'start',
          plan: 'Gói Vàng',
          amountMinor: 199_000,
          currency: 'VND',
          occurredAt: '2026-01-01',
        },
        {
          externalId: 'EV-2',
          customer: lan,
          subscriptionRef: 'TB-1',
          kind: 'renew',
          amountMinor: 199_000,
          currency: 'VND',
          occurredAt: '2026-02-01',
        },
        {
          externalId: 'EV-3',
          customer: lan,
          subscriptionRef: 'TB-1',
          kind: 'pause',
          occurredAt: '2026-02-02',
        },
        {
          externalId: 'EV-4',
          customer: lan,
          subscriptionRef: 'TB-1',
          kind: 'cancel',
          amountMinor: 5,
          occurredAt: '2026-03-01',
        },
      ],
    });
    expect(subs.json().results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'created',
      'refused',
      'refused',
    ]);
    expect(subs.json().results[2].errors[0].field).toBe('kind');
    expect(subs.json().results[3].errors[0].field).toBe('currency');
    const referrals = await admin.post('/api/referrals/bulk', {
      rows: [
        {
          externalId: 'GT-1',
          referrer: { externalId: 'KH-LAN' },
          referred: { name: 'Lê Minh', phone: '0903 111 222' },
          referredAt: '2026-02-10T02:00:00Z',
        },
        {
          externalId: 'GT-2',
          referrer: { externalId: 'KH-LAN' },
          referred: { email: 'lan@example.vn' },
          referredAt: '2026-02-11',
        },
      ],
    });
    expect(referrals.json().results.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'refused',
    ]);
    const lanId = (await admin.get('/api/customers?q=Nguyễn Thị Lan')).json().items[0].id;
    const page = (await admin.get(`/api/customers/${lanId}/commerce`)).json();
    expect(page.subscriptions).toEqual([
      expect.objectContaining({ subscriptionRef: 'TB-1', state: 'active', plan: 'Gói Vàng' }),
    ]);
    // A day alone is midnight in the org's zone (Asia/Ho_Chi_Minh, UTC+7).
    expect(page.subscriptions[0].startedAt).toBe('2025-12-31T17:00:00.000Z');
    expect(page.subscriptions[0].events.map((e: { kind: string }) => e.kind)).toEqual([
      'renew',
      'start',
    ]);
    expect(page.referrals).toEqual([
      expect.objectContaining({
        externalId: 'GT-1',
        direction: 'referred_someone',
        otherCustomerName: 'Lê Minh',
      }),
    ]);
    expect(page.totals.referredCount).toBe(1);
  });

  it('answers 404 for another org’s customer and 403 without the permission', async () => {
    const one = await createTestOrg(ctx);
    const two = await createTestOrg(ctx);
    const adminOne = await signIn(ctx, one.users.admin.email);
    const adminTwo = await signIn(ctx, two.users.admin.email);
    await adminOne.post('/api/orders/bulk', { rows: [order('DH-X')] });
    const id = (await adminOne.get('/api/customers?q=Trần Văn Bình')).json().items[0].id;
    expect((await adminTwo.get(`/api/customers/${id}/commerce`)).statusCode).toBe(404);
    const manager = await signIn(ctx, one.users.manager.email);
    expect((await manager.get(`/api/customers/${id}/commerce`)).statusCode).toBe(200);
    expect((await manager.post('/api/orders/bulk', { rows: [order('DH-Y')] })).statusCode).toBe(
      403,
    );
    const agent = await signIn(ctx, one.users.agent.email);
    expect((await agent.get(`/api/customers/${id}/commerce`)).statusCode).toBe(403);
    // The other org's same external id is its own order.
    const theirs = await adminTwo.post('/api/orders/bulk', { rows: [order('DH-X')] });
    expect(theirs.json().results[0].status).toBe('created');
  });

  it('takes naughty strings in every text field without a 5xx', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const sample = blns.filter((_s, i) => i % 7 === 0);
    const rows = sample.map((s, i) =>
      order(i % 2 === 0 ? s : `N-${i}`, {
        channel: s,
        customer: {
          externalId: i % 3 === 0 ? s : `KH-N-${i}`,
          name: s,
          phone: i % 5 === 0 ? s : null,
        },
        currency: i % 4 === 0 ? s : 'VND',
      }),
    );
    for (let k = 0; k < rows.length; k += 200) {
      const answer = await admin.post('/api/orders/bulk', { rows: rows.slice(k, k + 200) });
      expect(answer.statusCode, answer.body.slice(0, 300)).toBe(200);
      for (const r of answer.json().results)
        if (r.status === 'refused') expect(r.errors.length).toBeGreaterThan(0);
    }
    const tooMany = await admin.post('/api/orders/bulk', {
      rows: Array.from({ length: 1001 }, (_x, i) => order(`M-${i}`)),
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.field).toBe('rows');
  });
});
