import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, createTestOrg, signIn, type TestContext } from './helpers.ts';
import { complaintOf, newProblem, problemOrg, put } from './problems-helpers.ts';

// Step 8: problem records, linked complaints, root cause and the responsibility chain.

// Monday 2 March 2026, 09:00 in Hồ Chí Minh City.
const MONDAY = new Date('2026-03-02T02:00:00Z');

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: MONDAY });
});
afterAll(async () => ctx.close());

describe('problem records', () => {
  it('creates a problem with a reference, lists and reads it in the reader’s language', async () => {
    ctx.clock.set(MONDAY);
    const o = await problemOrg(ctx);
    const { problem } = await newProblem(o.quality, {
      reasonId: o.reasonId,
      products: ['Gói cước X'],
    });
    expect(problem.reference).toMatch(/^VD-2026-\d{4}$/);
    expect(problem.status).toBe('open');
    const second = await newProblem(o.quality);
    const n = (ref: string) => Number(ref.slice(-4));
    expect(n(second.problem.reference)).toBe(n(problem.reference) + 1);

    const list = (await o.agent.get('/api/problems?q=giao')).json();
    expect(list.total).toBe(2);
    const en = await o.quality.request('GET', `/api/problems/${problem.id}`, undefined, {
      'accept-language': 'en',
    });
    expect(en.json().problem.title).toBe('Repeated late delivery');
    expect(en.json().problem.allowedTransitions).toEqual(['analysing', 'rejected']);
  });

  it('needs a title in at least one language, naming the field', async () => {
    const o = await problemOrg(ctx);
    const r = await o.quality.post('/api/problems', { title: { vi: '  ' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.field).toBe('title');
  });

  it('keeps agents from creating problems and answers 404 across orgs', async () => {
    const o = await problemOrg(ctx);
    expect((await o.agent.post('/api/problems', { title: { vi: 'x' } })).statusCode).toBe(403);
    const { problem } = await newProblem(o.quality);
    const other = await createTestOrg(ctx);
    const stranger = await signIn(ctx, other.users.quality.email);
    expect((await stranger.get(`/api/problems/${problem.id}`)).statusCode).toBe(404);
    expect((await stranger.patch(`/api/problems/${problem.id}`, { products: [] })).statusCode).toBe(
      404,
    );
  });

  it('moves along its transition table and refuses the rest', async () => {
    const o = await problemOrg(ctx);
    const { problem } = await newProblem(o.quality);
    const go = (to: string, reason?: string) =>
      o.quality.post(`/api/problems/${problem.id}/transition`, {
        to,
        ...(reason ? { reason } : {}),
      });
    expect((await go('action')).statusCode).toBe(409);
    expect((await go('analysing')).statusCode).toBe(200);
    expect((await go('rejected')).json().error.field).toBe('reason');
    expect((await go('rejected', 'Trùng với VD khác')).json().problem.status).toBe('rejected');
    expect((await go('analysing')).statusCode).toBe(409);
    expect(
      (await o.quality.patch(`/api/problems/${problem.id}`, { products: ['x'] })).statusCode,
    ).toBe(409);
  });
});

describe('linked complaints', () => {
  it('links idempotently, moves a complaint to another problem (audited) and unlinks', async () => {
    ctx.clock.set(MONDAY);
    const o = await problemOrg(ctx);
    const [a, b] = [await complaintOf(o), await complaintOf(o)];
    const first = (await newProblem(o.quality)).problem;
    const second = (await newProblem(o.quality)).problem;
    const link = (id: string, complaintIds: string[], source?: string) =>
      o.agent.post(`/api/problems/${id}/complaints`, {
        complaintIds,
        ...(source ? { source } : {}),
      });

    expect((await link(first.id, [a, b])).json()).toEqual({ linked: 2 });
    expect((await link(first.id, [a, b, a])).json()).toEqual({ linked: 0 });
    expect((await link(second.id, [b], 'suggestion')).json()).toEqual({ linked: 1 });

    const one = (await o.quality.get(`/api/problems/${first.id}`)).json();
    expect(one.complaints.map((c: { complaintId: string }) => c.complaintId)).toEqual([a]);
    const two = (await o.quality.get(`/api/problems/${second.id}`)).json();
    expect(two.complaints[0]).toMatchObject({
      complaintId: b,
      source: 'suggestion',
      customerName: 'Nguyễn Thị Lan',
    });
    expect(two.history.map((h: { kind: string }) => h.kind)).toContain('link.added');

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('org_id', '=', o.org.id)
      .where('action', 'like', 'problem.complaint_%')
      .execute();
    expect(audit.map((x) => x.action).sort()).toEqual([
      'problem.complaint_linked',
      'problem.complaint_linked',
      'problem.complaint_moved',
    ]);

    expect((await o.agent.get(`/api/complaints/${b}/problem`)).json().problem).toMatchObject({
      id: second.id,
      reference: second.reference,
      status: 'open',
    });
    expect((await o.agent.delete(`/api/problems/${second.id}/complaints/${b}`)).json()).toEqual({
      ok: true,
    });
    expect((await o.agent.delete(`/api/problems/${second.id}/complaints/${b}`)).statusCode).toBe(
      404,
    );
    expect((await o.agent.get(`/api/complaints/${b}/problem`)).json()).toEqual({ problem: null });
    const timeline = await ctx.db
      .selectFrom('complaint_events')
      .select(['type', 'data', 'visibility'])
      .where('org_id', '=', o.org.id)
      .where('complaint_id', '=', b)
      .where('type', 'like', 'problem.%')
      .orderBy('id')
      .execute();
    expect(timeline.map((e) => [e.type, (e.data as { problemId: string }).problemId])).toEqual([
      ['problem.linked', first.id],
      ['problem.linked', second.id],
      ['problem.unlinked', second.id],
    ]);
    expect(timeline[1]!.data).toMatchObject({ source: 'suggestion', fromProblemId: first.id });
  });

  it('answers 404 for another org’s complaint or problem, and 400 for bad ids', async () => {
    const o = await problemOrg(ctx);
    const other = await problemOrg(ctx);
    const theirs = await complaintOf(other);
    const mine = (await newProblem(o.quality)).problem;
    const theirProblem = (await newProblem(other.quality)).problem;
    const post = (id: string, complaintIds: unknown) =>
      o.agent.post(`/api/problems/${id}/complaints`, { complaintIds });
    expect((await post(mine.id, [theirs])).statusCode).toBe(404);
    expect((await post(theirProblem.id, [await complaintOf(o)])).statusCode).toBe(404);
    expect((await o.agent.get(`/api/complaints/${theirs}/problem`)).statusCode).toBe(404);
    const bad = await post(mine.id, []);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('complaintIds');
    expect((await post(mine.id, ['not-a-uuid'])).statusCode).toBe(400);
  });
});

describe('root cause and the responsibility chain', () => {
  it('saves a structured root cause with five whys and a fishbone', async () => {
    const o = await problemOrg(ctx);
    const { problem } = await newProblem(o.quality);
    const r = await put(o.quality, `/api/problems/${problem.id}/root-cause`, {
      category: 'supplier',
      analysis: 'Đơn vị vận chuyển đổi tuyến',
      fiveWhys: [{ why: 'Vì sao trễ?', answer: 'Xe đi tuyến mới' }],
      fishbone: { material: ['Thùng carton yếu'], method: ['Không kiểm tra tuyến'] },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().rootCause).toMatchObject({
      category: 'supplier',
      fiveWhys: [{ why: 'Vì sao trễ?', answer: 'Xe đi tuyến mới' }],
      fishbone: { material: ['Thùng carton yếu'], people: [] },
    });
    const tooMany = Array.from({ length: 6 }, () => ({ why: 'a', answer: 'b' }));
    const refused = await put(o.quality, `/api/problems/${problem.id}/root-cause`, {
      category: 'supplier',
      analysis: 'x',
      fiveWhys: tooMany,
    });
    expect(refused.statusCode).toBe(400);
  });

  it('suggests a chain from the org chart, saves it, and records acknowledgements', async () => {
    ctx.clock.set(MONDAY);
    const o = await problemOrg(ctx);
    const { problem } = await newProblem(o.quality);
    await o.agent.post(`/api/problems/${problem.id}/complaints`, {
      complaintIds: [await complaintOf(o)],
    });
    const suggested = (await o.quality.get(`/api/problems/${problem.id}/chain/suggested`)).json();
    expect(
      suggested.links.map((l: { basis: string; userId: string }) => [l.basis, l.userId]),
    ).toEqual([
      ['intake', o.users.manager.id],
      ['owner', o.users.quality.id],
    ]);

    const saved = await put(o.quality, `/api/problems/${problem.id}/chain`, {
      links: [
        { departmentId: o.care.id, userId: o.users.agent.id, role: 'Tiếp nhận' },
        { departmentId: o.qa.id, userId: o.users.quality.id, role: 'Phân tích' },
        { personName: 'Anh Tuấn (kho)', role: 'Đóng gói' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const [first, , third] = saved.json().links;
    expect(
      (await put(o.quality, `/api/problems/${problem.id}/chain`, { links: [{ role: 'x' }] })).json()
        .error.field,
    ).toBe('links.0.personName');

    // The agent acknowledges their own link; the manager may not for someone else.
    const own = await o.agent.post(`/api/problems/${problem.id}/chain/${first.id}/acknowledge`, {
      text: 'Đã ghi nhận',
    });
    expect(own.json().links[0]).toMatchObject({
      acknowledgement: 'Đã ghi nhận',
      onBehalf: false,
      acknowledgedById: o.users.agent.id,
    });
    expect(
      (
        await o.manager.post(`/api/problems/${problem.id}/chain/${third.id}/acknowledge`, {
          text: 'x',
        })
      ).statusCode,
    ).toBe(403);
    const behalf = await o.quality.post(
      `/api/problems/${problem.id}/chain/${third.id}/acknowledge`,
      { text: 'Qua điện thoại' },
    );
    expect(behalf.json().links[2]).toMatchObject({ personName: 'Anh Tuấn (kho)', onBehalf: true });

    // Saving the same chain again keeps what was acknowledged.
    const again = await put(o.quality, `/api/problems/${problem.id}/chain`, {
      links: [
        { departmentId: o.care.id, userId: o.users.agent.id, role: 'Tiếp nhận' },
        { personName: 'Anh Tuấn (kho)', role: 'Đóng gói' },
      ],
    });
    expect(
      again.json().links.map((l: { acknowledgement: string | null }) => l.acknowledgement),
    ).toEqual(['Đã ghi nhận', 'Qua điện thoại']);
  });
});
