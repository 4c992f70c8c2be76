import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// Phone numbers are stored in E.164 and read in the org's country: a number written without a
// country code is one of its numbers.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('phone numbers and the org’s country', () => {
  it('stores what a Vietnamese agent types as E.164, on intake and on a customer edit', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    expect((await agent.get('/api/org')).json().country).toBe('VN');
    const created = (
      await agent.post(
        '/api/complaints',
        sampleComplaint({ customer: { name: 'Lê Hoa', phone: '0912 345 678' } }),
      )
    ).json();
    expect(created.customer.phone).toBe('+84912345678');
    expect(created.complaint.contactPhone).toBe('+84912345678');
    const edited = await agent.patch(`/api/customers/${created.customer.id}`, {
      phone: '091-234-5679',
    });
    expect(edited.json().phone).toBe('+84912345679');
  });

  it('reads numbers without a country code as the org’s country once an admin sets it', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const refused = await admin.request(
      'PATCH',
      '/api/org',
      { country: 'XX' },
      { 'accept-language': 'vi' },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      field: 'country',
      message: 'Quốc gia không hợp lệ.',
    });
    const updated = await admin.patch('/api/org', { country: 'US' });
    expect(updated.statusCode).toBe(200);
    expect(updated.json().country).toBe('US');
    const agent = await signIn(ctx, users.agent.email);
    const created = (
      await agent.post(
        '/api/complaints',
        sampleComplaint({ customer: { name: 'Jane Roe', phone: '(201) 555-0123' } }),
      )
    ).json();
    expect(created.customer.phone).toBe('+12015550123');
    // A Vietnamese mobile without its country code is no American number.
    const vietnamese = await agent.request(
      'POST',
      '/api/complaints',
      sampleComplaint({ customer: { name: 'Lê Hoa', phone: '0912 345 678' } }),
      { 'accept-language': 'en' },
    );
    expect(vietnamese.statusCode).toBe(400);
    expect(vietnamese.json().error).toMatchObject({
      field: 'customer.phone',
      message: 'The phone number “0912 345 678” is not valid.',
    });
  });
});
