import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomesOf } from '../src/modules/complaints/index.ts';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type Client,
  type TestContext,
} from './helpers.ts';

// The one definition of how a complaint ended (first contact, more contacts, unresolved), on
// cases whose answers are known by construction.

const MONDAY = new Date('2026-03-02T02:00:00Z');
const MINUTE = 60_000;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ start: MONDAY });
});
afterAll(async () => ctx.close());

const call = (direction: string, startedAt: Date) => ({
  direction,
  phone: '0912345678',
  startedAt: startedAt.toISOString(),
  durationSeconds: 60,
  outcome: 'reached',
});

describe('complaint outcomes', () => {
  it('classifies each case by its reopens and by the contacts between intake and first fix', async () => {
    const t = await createTestOrg(ctx);
    const agent = await signIn(ctx, t.users.agent.email);
    const later = () => ctx.clock.advance(5 * MINUTE);
    const open = async (label: string) => {
      const r = await agent.post('/api/complaints', sampleComplaint({ description: label }));
      expect(r.statusCode, r.body).toBe(201);
      later();
      return r.json().complaint as { id: string; trackingUrl: string };
    };
    const status = async (id: string, to: string) => {
      const r = await agent.post(`/api/complaints/${id}/status`, { status: to });
      expect(r.statusCode, r.body).toBe(200);
      later();
    };
    const portalMessage = async (c: { trackingUrl: string }) => {
      const token = c.trackingUrl.split('/track/')[1];
      const r = await ctx.app.inject({
        method: 'POST',
        url: `/api/portal/${token}/messages`,
        payload: { body: 'Sao chưa xong?' },
      });
      expect(r.statusCode, r.body).toBe(200);
      later();
    };
    const logCall = async (client: Client, id: string, direction: string, at: Date) => {
      const r = await client.post(`/api/complaints/${id}/calls`, call(direction, at));
      expect(r.statusCode, r.body).toBe(201);
      later();
    };
    const expected: Record<string, string> = {};

    const fixedOnce = await open('fixed at once');
    await status(fixedOnce.id, 'fixed');
    expected[fixedOnce.id] = 'first_contact';

    const chased = await open('customer wrote again before the fix');
    await portalMessage(chased);
    await status(chased.id, 'fixed');
    expected[chased.id] = 'more_contacts';

    const wroteAfter = await open('customer wrote after the fix: not a contact before it');
    await status(wroteAfter.id, 'fixed');
    await portalMessage(wroteAfter);
    expected[wroteAfter.id] = 'first_contact';

    const reopened = await open('reopened and fixed again');
    await status(reopened.id, 'fixed');
    await status(reopened.id, 'in_progress');
    await status(reopened.id, 'fixed');
    expected[reopened.id] = 'more_contacts';

    const stillOpen = await open('reopened and not fixed again');
    await status(stillOpen.id, 'fixed');
    await status(stillOpen.id, 'in_progress');
    expected[stillOpen.id] = 'unresolved';

    const cancelled = await open('cancelled');
    await status(cancelled.id, 'cancelled');
    expected[cancelled.id] = 'unresolved';

    const untouched = await open('never fixed');
    expected[untouched.id] = 'unresolved';

    // The call the case was taken on began before the case was opened: it is the intake.
    const takenOnPhone = await open('taken on the phone, call logged afterwards');
    await logCall(
      agent,
      takenOnPhone.id,
      'inbound',
      new Date(ctx.clock.now().getTime() - 20 * MINUTE),
    );
    await logCall(agent, takenOnPhone.id, 'outbound', ctx.clock.now());
    await status(takenOnPhone.id, 'fixed');
    expected[takenOnPhone.id] = 'first_contact';

    const calledBack = await open('the customer called again before the fix');
    await logCall(agent, calledBack.id, 'inbound', ctx.clock.now());
    await status(calledBack.id, 'fixed');
    expected[calledBack.id] = 'more_contacts';

    const outcomes = await outcomesOf(ctx.db, t.org.id, {
      from: MONDAY,
      to: new Date(ctx.clock.now().getTime() + MINUTE),
    });
    expect(Object.fromEntries(outcomes.map((o) => [o.complaint_id, o.outcome]))).toEqual(expected);
    const chasedRow = outcomes.find((o) => o.complaint_id === chased.id)!;
    expect(chasedRow).toMatchObject({ reopened: false, later_contacts: 1 });
    expect(outcomes.find((o) => o.complaint_id === reopened.id)).toMatchObject({
      reopened: true,
      later_contacts: 0,
    });

    // The range is by first contact: a window that ends before the first case sees none.
    const before = await outcomesOf(ctx.db, t.org.id, { from: new Date(0), to: MONDAY });
    expect(before).toEqual([]);
  });
});
