import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  nextAddress,
  signIn,
  type TestContext,
} from './helpers.ts';

// The portal and the customer's mail follow the language the customer chose on the public form,
// and a later choice in the portal, whatever language the org or the browser speaks.

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const tokenOf = (url: string) => new URL(url).pathname.split('/').at(-1)!;

async function fileInEnglish() {
  const { org, users } = await createTestOrg(ctx);
  const filed = await ctx.app.inject({
    method: 'POST',
    url: `/api/public/orgs/${org.slug}/complaints`,
    remoteAddress: nextAddress(),
    // The browser asks for Vietnamese; the customer picked English on the form.
    headers: { 'accept-language': 'vi' },
    payload: {
      name: 'Anna Smith',
      email: 'anna@example.com',
      description: 'The parcel arrived damaged.',
      language: 'en',
    },
  });
  expect(filed.statusCode).toBe(201);
  const token = tokenOf(filed.json().trackingUrl);
  const agent = await signIn(ctx, users.agent.email);
  const id = (await agent.get('/api/complaints')).json().items[0].id as string;
  return { org, agent, token, id };
}

const portal = (token: string, method = 'GET', path = '', body?: unknown, cookie?: string) =>
  ctx.app.inject({
    method: method as 'GET',
    url: `/api/portal/${token}${path}`,
    remoteAddress: nextAddress(),
    headers: { 'accept-language': 'vi', ...(cookie ? { cookie } : {}) },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });

describe('the portal’s language', () => {
  it('follows the language chosen on the form, in the portal and in the thank-you mail', async () => {
    const { agent, token, id } = await fileInEnglish();
    const view = (await portal(token)).json();
    expect(view).toMatchObject({ language: 'en', timeZone: 'Asia/Ho_Chi_Minh' });
    const detail = (await agent.get(`/api/complaints/${id}`)).json();
    expect(detail.complaint.language).toBe('en');
    expect(detail.customer.preferredLanguage).toBe('en');
    const mail = (await agent.get(`/api/mailbox?complaintId=${id}`)).json().items;
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe(`[${detail.complaint.reference}] Thank you for telling us`);
  });

  it('follows the customer’s later choice in the portal, and the next mail speaks it', async () => {
    const { agent, token, id } = await fileInEnglish();
    const switched = await portal(token, 'POST', '/language', { language: 'zh' });
    expect(switched.statusCode).toBe(200);
    expect(switched.json().language).toBe('zh');
    expect((await portal(token)).json().language).toBe('zh');

    await agent.post(`/api/complaints/${id}/facts`, {
      whatHappened: '包裹破损',
      askText: '换货',
    });
    const sent = await agent.post(`/api/complaints/${id}/readback/send`, { version: 1 });
    expect(sent.statusCode).toBe(200);
    const mail = (await agent.get(`/api/mailbox?complaintId=${id}`)).json().items;
    const readback = mail.find((m: { kind: string }) => m.kind === 'readback');
    expect(readback.subject).toContain('请确认您的投诉内容');
  });

  it('does not change when a signed-in staff member switches the language of a portal', async () => {
    const { agent, token } = await fileInEnglish();
    const staff = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/language`,
      remoteAddress: nextAddress(),
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
      payload: { language: 'vi' },
    });
    expect(staff.statusCode).toBe(200);
    expect(staff.json().language).toBe('en');
  });

  it('refuses a language it does not speak, naming the field, and an unknown link', async () => {
    const { token } = await fileInEnglish();
    const refused = await portal(token, 'POST', '/language', { language: 'fr' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      field: 'language',
      message: 'Ngôn ngữ phải là một trong: vi, en, zh.',
    });
    const unknown = await portal(`${token}x`, 'POST', '/language', { language: 'vi' });
    expect(unknown.statusCode).toBe(404);
  });
});
