import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../src/modules/webhooks/index.ts';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type Client,
  type TestContext,
} from './helpers.ts';
import { startReceiver } from './webhooks-helpers.ts';

// Signed webhooks: endpoints of an org, deliveries through the jobs table to a real receiver on
// loopback (so every endpoint here allows private destinations), the log and the refusals.

const MONDAY = new Date('2026-03-02T02:00:00Z');
let ctx: TestContext;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  ctx = await createTestContext({ start: MONDAY });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
});

async function adminOrg() {
  const o = await createTestOrg(ctx);
  return { ...o, admin: await signIn(ctx, o.users.admin.email) };
}

async function createEndpoint(
  admin: Client,
  url: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; secret: string }> {
  const r = await admin.post('/api/webhooks', {
    url,
    events: ['complaint.created', 'complaint.acknowledged'],
    description: 'CRM',
    allowPrivate: true,
    ...extra,
  });
  expect(r.statusCode, r.body).toBe(201);
  return { id: r.json().endpoint.id, secret: r.json().secret };
}

const deliveriesOf = async (admin: Client, id: string) => {
  const r = await admin.get(`/api/webhooks/${id}/deliveries`);
  expect(r.statusCode).toBe(200);
  return r.json().items as Record<string, unknown>[];
};

describe('signed deliveries', () => {
  it('sends a test event signed with the secret shown once, and logs it', async () => {
    const { admin, org } = await adminOrg();
    const { id, secret } = await createEndpoint(admin, receiver.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = (await admin.get('/api/webhooks')).json().items;
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));

    const before = receiver.received.length;
    const test = await admin.post(`/api/webhooks/${id}/test`);
    expect(test.statusCode).toBe(202);
    await ctx.drainJobs(org.id);
    const got = receiver.received.slice(before);
    expect(got).toHaveLength(1);
    const { headers, body } = got[0]!;
    const payload = JSON.parse(body);
    expect(Object.keys(payload)).toEqual(['id', 'type', 'createdAt', 'orgId', 'data']);
    expect(payload).toMatchObject({ type: 'webhook.test', orgId: org.id });
    expect(headers['webhook-id']).toBe(payload.id);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);

    const now = ctx.clock.now();
    expect(verifyWebhook(secret, headers, body, now)).toMatchObject({ ok: true });
    expect(verifyWebhook(secret, headers, body.replace('test', 'tset'), now)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const other = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    expect(verifyWebhook(other, headers, body, now).ok).toBe(false);
    const later = new Date(now.getTime() + 5 * 60_000 + 1000);
    expect(verifyWebhook(secret, headers, body, later)).toEqual({ ok: false, reason: 'too_old' });

    const [logged] = await deliveriesOf(admin, id);
    expect(logged).toMatchObject({
      status: 'delivered',
      attempts: 1,
      lastStatusCode: 200,
      lastResponse: 'ok thanks',
      nextAttemptAt: null,
      isTest: true,
      eventId: payload.id,
    });
    expect(logged!.lastLatencyMs).toEqual(expect.any(Number));
  });

  it('delivers complaint.created from a real intake with the documented payload', async () => {
    const { admin, org, users } = await adminOrg();
    const { id, secret } = await createEndpoint(admin, receiver.url);
    const agent = await signIn(ctx, users.agent.email);
    const before = receiver.received.length;
    const created = await agent.post('/api/complaints', sampleComplaint());
    expect(created.statusCode).toBe(201);
    const complaint = created.json().complaint;
    await ctx.drainJobs(org.id);
    const got = receiver.received.slice(before).map((r) => ({ ...r, json: JSON.parse(r.body) }));
    expect(got.map((r) => r.json.type).sort()).toEqual([
      'complaint.acknowledged',
      'complaint.created',
    ]);
    const hook = got.find((r) => r.json.type === 'complaint.created')!;
    expect(verifyWebhook(secret, hook.headers, hook.body, ctx.clock.now()).ok).toBe(true);
    expect(hook.json).toMatchObject({
      orgId: org.id,
      createdAt: ctx.clock.now().toISOString(),
      data: {
        complaint: {
          id: complaint.id,
          reference: complaint.reference,
          status: 'new',
          channel: 'phone',
          severity: 'medium',
        },
      },
    });
    expect((await deliveriesOf(admin, id)).map((d) => d.status)).toEqual([
      'delivered',
      'delivered',
    ]);
  });

  it('hears of a fix and a close of the case, not of events nobody subscribed to', async () => {
    const { admin, org, users } = await adminOrg();
    await createEndpoint(admin, receiver.url, { events: ['complaint.fixed', 'complaint.closed'] });
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const before = receiver.received.length;
    for (const status of ['in_progress', 'fixed']) {
      const r = await agent.post(`/api/complaints/${complaint.id}/status`, { status });
      expect(r.statusCode, r.body).toBe(200);
    }
    await ctx.drainJobs(org.id);
    const types = receiver.received.slice(before).map((r) => JSON.parse(r.body));
    expect(types.map((p) => p.type)).toEqual(['complaint.fixed']);
    expect(types[0].data.complaint.status).toBe('fixed');
  });
});

