import { generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMail } from '../src/modules/channels/parse-mail.ts';
import { findFreePort } from '../src/platform/db/embedded.ts';
import {
  createTestContext,
  createTestOrg,
  multipart,
  multipartHeaders,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// The DKIM verifier receivers use, with our own DNS answer instead of a lookup.
const require = createRequire(import.meta.url);
const { dkimVerify } = require('mailauth/lib/dkim/verify') as {
  dkimVerify: (
    raw: Buffer,
    options: { resolver: (name: string, type: string) => Promise<string[][]> },
  ) => Promise<{ results: { status: { result: string }; signingDomain: string }[] }>;
};

const DOMAIN = 'inbound.mail-out.test';
let ctx: TestContext;
let sink: SMTPServer;
const sent: { raw: Buffer; rcpt: string[] }[] = [];

beforeAll(async () => {
  const port = await findFreePort();
  sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        sent.push({
          raw: Buffer.concat(chunks),
          rcpt: session.envelope.rcptTo.map((r) => r.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(port, '127.0.0.1', resolve));
  ctx = await createTestContext({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    env: { INBOUND_DOMAIN: DOMAIN },
  });
});
afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

async function deliver(orgId: string) {
  const before = sent.length;
  await ctx.drainJobs(orgId);
  return sent.slice(before);
}

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('an agent’s reply', () => {
  it('goes with copies, a case file and simple formatting, as HTML and plain text', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const upload = await agent.request(
      'POST',
      `/api/complaints/${complaint.id}/attachments`,
      multipart([
        { name: 'file', filename: 'biên bản.png', contentType: 'image/png', content: png },
      ]),
      multipartHeaders,
    );
    const file = upload.json().items[0];
    expect(file.visibleToCustomer ?? file.isPublic).toBe(false);
    await deliver(org.id);

    const response = await agent.post(`/api/complaints/${complaint.id}/messages`, {
      body: 'Chào **chị Lan**,\n\nChúng tôi sẽ:\n- thay linh kiện\n- kiểm tra lại\n\nXem [hướng dẫn](https://ombud.vn/hd).',
      cc: ['Quan.Ly@Example.vn'],
      attachmentIds: [file.id],
      format: 'formatted',
    });
    expect(response.statusCode).toBe(200);
    const [delivered] = await deliver(org.id);
    expect(delivered?.rcpt.sort()).toEqual(['lan@example.vn', 'quan.ly@example.vn']);
    const mail = await parseMail(delivered!.raw);
    expect(mail.to).toEqual(['lan@example.vn', 'quan.ly@example.vn']);
    expect(mail.html).toContain('<strong>chị Lan</strong>');
    expect(mail.html).toContain('<li>thay linh kiện</li>');
    expect(mail.html).toContain('<a href="https://ombud.vn/hd">hướng dẫn</a>');
    expect(mail.text).toContain('Chào chị Lan,');
    expect(mail.text).toContain('• thay linh kiện');
    expect(mail.text).toContain('hướng dẫn (https://ombud.vn/hd)');
    expect(mail.text).not.toContain('**');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['biên bản.png']);
    expect(mail.attachments[0]?.content.equals(png)).toBe(true);

    // Sent to the customer, so now theirs to see; the timeline says what went.
    const shared = await ctx.db
      .selectFrom('attachments')
      .select('is_public')
      .where('org_id', '=', org.id)
      .where('id', '=', file.id)
      .executeTakeFirstOrThrow();
    expect(shared.is_public).toBe(true);
    const event = await ctx.db
      .selectFrom('complaint_events')
      .select('data')
      .where('org_id', '=', org.id)
      .where('complaint_id', '=', complaint.id)
      .where('type', '=', 'message.sent')
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({
      cc: ['quan.ly@example.vn'],
      attachmentIds: [file.id],
      format: 'formatted',
    });
    const mailbox = (await agent.get(`/api/mailbox?complaintId=${complaint.id}`)).json();
    expect(mailbox.items.find((m: { kind: string }) => m.kind === 'message')).toMatchObject({
      cc: ['quan.ly@example.vn'],
      files: [{ filename: 'biên bản.png', sizeBytes: png.length }],
    });
  });

  it('refuses, naming the field, copies without an address, foreign files and bad addresses', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const other = (await agent.post('/api/complaints', sampleComplaint())).json().complaint;
    const upload = await agent.request(
      'POST',
      `/api/complaints/${other.id}/attachments`,
      multipart([{ name: 'file', filename: 'x.png', contentType: 'image/png', content: png }]),
      multipartHeaders,
    );
    const foreign = upload.json().items[0].id;
    const send = (body: Record<string, unknown>, id = complaint.id) =>
      agent.request('POST', `/api/complaints/${id}/messages`, body, { 'accept-language': 'en' });

    const wrongFile = await send({ body: 'Xin chào', attachmentIds: [foreign] });
    expect(wrongFile.statusCode).toBe(400);
    expect(wrongFile.json().error.field).toBe('attachmentIds');
    const badCc = await send({ body: 'Xin chào', cc: ['not an address'] });
    expect(badCc.statusCode).toBe(400);
    expect(badCc.json().error.field).toMatch(/^cc/);
    expect(badCc.json().error.message).toContain('CC');

    const phoneOnly = (
      await agent.post(
        '/api/complaints',
        sampleComplaint({ customer: { name: 'Ông Ba', phone: '0912000111' } }),
      )
    ).json().complaint;
    const noEmail = await send({ body: 'Xin chào', cc: ['a@example.vn'] }, phoneOnly.id);
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json().error).toMatchObject({ field: 'cc' });
  });
});

