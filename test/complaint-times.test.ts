import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type Client,
  type TestContext,
} from './helpers.ts';

const T0 = new Date('2026-03-02T02:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

let ctx: TestContext;
let agent: Client;
beforeAll(async () => {
  ctx = await createTestContext({ start: T0 });
  const { users } = await createTestOrg(ctx);
  agent = await signIn(ctx, users.agent.email);
});
afterAll(async () => ctx.close());

describe('the times of a case', () => {
  it('moves updatedAt on every change, and takes the confirmation and fix times from their own records', async () => {
    const created = (await agent.post('/api/complaints', sampleComplaint())).json();
    const id: string = created.complaint.id;
    expect(created.complaint.updatedAt).toBe(at(0));
    const detail = async () => (await agent.get(`/api/complaints/${id}`)).json();
    const listItem = async () =>
      (
        (await agent.get(`/api/complaints?q=${created.complaint.reference}`)).json().items as {
          id: string;
          confirmedAt: string | null;
        }[]
      ).find((i) => i.id === id)!;
    const minutes = async (m: number) => ctx.clock.set(new Date(at(m)));

    await minutes(10);
    expect((await agent.patch(`/api/complaints/${id}`, { severity: 'high' })).statusCode).toBe(200);
    expect((await detail()).complaint.updatedAt).toBe(at(10));

    // Recording the facts used to write back the time loaded before the change.
    await minutes(15);
    const facts = await agent.post(`/api/complaints/${id}/facts`, {
      whatHappened: 'Đơn hàng giao trễ 5 ngày',
      askText: 'Hoàn phí vận chuyển',
    });
    expect(facts.statusCode).toBe(200);
    expect((await detail()).complaint.updatedAt).toBe(at(15));

    await minutes(20);
    await agent.post(`/api/complaints/${id}/readback/send`, { version: 1 });
    await minutes(30);
    const confirmed = await agent.post(`/api/complaints/${id}/readback/verbal`, {
      version: 1,
      confirmedBy: 'Nguyễn Thị Lan',
      method: 'phone',
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await listItem()).confirmedAt).toBe(at(30));

    // A later change moves updatedAt but not the confirmation time.
    await minutes(40);
    await agent.patch(`/api/complaints/${id}`, { orderRef: 'DH-0002' });
    expect((await detail()).complaint.updatedAt).toBe(at(40));
    expect((await listItem()).confirmedAt).toBe(at(30));
    const clarify = (await detail()).steps.find((s: { step: string }) => s.step === 'clarify');
    expect(clarify).toMatchObject({ state: 'done', at: at(30) });

    await minutes(50);
    await agent.post(`/api/complaints/${id}/status`, { status: 'fixed' });
    await minutes(60);
    await agent.patch(`/api/complaints/${id}`, { severity: 'low' });
    await minutes(70);
    await agent.post(`/api/complaints/${id}/status`, { status: 'closed' });
    const after = await detail();
    expect(after.complaint.updatedAt).toBe(at(70));
    expect(after.steps.find((s: { step: string }) => s.step === 'fix')).toMatchObject({
      state: 'done',
      at: at(50),
    });
    expect((await listItem()).confirmedAt).toBe(at(30));
  });
});