describe('retries and switching off', () => {
  it('retries a 500 with backoff and delivers on the next try', async () => {
    const { admin, org } = await adminOrg();
    const flaky = await startReceiver([500, 200]);
    try {
      const { id } = await createEndpoint(admin, flaky.url);
      await admin.post(`/api/webhooks/${id}/test`);
      await ctx.drainJobs(org.id);
      const [first] = await deliveriesOf(admin, id);
      expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
      expect(first!.lastResponse).toBe('failed with 500');
      const wait = new Date(String(first!.nextAttemptAt)).getTime() - ctx.clock.now().getTime();
      // The first wait is 30 s with ±20 % jitter.
      expect(wait).toBeGreaterThanOrEqual(24_000);
      expect(wait).toBeLessThanOrEqual(36_000);
      await ctx.drainJobs(org.id);
      expect(flaky.received).toHaveLength(1);
      ctx.clock.advance(40_000);
      await ctx.drainJobs(org.id);
      const [second] = await deliveriesOf(admin, id);
      expect(second).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200 });
      expect(flaky.received).toHaveLength(2);
      expect(flaky.received[0]!.headers['webhook-id']).toBe(
        flaky.received[1]!.headers['webhook-id'],
      );
    } finally {
      await flaky.close();
    }
  });

  it('switches an endpoint off after N failures in a row and tells the admins', async () => {
    const { admin, org, users } = await adminOrg();
    const down = await startReceiver([503]);
    try {
      const { id } = await createEndpoint(admin, down.url, { maxConsecutiveFailures: 3 });
      await admin.post(`/api/webhooks/${id}/test`);
      for (let i = 0; i < 4; i += 1) {
        await ctx.drainJobs(org.id);
        ctx.clock.advance(10 * 60_000);
      }
      expect(down.received).toHaveLength(3);
      const endpoint = (await admin.get('/api/webhooks')).json().items[0];
      expect(endpoint).toMatchObject({
        enabled: false,
        disabledReason: 'failures',
        consecutiveFailures: 3,
      });
      const [delivery] = await deliveriesOf(admin, id);
      expect(delivery).toMatchObject({ status: 'failed', attempts: 3, nextAttemptAt: null });
      const notices = (await admin.get('/api/notices')).json().items;
      expect(notices).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'webhook_disabled',
            data: expect.objectContaining({ reference: down.url, level: 3 }),
          }),
        ]),
      );
      const agent = await signIn(ctx, users.agent.email);
      const agentNotices = (await agent.get('/api/notices')).json().items;
      expect(agentNotices.some((n: { kind: string }) => n.kind === 'webhook_disabled')).toBe(false);
      // Off, it takes no test; switched back on, its count starts again.
      expect((await admin.post(`/api/webhooks/${id}/test`)).statusCode).toBe(409);
      const on = await admin.patch(`/api/webhooks/${id}`, { enabled: true });
      expect(on.json()).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledAt: null });
    } finally {
      await down.close();
    }
  });

  it('sends a delivery again, with the same event id', async () => {
    const { admin, org } = await adminOrg();
    const { id } = await createEndpoint(admin, receiver.url);
    await admin.post(`/api/webhooks/${id}/test`);
    await ctx.drainJobs(org.id);
    const [delivery] = await deliveriesOf(admin, id);
    const before = receiver.received.length;
    const again = await admin.post(`/api/webhook-deliveries/${String(delivery!.id)}/resend`);
    expect(again.statusCode).toBe(202);
    expect(again.json().status).toBe('pending');
    await ctx.drainJobs(org.id);
    const got = receiver.received.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]!.headers['webhook-id']).toBe(delivery!.eventId);
    const [after] = await deliveriesOf(admin, id);
    expect(after).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('rotates the secret: the old one signs beside it for a day, then only the new', async () => {
    const { admin, org } = await adminOrg();
    const { id, secret } = await createEndpoint(admin, receiver.url);
    const rotated = await admin.post(`/api/webhooks/${id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json().secret as string;
    expect(fresh).not.toBe(secret);
    const before = receiver.received.length;
    await admin.post(`/api/webhooks/${id}/test`);
    await ctx.drainJobs(org.id);
    const { headers, body } = receiver.received[before]!;
    expect(verifyWebhook(fresh, headers, body, ctx.clock.now()).ok).toBe(true);
    expect(verifyWebhook(secret, headers, body, ctx.clock.now()).ok).toBe(true);
    ctx.clock.advance(24 * 3600_000 + 1000);
    await admin.post(`/api/webhooks/${id}/test`);
    await ctx.drainJobs(org.id);
    const later = receiver.received.at(-1)!;
    expect(later.headers['webhook-signature']).not.toContain(' ');
    expect(verifyWebhook(fresh, later.headers, later.body, ctx.clock.now()).ok).toBe(true);
    expect(verifyWebhook(secret, later.headers, later.body, ctx.clock.now()).ok).toBe(false);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', org.id)
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['webhook.created', 'webhook.secret_rotated']);
  });
});

describe('allowed destinations', () => {
  it.each([
    'http://127.0.0.1/hook',
    'http://localhost:8080/hook',
    'http://[::1]/hook',
    'http://10.1.2.3/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[::ffff:127.0.0.1]/hook',
    'http://0.0.0.0/hook',
    'http://192.168.1.1/hook',
  ])('refuses %s without "allow private destinations", naming the field', async (url) => {
    const { admin } = await adminOrg();
    const r = await admin.request(
      'POST',
      '/api/webhooks',
      { url, events: ['complaint.created'] },
      { 'accept-language': 'en' },
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().error.field).toBe('url');
    expect(r.json().error.message).toContain('Endpoint URL');
  });

  it('refuses other schemes, in the reader’s language', async () => {
    const { admin } = await adminOrg();
    const r = await admin.post('/api/webhooks', {
      url: 'file:///etc/passwd',
      events: ['complaint.created'],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ field: 'url' });
    expect(r.json().error.message).toContain('http://');
  });

  it.each([
    'http://localhost:9/hook',
    'http://[::1]:9/hook',
    'http://10.0.0.8/hook',
    'http://169.254.169.254/latest/meta-data',
  ])('refuses %s at delivery time too, without connecting', async (url) => {
    const { admin, org } = await adminOrg();
    const { id } = await createEndpoint(admin, receiver.url);
    await ctx.db
      .updateTable('webhook_endpoints')
      .set({ url, allow_private: false })
      .where('id', '=', id)
      .execute();
    await admin.post(`/api/webhooks/${id}/test`);
    await ctx.drainJobs(org.id);
    const [delivery] = await deliveriesOf(admin, id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(String(delivery!.lastResponse)).toContain('private');
  });

  it('refuses a private address again at delivery time', async () => {
    const { admin, org } = await adminOrg();
    const { id } = await createEndpoint(admin, receiver.url);
    // Switching the permission off through the API checks the address, so do it behind its back.
    await ctx.db
      .updateTable('webhook_endpoints')
      .set({ allow_private: false })
      .where('id', '=', id)
      .execute();
    const before = receiver.received.length;
    await admin.post(`/api/webhooks/${id}/test`);
    await ctx.drainJobs(org.id);
    expect(receiver.received.length).toBe(before);
    const [delivery] = await deliveriesOf(admin, id);
    expect(delivery).toMatchObject({ attempts: 1, lastStatusCode: null });
    expect(String(delivery!.lastResponse)).toContain('private');
    expect((await admin.patch(`/api/webhooks/${id}`, { url: receiver.url + '2' })).statusCode).toBe(
      400,
    );
  });
});

describe('who may', () => {
  it('keeps agents out and answers 404 for another org’s endpoint and delivery', async () => {
    const { admin, users, org } = await adminOrg();
    const { id } = await createEndpoint(admin, receiver.url);
    await admin.post(`/api/webhooks/${id}/test`);
    await ctx.drainJobs(org.id);
    const [delivery] = await deliveriesOf(admin, id);
    const agent = await signIn(ctx, users.agent.email);
    expect((await agent.get('/api/webhooks')).statusCode).toBe(403);
    expect(
      (await agent.post('/api/webhooks', { url: receiver.url, events: ['complaint.created'] }))
        .statusCode,
    ).toBe(403);
    const other = await adminOrg();
    const stranger = other.admin;
    expect((await stranger.patch(`/api/webhooks/${id}`, { description: 'x' })).statusCode).toBe(
      404,
    );
    expect((await stranger.delete(`/api/webhooks/${id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/webhooks/${id}/deliveries`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/webhooks/${id}/test`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/webhooks/${id}/rotate-secret`)).statusCode).toBe(404);
    expect(
      (await stranger.post(`/api/webhook-deliveries/${String(delivery!.id)}/resend`)).statusCode,
    ).toBe(404);
    expect((await stranger.get('/api/webhooks')).json().items).toEqual([]);
    expect((await admin.delete(`/api/webhooks/${id}`)).statusCode).toBe(200);
    expect((await admin.get('/api/webhooks')).json().items).toEqual([]);
  });

  it('takes every naughty string as a description without a 5xx', async () => {
    const { admin } = await adminOrg();
    const blns: string[] = JSON.parse(
      fs.readFileSync(
        path.resolve(import.meta.dirname, 'fixtures/naughty-strings/blns.json'),
        'utf8',
      ),
    );
    const { id } = await createEndpoint(admin, receiver.url);
    const statuses = new Set<number>();
    for (const description of blns) {
      const r = await admin.patch(`/api/webhooks/${id}`, { description });
      statuses.add(r.statusCode);
      if (r.statusCode === 200) expect(r.json().description).toBe(description);
      else expect(r.json().error.field).toBe('description');
    }
    expect([...statuses].every((s) => s < 500)).toBe(true);
    expect(statuses.has(200)).toBe(true);
  });

  it('describes the events in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.webhooks)).toEqual(
      expect.arrayContaining(['complaint.created', 'message.received', 'problem.created']),
    );
    const op = doc.webhooks['complaint.created'].post;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual([
      'webhook-id',
      'webhook-timestamp',
      'webhook-signature',
    ]);
    expect(op.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['id', 'type', 'createdAt', 'orgId', 'data']),
    );
  });
});
