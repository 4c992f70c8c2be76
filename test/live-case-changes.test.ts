import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// A screen that has a case open hears of every change to it on commit (GET /api/live with
// ?complaint=<id>), so its clocks and commitments follow a status change without a reload; a
// screen watching another case, or another org's, hears nothing of it.

let ctx: TestContext;
let baseUrl: string;
beforeAll(async () => {
  ctx = await createTestContext();
  baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => ctx.close());

type Event = { event: string; data: Record<string, unknown> };

/** A real server-sent event stream, collecting what it hears until closed. */
async function listen(cookie: string, complaintId: string) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/live?complaint=${complaintId}`, {
    headers: { cookie },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  const events: Event[] = [];
  const reader = response.body!.getReader();
  const pump = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += new TextDecoder().decode(value);
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) as Event['data'] });
      }
    }
  })();
  const waitFor = async (predicate: () => boolean) => {
    for (let i = 0; i < 100 && !predicate(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(predicate()).toBe(true);
  };
  await waitFor(() => events.some((e) => e.event === 'ready'));
  return {
    events,
    waitFor,
    close: async () => {
      controller.abort();
      await pump;
    },
  };
}

describe('live changes of an open case', () => {
  it('tells the screens watching a case its new status, and nobody else', async () => {
    // Monday 2 March 2026, 09:00 in Hồ Chí Minh City; the fix is promised for Wednesday.
    ctx.clock.set(new Date('2026-03-02T02:00:00Z'));
    const { users } = await createTestOrg(ctx);
    const other = await createTestOrg(ctx, 'Cửa hàng Bên Cạnh');
    const agent = await signIn(ctx, users.agent.email);
    const otherAgent = await signIn(ctx, other.users.agent.email);
    const watched = (await agent.post('/api/complaints', sampleComplaint())).json().complaint;
    const unwatched = (await agent.post('/api/complaints', sampleComplaint())).json().complaint;

    const committed = await agent.post(`/api/complaints/${watched.id}/commitments`, {
      dueAt: '2026-03-04T10:00:00Z',
    });
    expect(committed.statusCode).toBe(201);
    const fixOf = async () =>
      (await agent.get(`/api/complaints/${watched.id}/clocks`))
        .json()
        .clocks.find((c: { clock: string }) => c.clock === 'fix');
    expect((await fixOf()).state).toBe('running');

    const screen = await listen(agent.cookie, watched.id);
    // Another org's agent asking for this case hears nothing of it.
    const stranger = await listen(otherAgent.cookie, watched.id);
    try {
      const fixed = await agent.post(`/api/complaints/${watched.id}/status`, { status: 'fixed' });
      expect(fixed.statusCode).toBe(200);
      expect(
        (await agent.post(`/api/complaints/${unwatched.id}/status`, { status: 'fixed' }))
          .statusCode,
      ).toBe(200);
      await screen.waitFor(() =>
        screen.events.some((e) => e.event === 'complaint' && e.data.status === 'fixed'),
      );
      const changes = screen.events.filter((e) => e.event === 'complaint');
      expect(changes).toEqual([
        { event: 'complaint', data: { kind: 'changed', status: 'fixed', complaintId: watched.id } },
      ]);
      // The clocks the screen then asks for are the fixed case's: the fix was met.
      expect(await fixOf()).toMatchObject({ state: 'met', dueAt: '2026-03-04T10:00:00.000Z' });

      // Reopened, the screen hears that too.
      await agent.post(`/api/complaints/${watched.id}/status`, { status: 'in_progress' });
      await screen.waitFor(() =>
        screen.events.some((e) => e.event === 'complaint' && e.data.status === 'in_progress'),
      );
      expect(stranger.events.filter((e) => e.event === 'complaint')).toEqual([]);
    } finally {
      await screen.close();
      await stranger.close();
    }
  });
});
