import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { findFreePort } from '../src/platform/db/embedded.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createMetrics } from '../src/platform/metrics.ts';
import { createWorker } from '../src/platform/jobs/index.ts';
import { jobHandlers } from '../src/entrypoints/app.ts';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
  multipart,
  multipartHeaders,
} from './helpers.ts';

describe('attachments', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext({ uploadMaxBytes: 64 * 1024 });
  });
  afterAll(async () => ctx.close());

  it('stores files within the limits, refuses the rest and serves them back', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const ok = await agent.request(
      'POST',
      `/api/complaints/${complaint.id}/attachments`,
      multipart([
        { name: 'file', filename: 'ảnh hóa đơn.png', contentType: 'image/png', content: png },
      ]),
      multipartHeaders,
    );
    expect(ok.statusCode).toBe(201);
    const item = ok.json().items[0];
    expect(item).toMatchObject({
      filename: 'ảnh hóa đơn.png',
      contentType: 'image/png',
      sizeBytes: png.length,
      uploadedBy: 'user',
    });
    const download = await agent.get(`/api/attachments/${item.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(png)).toBe(true);
    expect(download.headers['x-content-type-options']).toBe('nosniff');

    const exe = await agent.request(
      'POST',
      `/api/complaints/${complaint.id}/attachments`,
      multipart([
        {
          name: 'file',
          filename: 'virus.exe',
          contentType: 'application/x-msdownload',
          content: Buffer.from('MZ'),
        },
      ]),
      multipartHeaders,
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.field).toBe('file');
    const big = await agent.request(
      'POST',
      `/api/complaints/${complaint.id}/attachments`,
      multipart([
        {
          name: 'file',
          filename: 'big.pdf',
          contentType: 'application/pdf',
          content: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(65 * 1024, 0x20)]),
        },
      ]),
      multipartHeaders,
    );
    expect(big.statusCode).toBe(413);
    // Refused files leave nothing behind.
    const detail = (await agent.get(`/api/complaints/${complaint.id}`)).json();
    expect(detail.attachments).toHaveLength(1);
  });

  it('lets the customer reply with text and files from the portal, on a phone', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const token = complaint.trackingUrl.split('/track/')[1];
    const reply = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/messages`,
      headers: multipartHeaders,
      payload: multipart([
        { name: 'body', value: 'Ảnh kiện hàng bị móp' },
        {
          name: 'files',
          filename: 'kien-hang.jpg',
          contentType: 'image/jpeg',
          content: Buffer.from('ffd8ffe000104a464946', 'hex'),
        },
      ]),
    });
    expect(reply.statusCode).toBe(200);
    const view = reply.json();
    expect(view.attachments).toHaveLength(1);
    expect(view.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['message.received', 'attachment.added']),
    );
    const file = await ctx.app.inject({
      method: 'GET',
      url: `/api/portal/${token}/attachments/${view.attachments[0].id}`,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    const empty = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/messages`,
      payload: { body: '   ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('body');
  });
});

describe('outgoing mail over SMTP', () => {
  it('delivers the acknowledgement to a real SMTP server', async () => {
    const received: { to: string; data: string }[] = [];
    const port = await findFreePort();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const ctx = await createTestContext({ smtpUrl: `smtp://127.0.0.1:${port}` });
    try {
      const { org, users } = await createTestOrg(ctx);
      const agent = await signIn(ctx, users.agent.email);
      const { complaint } = (
        await agent.post(
          '/api/complaints',
          sampleComplaint({ customer: { name: 'Lan', email: 'lan@example.vn' } }),
        )
      ).json();
      expect(await ctx.drainJobs(org.id)).toBe(1);
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toBe('lan@example.vn');
      expect(received[0]!.data).toContain(complaint.reference);
      const mail = (await agent.get(`/api/mailbox?complaintId=${complaint.id}`)).json();
      expect(mail.transport).toBe('smtp');
      expect(mail.items[0]).toMatchObject({ status: 'sent' });
    } finally {
      await ctx.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('every mail exactly once', () => {
  it('delivers each message once with two workers, a slow SMTP server and a short lease', async () => {
    const received: string[] = [];
    const port = await findFreePort();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
        // A slow server: each message takes longer than a worker's whole lease.
        stream.on('end', () =>
          setTimeout(() => {
            received.push(/^Message-ID: (.+)$/im.exec(data)?.[1]?.trim() ?? '');
            callback();
          }, 600),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const ctx = await createTestContext({ smtpUrl: `smtp://127.0.0.1:${port}` });
    try {
      const { org, users } = await createTestOrg(ctx);
      const agent = await signIn(ctx, users.agent.email);
      const count = 6;
      for (let i = 0; i < count; i++)
        await agent.post(
          '/api/complaints',
          sampleComplaint({
            customer: { name: `Khách ${i}`, email: `khach${i}@example.vn`, phone: `091500000${i}` },
          }),
        );
      const workers = ['slow-a', 'slow-b'].map((workerId) =>
        createWorker({
          db: ctx.db,
          clock: systemClock,
          logger: createLogger('silent'),
          metrics: createMetrics(),
          handlers: jobHandlers(ctx.services),
          workerId,
          orgIds: [org.id],
          leaseMs: 250,
          pollMs: 20,
        }),
      );
      // Both workers poll all the time, as in production: the idle one would take over any job
      // whose lease ran out.
      for (const w of workers) w.start();
      const deadline = Date.now() + 60_000;
      while (received.length < count && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      // Let any duplicate that might still be on its way arrive before counting.
      await new Promise((r) => setTimeout(r, 1500));
      await Promise.all(workers.map((w) => w.stop()));
      const stored = await ctx.db
        .selectFrom('outgoing_messages')
        .select(['message_id', 'status'])
        .where('org_id', '=', org.id)
        .execute();
      expect(stored).toHaveLength(count);
      expect(stored.every((m) => m.status === 'sent')).toBe(true);
      // Each message arrived once, under the Message-ID it was stored with.
      expect([...received].sort()).toEqual(stored.map((m) => m.message_id).sort());
      console.log(
        `mail exactly once: ${received.length} messages, ${received.length - new Set(received).size} delivered twice`,
      );
    } finally {
      await ctx.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 120_000);
});
