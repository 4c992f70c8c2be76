import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyClient,
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('complaint intake', () => {
  it('creates a complaint through the REST API with a reference, customer, events and the thank-you', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const response = await agent.post('/api/complaints', sampleComplaint());
    expect(response.statusCode).toBe(201);
    const detail = response.json();
    expect(detail.complaint.reference).toMatch(/^KN-\d{4}-000001$/);
    expect(detail.complaint.status).toBe('new');
    expect(detail.complaint.askAmount).toBe(30000);
    expect(detail.complaint.askCurrency).toBe('VND');
    expect(detail.complaint.trackingUrl).toMatch(
      /^http:\/\/ombud\.test\/track\/[0-9a-f]{32}[\w-]{32}$/,
    );
    expect(detail.customer.phone).toBe('+84912345678');
    expect(detail.complaint.acknowledgedAt).not.toBeNull();
    expect(detail.steps[0]).toMatchObject({ step: 'thank', state: 'done' });
    expect(detail.steps[1]).toMatchObject({ step: 'clarify', state: 'current' });

    const timeline = (await agent.get(`/api/complaints/${detail.complaint.id}/timeline`)).json();
    expect(timeline.events.map((e: { type: string }) => e.type)).toEqual([
      'complaint.received',
      'complaint.acknowledged',
    ]);

    const mailbox = (await agent.get(`/api/mailbox?complaintId=${detail.complaint.id}`)).json();
    expect(mailbox.items).toHaveLength(1);
    expect(mailbox.items[0]).toMatchObject({
      to: 'lan@example.vn',
      status: 'queued',
      kind: 'acknowledgement',
    });
    expect(mailbox.items[0].subject).toContain(detail.complaint.reference);
    // The link is a bearer secret: staff see it masked, and the copy kept after sending hides it.
    const secret = detail.complaint.trackingUrl.split('/track/')[1].slice(32);
    expect(mailbox.items[0].text).toContain('/track/');
    expect(mailbox.items[0].text).not.toContain(secret);
    expect(mailbox.items[0].text).toContain('cảm ơn');
    const queued = await ctx.db
      .selectFrom('outgoing_messages')
      .select(['text_body', 'html_body'])
      .where('id', '=', mailbox.items[0].id)
      .executeTakeFirstOrThrow();
    expect(queued.text_body).toContain(detail.complaint.trackingUrl);

    expect(await ctx.drainJobs(org.id)).toBe(1);
    const after = (await agent.get(`/api/mailbox?complaintId=${detail.complaint.id}`)).json();
    expect(after.items[0]).toMatchObject({ status: 'kept', transport: 'mailbox' });
    const kept = await ctx.db
      .selectFrom('outgoing_messages')
      .select(['text_body', 'html_body'])
      .where('id', '=', mailbox.items[0].id)
      .executeTakeFirstOrThrow();
    expect(kept.text_body).not.toContain(secret);
    expect(kept.html_body).not.toContain(secret);
  });

  it('treats 0912… and +84912… as one customer, and learns a missing e-mail', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const a = (
      await agent.post(
        '/api/complaints',
        sampleComplaint({ customer: { name: 'Nguyễn Lan', phone: '0912 345 678' } }),
      )
    ).json();
    const b = (
      await agent.post(
        '/api/complaints',
        sampleComplaint({
          customer: { name: 'nguyen  lan', phone: '+84912345678', email: 'LAN@Example.vn' },
        }),
      )
    ).json();
    expect(b.customer.id).toBe(a.customer.id);
    expect(b.customer.email).toBe('lan@example.vn');
    // Intake never renames a customer: the name first recorded stays.
    expect(b.customer.name).toBe('Nguyễn Lan');
    expect(b.customer.possibleDuplicateOf).toBeNull();
  });

  it('rejects a bad phone with a localized 400 naming the field', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const vi = await agent.post(
      '/api/complaints',
      sampleComplaint({ customer: { name: 'X', phone: '12' } }),
    );
    expect(vi.statusCode).toBe(400);
    expect(vi.json().error).toMatchObject({ code: 'validation_failed', field: 'customer.phone' });
    expect(vi.json().error.message).toContain('Số điện thoại');
    const en = await agent.request(
      'POST',
      '/api/complaints',
      sampleComplaint({ description: '' }),
      { 'accept-language': 'en' },
    );
    expect(en.statusCode).toBe(400);
    expect(en.json().error).toMatchObject({ field: 'description' });
    expect(en.json().error.message).toBe('Description is required.');
    const zh = await agent.request('POST', '/api/complaints', sampleComplaint({ channel: 'fax' }), {
      'accept-language': 'zh-CN',
    });
    expect(zh.json().error.field).toBe('channel');
    expect(zh.json().error.message).toContain('渠道必须是以下之一');
  });

  it('numbers references without gaps under concurrency, per org and year', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        agent.post(
          '/api/complaints',
          sampleComplaint({
            customer: { name: `Khách ${i}`, phone: `09130000${String(i).padStart(2, '0')}` },
          }),
        ),
      ),
    );
    expect(results.every((r) => r.statusCode === 201)).toBe(true);
    const numbers = results
      .map((r) => Number(r.json().complaint.reference.split('-')[2]))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // A rejected intake does not consume a number.
    await agent.post(
      '/api/complaints',
      sampleComplaint({ reasonId: '00000000-0000-4000-8000-000000000000' }),
    );
    const next = (await agent.post('/api/complaints', sampleComplaint())).json();
    expect(next.complaint.reference.endsWith('-000026')).toBe(true);
  });

  it('makes a retried create with the same Idempotency-Key return the first complaint', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const api = await apiKeyClient(ctx, admin);
    const body = sampleComplaint({ channel: 'api' });
    const headers = { 'idempotency-key': 'order-778-complaint' };
    const concurrent = await Promise.all(
      Array.from({ length: 6 }, () => api.request('POST', '/api/complaints', body, headers)),
    );
    const ids = new Set(concurrent.map((r) => r.json().complaint.id));
    expect(ids.size).toBe(1);
    expect(concurrent.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(concurrent.filter((r) => r.statusCode === 200)).toHaveLength(5);
    const list = (await api.request('GET', '/api/complaints')).json();
    expect(list.total).toBe(1);
    const conflict = await api.request(
      'POST',
      '/api/complaints',
      { ...body, description: 'khác' },
      headers,
    );
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error.code).toBe('idempotency_conflict');
  });

  it('takes complaints on the public form, with a honeypot and a rate limit', async () => {
    const { org, users } = await createTestOrg(ctx);
    const form = {
      name: 'Trần Văn Bình',
      phone: '0987654321',
      description: 'Mất mạng cả tuần',
      language: 'vi',
    };
    const ok = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/orgs/${org.slug}/complaints`,
      payload: form,
      remoteAddress: '10.1.0.1',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().reference).toMatch(/^KN-/);
    const portal = await ctx.app.inject({
      method: 'GET',
      url: `/api/portal/${ok.json().trackingUrl.split('/track/')[1]}`,
    });
    expect(portal.json()).toMatchObject({
      reference: ok.json().reference,
      status: 'new',
      customerName: 'Trần Văn Bình',
    });
    // Nobody owns a web complaint until someone works on it: the first agent who does owns it.
    const agent = await signIn(ctx, users.agent.email);
    const listed = (await agent.get(`/api/complaints?q=${ok.json().reference}`)).json().items[0];
    expect(listed.ownerId).toBeNull();
    const worked = (
      await agent.post(`/api/complaints/${listed.id}/facts`, {
        whatHappened: 'Mất mạng',
        askText: 'Sửa',
      })
    ).json();
    expect(worked.complaint.ownerId).toBe(users.agent.id);

    const bot = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/orgs/${org.slug}/complaints`,
      payload: { ...form, website: 'http://spam' },
      remoteAddress: '10.1.0.2',
    });
    expect(bot.statusCode).toBe(400);
    expect(bot.json().error.code).toBe('spam');

    const noContact = await ctx.app.inject({
      method: 'POST',
      url: `/api/public/orgs/${org.slug}/complaints`,
      payload: { ...form, phone: null },
      remoteAddress: '10.1.0.3',
    });
    expect(noContact.json().error).toMatchObject({ code: 'validation_failed', field: 'phone' });

    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await ctx.app.inject({
        method: 'POST',
        url: `/api/public/orgs/${org.slug}/complaints`,
        payload: form,
        remoteAddress: '10.1.0.9',
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);

    const meta = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/orgs/${org.slug}`,
      headers: { 'accept-language': 'zh' },
    });
    expect(meta.json().reasons.map((r: { name: string }) => r.name)).toContain('配送延迟');
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/public/orgs/no-such-org' })).statusCode,
    ).toBe(404);
  });
});