describe('the org’s own sender', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

  it('sends customer mail as the org, signed with its DKIM key, and never shows the key', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const put = await admin.request('PUT', '/api/mail-settings', {
      fromName: 'CSKH "Điện Máy" Xanh',
      fromAddress: 'cskh@dienmay.example.vn',
      dkim: { domain: 'example.vn', selector: 'ombud2026', privateKey: pem },
    });
    expect(put.statusCode).toBe(200);
    expect(JSON.stringify(put.json())).not.toContain('PRIVATE KEY');
    const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(put.json().dkimRecord).toBe(`v=DKIM1; k=rsa; p=${spki}`);

    const agent = await signIn(ctx, users.agent.email);
    await agent.post('/api/complaints', sampleComplaint());
    const [ack] = await deliver(org.id);
    const mail = await parseMail(ack!.raw);
    expect(mail.headers.fromAddress).toBe('cskh@dienmay.example.vn');
    expect(mail.from.name).toBe('CSKH Điện Máy Xanh');
    // Replies come back to the org's default inbound address.
    expect(ack!.raw.toString('utf8')).toMatch(new RegExp(`Reply-To: ${org.slug}@${DOMAIN}`, 'i'));
    const verdict = await dkimVerify(ack!.raw, {
      resolver: async (name, type) => {
        expect([name, type]).toEqual(['ombud2026._domainkey.example.vn', 'TXT']);
        return [[put.json().dkimRecord]];
      },
    });
    expect(verdict.results[0]).toMatchObject({
      status: { result: 'pass' },
      signingDomain: 'example.vn',
    });

    // Keeping the key: the same selector and domain without a key.
    const kept = await admin.request('PUT', '/api/mail-settings', {
      fromName: null,
      fromAddress: 'cskh@example.vn',
      dkim: { domain: 'example.vn', selector: 'ombud2026' },
    });
    expect(kept.json().dkimRecord).toBe(put.json().dkimRecord);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('org_id', '=', org.id)
      .where('action', '=', 'mail_settings.updated')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('PRIVATE KEY');
    // Staff notices still go out as the platform.
    expect(
      (await signIn(ctx, users.agent.email).then((a) => a.get('/api/mail-settings'))).statusCode,
    ).toBe(403);
  });

  it('refuses a bad key, a key for another domain, and names the field', async () => {
    const { users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const put = (body: unknown) =>
      admin.request('PUT', '/api/mail-settings', body, { 'accept-language': 'vi' });
    const bad = await put({
      fromName: null,
      fromAddress: 'cskh@example.vn',
      dkim: {
        domain: 'example.vn',
        selector: 's1',
        privateKey: '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ field: 'dkim.privateKey' });
    expect(bad.json().error.message).toContain('DKIM');
    const other = await put({
      fromName: null,
      fromAddress: 'cskh@another.vn',
      dkim: { domain: 'example.vn', selector: 's1', privateKey: pem },
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error).toMatchObject({ field: 'dkim.domain' });
    const missing = await put({
      fromName: null,
      fromAddress: 'cskh@example.vn',
      dkim: { domain: 'example.vn', selector: 's1' },
    });
    expect(missing.json().error).toMatchObject({ field: 'dkim.privateKey' });
  });
});

describe('the org’s inbound addresses', () => {
  it('belong to one org, become the Reply-To, and mark mail from them as our own', async () => {
    const { org, users } = await createTestOrg(ctx);
    const rival = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const added = await admin.post('/api/mail-settings/addresses', {
      address: 'Support@Cty.example.vn',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().addresses).toEqual(['support@cty.example.vn']);
    const rivalAdmin = await signIn(ctx, rival.users.admin.email);
    const taken = await rivalAdmin.post('/api/mail-settings/addresses', {
      address: 'support@cty.example.vn',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.field).toBe('address');
    const squat = await rivalAdmin.post('/api/mail-settings/addresses', {
      address: `${org.slug}@${DOMAIN}`,
    });
    expect(squat.statusCode).toBe(400);
    expect(squat.json().error.field).toBe('address');
    const tagged = await rivalAdmin.post('/api/mail-settings/addresses', {
      address: `${rival.org.slug}+vip@${DOMAIN}`,
    });
    expect(tagged.statusCode).toBe(201);

    expect(await ctx.services.channels.orgSlugOfAddress('support@cty.example.vn')).toBe(org.slug);
    const agent = await signIn(ctx, users.agent.email);
    await agent.post('/api/complaints', sampleComplaint());
    const [ack] = await deliver(org.id);
    expect(ack!.raw.toString('utf8')).toMatch(/Reply-To: support@cty\.example\.vn/i);

    const loop = Buffer.from(
      'From: support@cty.example.vn\r\nTo: support@cty.example.vn\r\nSubject: loop\r\n\r\nhello\r\n',
    );
    expect((await ctx.services.channels.receive(org.slug, loop, 'cli')).outcome).toBe(
      'own_address',
    );

    const removed = await admin.delete('/api/mail-settings/addresses/support%40cty.example.vn');
    expect(removed.json().addresses).toEqual([]);
    expect(
      (await rivalAdmin.delete('/api/mail-settings/addresses/support%40cty.example.vn')).statusCode,
    ).toBe(404);
  });
});
