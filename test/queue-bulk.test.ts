import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../src/platform/i18n.ts';
import {
  createTestContext,
  createTestOrg,
  nextAddress,
  sampleComplaint,
  signIn,
  type Client,
  type TestContext,
} from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

/** A web complaint: nobody owns it until someone works on it. */
async function webComplaint(slug: string, name: string): Promise<string> {
  const filed = await ctx.app.inject({
    method: 'POST',
    url: `/api/public/orgs/${slug}/complaints`,
    payload: { name, email: `${randomUUID()}@example.vn`, description: 'Giao hàng chậm' },
    remoteAddress: nextAddress(),
  });
  expect(filed.statusCode).toBe(201);
  const { rows } = await ctx.pool.query<{ id: string }>(
    'SELECT id FROM complaints WHERE reference = $1 AND org_id = (SELECT id FROM orgs WHERE slug = $2)',
    [filed.json().reference, slug],
  );
  return rows[0]!.id;
}

const eventsOf = async (client: Client, id: string, type: string) =>
  (await client.get(`/api/complaints/${id}/timeline`))
    .json()
    .events.filter((e: { type: string }) => e.type === type);

const outcomes = (body: { results: { id: string; outcome: string; error?: { code: string } }[] }) =>
  Object.fromEntries(body.results.map((r) => [r.id, r.error ? r.error.code : r.outcome]));

