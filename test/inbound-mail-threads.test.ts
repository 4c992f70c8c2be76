import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseMail } from '../src/modules/channels/parse-mail.ts';
import { findFreePort } from '../src/platform/db/embedded.ts';
import { createTestContext, createTestOrg, signIn, type TestContext } from './helpers.ts';

const blns: string[] = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, 'fixtures/naughty-strings/blns.json'), 'utf8'),
);

let ctx: TestContext;
let server: SMTPServer;
const sent: Buffer[] = [];
beforeAll(async () => {
  const port = await findFreePort();
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        sent.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  ctx = await createTestContext({ smtpUrl: `smtp://127.0.0.1:${port}` });
});
afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function compose(mail: SendMailOptions): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return (await transport.sendMail(mail)).message as Buffer;
}

/** Delivers the org's queued mail to the SMTP sink and returns what arrived, parsed. */
async function deliver(orgId: string) {
  const before = sent.length;
  await ctx.drainJobs(orgId);
  return Promise.all(sent.slice(before).map((raw) => parseMail(raw)));
}

const events = (orgId: string, complaintId: string) =>
  ctx.db
    .selectFrom('complaint_events')
    .select(['type', 'data'])
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .orderBy('created_at')
    .execute();

describe('a thread by mail: sent → reply → reply', () => {
  it('acknowledges in the thread, joins replies, and never lets a guessed reference in', async () => {
    const { org } = await createTestOrg(ctx);
    const first = await compose({
      from: '"Trần Thị Bình" <binh@example.vn>',
      to: 'cs@example.vn',
      subject: 'Máy giặt kêu to sau khi sửa',
      text: 'Máy giặt nhà tôi sửa hôm qua nhưng vẫn kêu rất to khi vắt.',
      messageId: `<first-${org.slug}@example.vn>`,
    });
    const created = await ctx.services.channels.receive(org.slug, first, 'smtp');
    expect(created).toMatchObject({ created: true, outcome: 'created', isDuplicate: false });
    const [ack] = await deliver(org.id);
    expect(ack?.to).toEqual(['binh@example.vn']);
    expect(ack?.inReplyTo).toEqual([`<first-${org.slug}@example.vn>`]);
    expect(ack?.subject).toContain(`[${created.reference}]`);
    expect(ack?.text).toContain(created.reference!);

    // The customer answers the acknowledgement from their client, quoting it.
    const reply = await compose({
      from: 'binh@example.vn',
      to: 'cs@example.vn',
      subject: `Re: ${ack?.subject}`,
      text: `Tối nay tôi ở nhà sau 19 giờ.\n\nVào 10:00, Ombud <cs@example.vn> đã viết:\n> ${ack?.text.split('\n').join('\n> ')}`,
      inReplyTo: ack?.messageId,
      references: [`<first-${org.slug}@example.vn>`, ack?.messageId ?? ''],
    });
    const joined = await ctx.services.channels.receive(org.slug, reply, 'smtp');
    expect(joined).toMatchObject({
      created: false,
      outcome: 'joined',
      complaintId: created.complaintId,
      reference: created.reference,
    });
    const received = (await events(org.id, created.complaintId!)).filter(
      (e) => e.type === 'message.received',
    );
    expect(received).toHaveLength(1);
    expect(received[0]?.data).toMatchObject({
      via: 'email',
      body: 'Tối nay tôi ở nhà sau 19 giờ.',
    });

    // Our next mail answers the latest of theirs.
    const agent = await ctx.services.complaints.email.mailCase(
      ctx.db,
      org.id,
      created.complaintId!,
    );
    expect(agent?.customerEmail).toBe('binh@example.vn');

    // The reference alone joins only from the case's customer.
    const byReference = await compose({
      from: 'BINH@example.vn',
      to: 'cs@example.vn',
      subject: `Thêm thông tin [${created.reference}]`,
      text: 'Máy là loại cửa trước 9 kg.',
    });
    expect(await ctx.services.channels.receive(org.slug, byReference, 'smtp')).toMatchObject({
      outcome: 'joined',
      complaintId: created.complaintId,
    });
    const guessed = await compose({
      from: 'mallory@example.com',
      to: 'cs@example.vn',
      subject: `Re: [${created.reference}] hủy đơn`,
      text: 'Please cancel this order and refund me.',
    });
    const related = await ctx.services.channels.receive(org.slug, guessed, 'smtp');
    expect(related).toMatchObject({ outcome: 'related', created: true });
    expect(related.complaintId).not.toBe(created.complaintId);
    const row = await ctx.db
      .selectFrom('inbound_messages')
      .select(['related_complaint_id'])
      .where('org_id', '=', org.id)
      .where('id', '=', related.inboundId)
      .executeTakeFirstOrThrow();
    expect(row.related_complaint_id).toBe(created.complaintId);
    const timeline = await events(org.id, created.complaintId!);
    expect(timeline.filter((e) => e.type === 'message.received')).toHaveLength(2);
  });

  it('marks our mail bounced when a delivery report names it', async () => {
    const { org } = await createTestOrg(ctx);
    const first = await compose({
      from: 'chi@example.vn',
      to: 'cs@example.vn',
      subject: 'Giao hàng chậm',
      text: 'Đơn hàng của tôi chậm ba ngày rồi.',
    });
    const opened = await ctx.services.channels.receive(org.slug, first, 'smtp');
    const [ack] = await deliver(org.id);
    const report = Buffer.from(
      [
        'From: Mail Delivery System <MAILER-DAEMON@mx.example.vn>',
        'To: no-reply@ombud.local',
        'Subject: Undelivered Mail Returned to Sender',
        `Message-ID: <dsn-${org.slug}@mx.example.vn>`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'The mail could not be delivered: mailbox full.',
        '--b1',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.vn',
        '',
        'Final-Recipient: rfc822; chi@example.vn',
        'Action: failed',
        'Status: 5.2.2',
        '--b1',
        'Content-Type: text/rfc822-headers',
        '',
        `Message-ID: ${ack?.messageId}`,
        'Subject: whatever',
        '--b1--',
        '',
      ].join('\r\n'),
    );
    expect((await ctx.services.channels.receive(org.slug, report, 'smtp')).outcome).toBe('bounce');
    const outgoing = await ctx.db
      .selectFrom('outgoing_messages')
      .select(['status', 'error'])
      .where('org_id', '=', org.id)
      .where('message_id', '=', ack!.messageId!)
      .executeTakeFirstOrThrow();
    expect(outgoing.status).toBe('bounced');
    expect(outgoing.error).toContain('mailbox full');
    // Staff see it on the case: an internal event naming the address and the reason.
    const bounced = await ctx.db
      .selectFrom('complaint_events')
      .select(['data', 'visibility', 'actor_type'])
      .where('org_id', '=', org.id)
      .where('complaint_id', '=', opened.complaintId!)
      .where('type', '=', 'message.bounced')
      .execute();
    expect(bounced).toHaveLength(1);
    expect(bounced[0]).toMatchObject({ visibility: 'internal', actor_type: 'system' });
    expect(bounced[0]!.data).toMatchObject({ to: 'chi@example.vn' });
    expect(String((bounced[0]!.data as { error: string }).error)).toContain('mailbox full');
  });
});

