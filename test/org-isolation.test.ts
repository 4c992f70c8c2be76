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

describe('org isolation', () => {
  it('lets org A neither read, list, search nor change anything of org B', async () => {
    const a = await createTestOrg(ctx, 'Org A');
    const b = await createTestOrg(ctx, 'Org B');
    const agentA = await signIn(ctx, a.users.agent.email);
    const adminA = await signIn(ctx, a.users.admin.email);
    const agentB = await signIn(ctx, b.users.agent.email);
    const adminB = await signIn(ctx, b.users.admin.email);

    const secret = (
      await agentB.post(
        '/api/complaints',
        sampleComplaint({
          description: 'Bí mật của tổ chức B: xyzzy',
          customer: { name: 'Khách B', phone: '0933333333', email: 'b@example.vn' },
        }),
      )
    ).json();
    const id = secret.complaint.id;
    const upload = await agentB.request(
      'POST',
      `/api/complaints/${id}/attachments`,
      multipart('a.txt', 'text/plain', 'hello'),
      multipartHeaders,
    );
    expect(upload.statusCode).toBe(201);
    const attachmentId = upload.json().items[0].id;

    // Read: 404, never 403, so existence does not leak.
    for (const url of [
      `/api/complaints/${id}`,
      `/api/complaints/${id}/timeline`,
      `/api/attachments/${attachmentId}`,
      `/api/customers/${secret.customer.id}`,
      `/api/users/${b.users.agent.id}`,
    ]) {
      expect((await agentA.get(url)).statusCode, url).toBe(404);
    }
    // List and search: nothing of B.
    expect((await agentA.get('/api/complaints')).json().total).toBe(0);
    expect((await agentA.get('/api/complaints?q=xyzzy')).json().total).toBe(0);
    expect(
      (
        await agentA.get(`/api/complaints?q=${encodeURIComponent(secret.complaint.reference)}`)
      ).json().total,
    ).toBe(0);
    expect((await agentA.get('/api/customers?q=0933333333')).json().items).toHaveLength(0);
    expect(
      (await agentA.get('/api/users')).json().items.map((u: { id: string }) => u.id),
    ).not.toContain(b.users.agent.id);
    expect((await agentA.get(`/api/mailbox?complaintId=${id}`)).json().items).toHaveLength(0);

    // Change: 404 as well, and nothing changed.
    const attempts = [
      agentA.patch(`/api/complaints/${id}`, { severity: 'low' }),
      agentA.post(`/api/complaints/${id}/status`, { status: 'cancelled' }),
      agentA.post(`/api/complaints/${id}/facts`, { whatHappened: 'x', askText: 'y' }),
      agentA.post(`/api/complaints/${id}/notes`, { body: 'x' }),
      agentA.post(`/api/complaints/${id}/messages`, { body: 'x' }),
      adminA.patch(`/api/users/${b.users.agent.id}`, { role: 'admin' }),
      adminA.patch(`/api/reasons/${b.reasons[0]!.id}`, { active: false }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode).toBe(404);
    // Using B's ids inside A's own records is refused too.
    const crossOwner = await agentA.post(
      '/api/complaints',
      sampleComplaint({ ownerId: b.users.agent.id }),
    );
    expect(crossOwner.statusCode).toBe(400);
    expect(crossOwner.json().error.field).toBe('ownerId');
    const crossReason = await agentA.post(
      '/api/complaints',
      sampleComplaint({ reasonId: b.reasons[0]!.id }),
    );
    expect(crossReason.json().error.field).toBe('reasonId');

    const still = (await agentB.get(`/api/complaints/${id}`)).json();
    expect(still.complaint.severity).toBe('medium');
    expect(still.complaint.status).toBe('new');
    expect((await adminB.get(`/api/users/${b.users.agent.id}`)).json().role).toBe('agent');

    // An API key of A cannot see B either.
    const apiA = await apiKeyClient(ctx, adminA);
    expect((await apiA.request('GET', `/api/complaints/${id}`)).statusCode).toBe(404);
    expect((await apiA.request('GET', '/api/complaints')).json().total).toBe(0);
  });

  it('gives the same reference numbers to two orgs independently', async () => {
    const a = await createTestOrg(ctx);
    const b = await createTestOrg(ctx);
    const ra = (
      await (await signIn(ctx, a.users.agent.email)).post('/api/complaints', sampleComplaint())
    ).json().complaint.reference;
    const rb = (
      await (await signIn(ctx, b.users.agent.email)).post('/api/complaints', sampleComplaint())
    ).json().complaint.reference;
    expect(ra).toBe(rb);
  });
});

const boundary = '----ombudtestboundary';
const multipartHeaders = { 'content-type': `multipart/form-data; boundary=${boundary}` };
function multipart(filename: string, contentType: string, content: string | Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}
