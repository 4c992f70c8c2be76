import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookEventTypes } from '../src/modules/webhooks/webhooks.contract.ts';
import { createTestContext, sampleComplaint, type TestContext } from './helpers.ts';
import { newProblem, problemOrg } from './problems-helpers.ts';
import { startReceiver } from './webhooks-helpers.ts';

// Where the events come from: a case's life through the API, the customer's message in the
// portal, and a problem record, each delivered to an endpoint that hears every event.

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

describe('the events webhooks hear', () => {
  it('follows a case from intake to close, and a problem record', async () => {
    const o = await problemOrg(ctx);
    const created = await o.admin.post('/api/webhooks', {
      url: receiver.url,
      events: [...webhookEventTypes],
      allowPrivate: true,
    });
    expect(created.statusCode).toBe(201);
    const { complaint } = (await o.agent.post('/api/complaints', sampleComplaint())).json();
    const id = complaint.id as string;
    const token = (await o.agent.post(`/api/complaints/${id}/tracking-link`))
      .json()
      .trackingUrl.split('/track/')[1];
    const reply = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/messages`,
      payload: { body: 'Khi nào hàng tới?' },
    });
    expect(reply.statusCode).toBe(200);
    const commit = (body: Record<string, unknown>) =>
      o.agent.post(`/api/complaints/${id}/commitments`, body);
    expect((await commit({ dueAt: '2026-03-04T09:00:00Z' })).statusCode).toBe(201);
    const again = await commit({ dueAt: '2026-03-05T09:00:00Z', reason: 'Kho hết hàng' });
    expect(again.statusCode).toBe(201);
    for (const status of ['fixed', 'in_progress', 'fixed', 'closed']) {
      const r = await o.agent.post(`/api/complaints/${id}/status`, { status });
      expect(r.statusCode, r.body).toBe(200);
    }
    const { problem } = await newProblem(o.quality);
    const moved = await o.quality.post(`/api/problems/${problem.id}/transition`, {
      to: 'analysing',
    });
    expect(moved.statusCode, moved.body).toBe(200);

    await ctx.drainJobs(o.org.id);
    const got = receiver.received
      .map((r) => JSON.parse(r.body))
      .filter((p) => p.orgId === o.org.id);
    const ofCase = got.filter((p) => p.data.complaint?.id === id);
    // Deliveries run side by side, so they may arrive in any order.
    expect(ofCase.map((p) => p.type).sort()).toEqual(
      [
        'complaint.created',
        'complaint.acknowledged',
        'message.received',
        'complaint.commitment_made',
        'complaint.recommitted',
        'complaint.fixed',
        'complaint.reopened',
        'complaint.fixed',
        'complaint.closed',
      ].sort(),
    );
    const byType = (type: string) => ofCase.find((p) => p.type === type);
    expect(byType('message.received').data.message).toMatchObject({
      body: 'Khi nào hàng tới?',
      via: 'portal',
    });
    expect(byType('complaint.recommitted').data.commitment).toMatchObject({
      sequence: 2,
      reason: 'Kho hết hàng',
      previousDueAt: '2026-03-04T09:00:00.000Z',
    });
    expect(byType('complaint.reopened').data.complaint.status).toBe('in_progress');
    expect(byType('complaint.closed').data.complaint.status).toBe('closed');
    const ofProblem = got.filter((p) => p.data.problem?.id === problem.id);
    expect(ofProblem.map((p) => p.type).sort()).toEqual([
      'problem.created',
      'problem.status_changed',
    ]);
    const changed = ofProblem.find((p) => p.type === 'problem.status_changed');
    expect(changed.data.problem.status).toBe('analysing');
    expect(changed.data.change).toEqual({ from: 'open', to: 'analysing' });
    // Every event has an id of its own; no payload kept the intake's placeholder.
    expect(new Set(got.map((p) => p.id)).size).toBe(got.length);
    expect(JSON.stringify(got)).not.toMatch(/\u27e6|~pending/);
  });

  it('limits test events to 10 a minute from one address', async () => {
    const o = await problemOrg(ctx);
    const endpoint = (
      await o.admin.post('/api/webhooks', {
        url: receiver.url,
        events: ['complaint.created'],
        allowPrivate: true,
      })
    ).json().endpoint;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1)
      statuses.push((await o.admin.post(`/api/webhooks/${endpoint.id}/test`)).statusCode);
    expect(statuses).toEqual([...Array<number>(10).fill(202), 429]);
  });

  it('follows no redirect and gives up on a receiver slower than WEBHOOK_TIMEOUT_MS', async () => {
    const quick = await createTestContext({ start: MONDAY, env: { WEBHOOK_TIMEOUT_MS: '300' } });
    const moved = await startReceiver([302]);
    const hanging = http.createServer(() => undefined);
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const o = await problemOrg(quick);
      const endpointOf = async (url: string) =>
        (
          await o.admin.post('/api/webhooks', {
            url,
            events: ['complaint.created'],
            allowPrivate: true,
          })
        ).json().endpoint.id as string;
      const slow = await endpointOf(
        `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hook`,
      );
      const redirected = await endpointOf(moved.url);
      await o.admin.post(`/api/webhooks/${slow}/test`);
      await o.admin.post(`/api/webhooks/${redirected}/test`);
      const started = Date.now();
      await quick.drainJobs(o.org.id);
      expect(Date.now() - started).toBeLessThan(5000);
      const last = async (id: string) =>
        (await o.admin.get(`/api/webhooks/${id}/deliveries`)).json().items[0];
      expect(await last(slow)).toMatchObject({
        status: 'pending',
        lastStatusCode: null,
        lastResponse: 'timeout after 300 ms',
      });
      expect(await last(redirected)).toMatchObject({ status: 'pending', lastStatusCode: 302 });
      expect(moved.received).toHaveLength(1);
    } finally {
      hanging.closeAllConnections();
      await new Promise((resolve) => hanging.close(resolve));
      await moved.close();
      await quick.close();
    }
  });
});