describe('the original is kept and viewable', () => {
  it('shows the whole text beside the shown one, serves the raw mail, and 404s other orgs', async () => {
    const { org, users } = await createTestOrg(ctx);
    const other = await createTestOrg(ctx);
    const raw = await compose({
      from: 'lan@example.vn',
      to: 'cs@example.vn',
      subject: 'Điều hòa chảy nước',
      text: 'Điều hòa vẫn chảy nước.\n\n-- \nLan\n0912 345 678',
    });
    const result = await ctx.services.channels.receive(org.slug, raw, 'smtp');
    const agent = await signIn(ctx, users.agent.email);
    const list = await agent.get(`/api/complaints/${result.complaintId}/inbound-mail`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({
      id: result.inboundId,
      outcome: 'created',
      textShown: 'Điều hòa vẫn chảy nước.',
      fromAddress: 'lan@example.vn',
    });
    expect(list.json().items[0].textFull).toContain('0912 345 678');
    const one = await agent.get(`/api/inbound-mail/${result.inboundId}`);
    expect(one.json().subject).toBe('Điều hòa chảy nước');
    const original = await agent.get(`/api/inbound-mail/${result.inboundId}/raw`);
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toContain('message/rfc822');
    expect(original.headers['content-disposition']).toMatch(/^attachment/);
    expect(original.rawPayload.equals(raw)).toBe(true);
    const stranger = await signIn(ctx, other.users.agent.email);
    expect((await stranger.get(`/api/inbound-mail/${result.inboundId}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/inbound-mail/${result.inboundId}/raw`)).statusCode).toBe(404);
    expect(
      (await stranger.get(`/api/complaints/${result.complaintId}/inbound-mail`)).statusCode,
    ).toBe(404);
  });
});

describe('what is not a new complaint', () => {
  it('answers a duplicate (same Message-ID, or the same content within minutes) with the first', async () => {
    const { org } = await createTestOrg(ctx);
    const mail = {
      from: 'dung@example.vn',
      to: 'cs@example.vn',
      subject: 'Hỏng',
      text: 'Tủ lạnh không lạnh.',
    };
    const raw = await compose({ ...mail, messageId: `<dup-${org.slug}@example.vn>` });
    const first = await ctx.services.channels.receive(org.slug, raw, 'imap');
    expect(await ctx.services.channels.receive(org.slug, raw, 'imap')).toMatchObject({
      created: false,
      isDuplicate: true,
      complaintId: first.complaintId,
      inboundId: first.inboundId,
    });
    const resent = await compose({ ...mail, messageId: `<dup2-${org.slug}@example.vn>` });
    expect(await ctx.services.channels.receive(org.slug, resent, 'imap')).toMatchObject({
      isDuplicate: true,
      complaintId: first.complaintId,
    });
    ctx.clock.advance(11 * 60_000);
    const later = await compose({ ...mail, messageId: `<dup3-${org.slug}@example.vn>` });
    expect(await ctx.services.channels.receive(org.slug, later, 'imap')).toMatchObject({
      isDuplicate: false,
      created: true,
    });
  });

  it('takes two deliveries of one message side by side as one', async () => {
    const { org } = await createTestOrg(ctx);
    const raw = await compose({
      from: 'giang@example.vn',
      to: 'cs@example.vn',
      subject: 'Trùng',
      text: 'Gửi hai lần cùng lúc.',
      messageId: `<race-${org.slug}@example.vn>`,
    });
    const both = await Promise.all([
      ctx.services.channels.receive(org.slug, raw, 'smtp'),
      ctx.services.channels.receive(org.slug, raw, 'imap'),
    ]);
    expect(both.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(both.map((r) => r.complaintId)).size).toBe(1);
    const count = await ctx.db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('makes nothing of auto-replies, bulk mail and our own mail, and sends them nothing', async () => {
    const { org } = await createTestOrg(ctx);
    const cases = [
      [{ headers: { 'Auto-Submitted': 'auto-replied' } }, 'auto_reply'],
      [{ headers: { 'X-Autoreply': 'yes' } }, 'auto_reply'],
      [{ headers: { Precedence: 'bulk' } }, 'auto_reply'],
      [{ from: 'no-reply@ombud.local' }, 'own_address'],
    ] as const;
    for (const [extra, outcome] of cases) {
      const raw = await compose({
        from: 'hoa@example.vn',
        to: 'cs@example.vn',
        subject: 'Out of office / Vắng mặt',
        text: `Tôi đang nghỉ phép (${outcome}).`,
        ...extra,
      });
      expect(await ctx.services.channels.receive(org.slug, raw, 'smtp')).toMatchObject({
        outcome,
        created: false,
        complaintId: null,
      });
    }
    expect(await deliver(org.id)).toHaveLength(0);
  });
});

describe('hostile mail', () => {
  it('takes every naughty string in the subject, the body and the display name', async () => {
    const { org } = await createTestOrg(ctx);
    for (const [i, naughty] of blns.entries()) {
      const raw = await compose({
        from: { name: naughty, address: `n${i}@example.vn` },
        to: 'cs@example.vn',
        subject: naughty,
        text: `${naughty}\n\n(${i})`,
      });
      const result = await ctx.services.channels.receive(org.slug, raw, 'smtp');
      expect(result.outcome, `#${i}`).toBe('created');
    }
    const kept = await ctx.db
      .selectFrom('inbound_messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(Number(kept.n)).toBe(blns.length);
  }, 240_000);
});

describe('ombud mail:receive', () => {
  const cli = (args: string[], input?: Buffer) =>
    new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, [path.resolve('dist/server/cli.mjs'), ...args], {
        env: { ...process.env, DATABASE_URL: inject('databaseUrl'), CI: 'true' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('close', (code) => resolve({ code, out, err }));
      child.stdin.end(input ?? Buffer.alloc(0));
    });

  it('reads a file or standard input and prints one JSON line', async () => {
    const { org } = await createTestOrg(ctx);
    const raw = await compose({
      from: 'khanh@example.vn',
      to: 'cs@example.vn',
      subject: 'Qua dòng lệnh',
      text: 'Khiếu nại gửi lại bằng dòng lệnh.',
      messageId: `<cli-${org.slug}@example.vn>`,
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ombud-mail-')), 'mail.eml');
    fs.writeFileSync(file, raw);
    const fromFile = await cli(['mail:receive', '--org', org.slug, file]);
    expect(fromFile.code, fromFile.err).toBe(0);
    const lines = fromFile.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!);
    expect(answer).toMatchObject({
      created: true,
      messageId: `<cli-${org.slug}@example.vn>`,
      reference: expect.stringMatching(/-\d{4}-\d{6}$/),
      complaintId: expect.any(String),
    });
    const again = await cli(['mail:receive', '--org', org.slug], raw);
    expect(again.code, again.err).toBe(0);
    expect(JSON.parse(again.out.trim())).toMatchObject({
      created: false,
      isDuplicate: true,
      complaintId: answer.complaintId,
    });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }, 60_000);
});