describe('bulk actions on the queue', () => {
  it('assigns many cases in one request, per case, with the single-case events and an audit line each', async () => {
    const { org, users } = await createTestOrg(ctx);
    const other = await createTestOrg(ctx, 'Công ty Khác');
    const manager = await signIn(ctx, users.manager.email);
    const [a, b] = [await webComplaint(org.slug, 'Lê Thu'), await webComplaint(org.slug, 'Võ Hà')];
    const foreign = await webComplaint(other.org.slug, 'Ngô Tâm');

    const request = { action: 'assign', ids: [a, b, foreign, a], ownerId: users.agent.id };
    const first = await manager.post('/api/complaints/bulk', request);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ action: 'assign', changed: 2, unchanged: 0, refused: 1 });
    expect(first.json().results).toHaveLength(3);
    expect(outcomes(first.json())).toEqual({
      [a]: 'changed',
      [b]: 'changed',
      [foreign]: 'not_found',
    });
    const assigned = await eventsOf(manager, a, 'complaint.assigned');
    expect(assigned).toHaveLength(1);
    expect(assigned[0]).toMatchObject({
      actorName: users.manager.name,
      data: { from: null, to: users.agent.id, toName: users.agent.name },
    });
    const detail = (await manager.get(`/api/complaints/${a}`)).json();
    expect(detail.complaint.ownerId).toBe(users.agent.id);

    // Retried (the answer was lost): nothing changes twice.
    const retry = await manager.post('/api/complaints/bulk', request);
    expect(outcomes(retry.json())).toEqual({
      [a]: 'unchanged',
      [b]: 'unchanged',
      [foreign]: 'not_found',
    });
    expect(await eventsOf(manager, a, 'complaint.assigned')).toHaveLength(1);

    const audit = (await manager.get('/api/audit?entityType=complaint')).json().items;
    expect(
      audit
        .filter((e: { action: string }) => e.action === 'bulk.assigned')
        .map((e: { entityId: string; before: unknown; after: unknown }) => [
          e.entityId,
          e.before,
          e.after,
        ])
        .sort(),
    ).toEqual(
      [
        [a, { ownerId: null }, { ownerId: users.agent.id }],
        [b, { ownerId: null }, { ownerId: users.agent.id }],
      ].sort(),
    );
    // The other org's case was not touched.
    const untouched = await ctx.pool.query('SELECT owner_id FROM complaints WHERE id = $1', [
      foreign,
    ]);
    expect(untouched.rows[0].owner_id).toBeNull();
  });

  it('lets an agent take cases but not hand them to someone else', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const ids = [await webComplaint(org.slug, 'Đinh Lộc'), await webComplaint(org.slug, 'Hồ Vy')];
    const toManager = await agent.post(
      '/api/complaints/bulk',
      { action: 'assign', ids, ownerId: users.manager.id },
      { 'accept-language': 'en' },
    );
    expect(toManager.statusCode).toBe(200);
    expect(outcomes(toManager.json())).toEqual({ [ids[0]!]: 'forbidden', [ids[1]!]: 'forbidden' });
    // Each refusal is worded in the language of the request.
    expect(toManager.json().results[0].error.message).toBe(translate('en', 'error.forbidden'));
    expect(translate('en', 'error.forbidden')).not.toBe(translate('vi', 'error.forbidden'));
    const toMe = await agent.post('/api/complaints/bulk', {
      action: 'assign',
      ids,
      ownerId: users.agent.id,
    });
    expect(toMe.json()).toMatchObject({ changed: 2, refused: 0 });
  });

  it('changes statuses through the transition table, refusing only the moves it forbids', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const make = async () =>
      (await agent.post('/api/complaints', sampleComplaint())).json().complaint.id as string;
    const [one, cancelled, two] = [await make(), await make(), await make()];
    await agent.post(`/api/complaints/${cancelled}/status`, { status: 'cancelled' });
    const fixed = await agent.post('/api/complaints/bulk', {
      action: 'changeStatus',
      ids: [one, cancelled, two],
      status: 'fixed',
      note: 'Đã giao lại hàng',
    });
    expect(fixed.statusCode).toBe(200);
    expect(outcomes(fixed.json())).toEqual({
      [one]: 'changed',
      [cancelled]: 'invalid_transition',
      [two]: 'changed',
    });
    for (const id of [one, two]) {
      expect(await eventsOf(agent, id, 'complaint.fixed')).toHaveLength(1);
      const changed = await eventsOf(agent, id, 'complaint.status_changed');
      expect(changed.at(-1).data).toEqual({ from: 'new', to: 'fixed', note: 'Đã giao lại hàng' });
      expect((await agent.get(`/api/complaints/${id}`)).json().complaint.status).toBe('fixed');
    }
    const again = await agent.post('/api/complaints/bulk', {
      action: 'changeStatus',
      ids: [one, two],
      status: 'fixed',
    });
    expect(again.json()).toMatchObject({ changed: 0, unchanged: 2 });
    expect(await eventsOf(agent, one, 'complaint.fixed')).toHaveLength(1);
    const audited = await ctx.pool.query(
      `SELECT entity_id, before, after, actor_id FROM audit_log
       WHERE org_id = $1 AND action = 'bulk.status_changed' ORDER BY entity_id`,
      [org.id],
    );
    expect(audited.rows).toEqual(
      [one, two].sort().map((id) => ({
        entity_id: id,
        before: { status: 'new' },
        after: { status: 'fixed' },
        actor_id: users.agent.id,
      })),
    );
  });

  it('answers a bad request with a 400 naming the field, and a role without the right with 403', async () => {
    const { org, users } = await createTestOrg(ctx);
    const manager = await signIn(ctx, users.manager.email);
    const id = await webComplaint(org.slug, 'Phan Khang');
    const cases: [unknown, string][] = [
      [{ action: 'assign', ids: [id], ownerId: randomUUID() }, 'ownerId'],
      [{ action: 'assign', ids: [], ownerId: null }, 'ids'],
      [{ action: 'assign', ids: ['not-an-id'], ownerId: null }, 'ids.0'],
      [{ action: 'changeStatus', ids: [id], status: 'done' }, 'status'],
      [{ action: 'explode', ids: [id] }, 'action'],
    ];
    for (const [body, field] of cases) {
      const response = await manager.post('/api/complaints/bulk', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.field).toBe(field);
    }
    const responder = await signIn(ctx, users.responder.email);
    const refused = await responder.post('/api/complaints/bulk', {
      action: 'assign',
      ids: [id],
      ownerId: null,
    });
    expect(refused.statusCode).toBe(403);
  });
});
