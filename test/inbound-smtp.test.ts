import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMail } from '../src/modules/channels/parse-mail.ts';
import { startSmtpListener, type SmtpListener } from '../src/modules/channels/index.ts';
import { findFreePort } from '../src/platform/db/embedded.ts';
import { createRateLimiter } from '../src/platform/http/rate-limit.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createTestContext, createTestOrg, signIn, type TestContext } from './helpers.ts';

const DOMAIN = 'inbound.ombud.test';
const SMALL = 'small.ombud.test';

let ctx: TestContext;
let sink: SMTPServer;
let listener: SmtpListener;
const sent: Buffer[] = [];

async function listen(
  options: { maxBytes?: number; messagesPerMinute?: number; domain?: string } = {},
) {
  return startSmtpListener({
    port: 0,
    host: '127.0.0.1',
    domain: options.domain ?? DOMAIN,
    maxBytes: options.maxBytes ?? 1024 * 1024,
    messagesPerMinute: options.messagesPerMinute ?? 1000,
    channels: ctx.services.channels,
    isOrg: async (slug) => (await ctx.services.org.findOrgBySlug(slug)) !== undefined,
    rateLimiter: createRateLimiter({
      db: ctx.db,
      clock: ctx.clock,
      logger: createLogger('silent'),
    }),
    logger: createLogger('silent'),
  });
}

beforeAll(async () => {
  const port = await findFreePort();
  sink = new SMTPServer({
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
  await new Promise<void>((resolve) => sink.listen(port, '127.0.0.1', resolve));
  ctx = await createTestContext({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    env: { INBOUND_DOMAIN: DOMAIN },
  });
  listener = await listen();
});
afterAll(async () => {
  await listener.close();
  await ctx.close();
  await new Promise<void>((resolve) => sink.close(() => resolve()));
});

/** The customer's own mail client, talking to our listener. */
const client = (port = listener.port) =>
  nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });

async function deliverOurs(orgId: string) {
  const before = sent.length;
  await ctx.drainJobs(orgId);
  return Promise.all(sent.slice(before).map((raw) => parseMail(raw)));
}

describe('the SMTP listener', () => {
  it('threads a real sent → reply → reply chain', async () => {
    const { org, users } = await createTestOrg(ctx);
    const inbox = `${org.slug}@${DOMAIN}`;
    const first = await client().sendMail({
      from: '"Phạm Minh" <minh@example.vn>',
      to: inbox,
      subject: 'Tivi mới mua bị sọc màn hình',
      text: 'Tivi giao hôm qua, bật lên đã có sọc dọc trên màn hình.',
    });
    expect(first.accepted).toEqual([inbox]);
    const [ack] = await deliverOurs(org.id);
    expect(ack?.to).toEqual(['minh@example.vn']);
    expect(ack?.inReplyTo).toEqual([first.messageId]);
    const kept = await ctx.db
      .selectFrom('complaints')
      .select(['id', 'reference', 'channel'])
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(kept.channel).toBe('email');
    expect(ack?.subject).toContain(`[${kept.reference}]`);

    // The customer answers our acknowledgement.
    const second = await client().sendMail({
      from: 'minh@example.vn',
      to: inbox,
      subject: `Re: ${ack?.subject}`,
      text: `Số seri là TV-55-0099.\n\nOn Wed, Dec 2, 2026 at 9:00 AM Ombud <${inbox}> wrote:\n> ${ack?.text.split('\n')[0]}`,
      inReplyTo: ack?.messageId,
      references: [first.messageId, ack?.messageId ?? ''],
    });
    expect(second.accepted).toEqual([inbox]);
    // The agent writes back; that mail answers the customer's latest.
    const agent = await signIn(ctx, users.agent.email);
    const answered = await agent.post(`/api/complaints/${kept.id}/messages`, {
      body: 'Cảm ơn anh, kỹ thuật viên sẽ đến vào sáng mai.',
    });
    expect(answered.statusCode).toBe(200);
    const [ours] = await deliverOurs(org.id);
    expect(ours?.inReplyTo).toEqual([second.messageId]);
    expect(ours?.references).toEqual([first.messageId, second.messageId]);
    expect(ours?.subject).toContain(`[${kept.reference}]`);

    // And the customer replies to that, a minute later.
    ctx.clock.advance(60_000);
    await client().sendMail({
      from: 'minh@example.vn',
      to: inbox,
      subject: `Re: ${ours?.subject}`,
      text: 'Sáng mai tôi ở nhà.\n\n> Cảm ơn anh, kỹ thuật viên sẽ đến vào sáng mai.',
      inReplyTo: ours?.messageId,
      references: [first.messageId, second.messageId, ours?.messageId ?? ''],
    });
    const messages = await ctx.db
      .selectFrom('complaint_events')
      .select(['data'])
      .where('org_id', '=', org.id)
      .where('complaint_id', '=', kept.id)
      .where('type', '=', 'message.received')
      .orderBy('created_at')
      .execute();
    expect(messages.map((m) => (m.data as { body: string }).body)).toEqual([
      'Số seri là TV-55-0099.',
      'Sáng mai tôi ở nhà.',
    ]);
    const cases = await ctx.db
      .selectFrom('complaints')
      .select('id')
      .where('org_id', '=', org.id)
      .execute();
    expect(cases).toHaveLength(1);
  });

  it('sets Reply-To on our mail to the org’s inbound address', async () => {
    const { org } = await createTestOrg(ctx);
    await client().sendMail({
      from: 'thu@example.vn',
      to: `${org.slug}@${DOMAIN}`,
      subject: 'Sai hóa đơn',
      text: 'Hóa đơn tính sai số lượng.',
    });
    const before = sent.length;
    await ctx.drainJobs(org.id);
    expect(sent.slice(before).join('')).toMatch(
      new RegExp(`^Reply-To: ${org.slug}@${DOMAIN}`, 'm'),
    );
  });

  it('refuses unknown recipients at RCPT, before any data', async () => {
    const { org } = await createTestOrg(ctx);
    const refused = await client()
      .sendMail({
        from: 'x@example.vn',
        to: [`no-such-org@${DOMAIN}`, `${org.slug}@elsewhere.test`],
        subject: 'Hello',
        text: 'Anyone?',
      })
      .catch((error: { responseCode?: number; rejected?: string[] }) => error);
    expect(refused).toMatchObject({ responseCode: 550 });
    const partial = await client().sendMail({
      from: 'x@example.vn',
      to: [`no-such-org@${DOMAIN}`, `${org.slug}@${DOMAIN}`],
      subject: 'Một người nhận đúng',
      text: 'Chỉ một địa chỉ đúng.',
    });
    expect(partial.accepted).toEqual([`${org.slug}@${DOMAIN}`]);
    expect(partial.rejected).toEqual([`no-such-org@${DOMAIN}`]);
  });

  it('takes mail for an address the org set up as its own, and for its +tag addresses', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const own = `support-${org.slug}@cty.example.vn`;
    expect((await admin.post('/api/mail-settings/addresses', { address: own })).statusCode).toBe(
      201,
    );
    const delivered = await client().sendMail({
      from: 'hoa@example.vn',
      to: [own.toUpperCase(), `${org.slug}+vip@${DOMAIN}`],
      subject: 'Bảo hành',
      text: 'Tôi cần bảo hành máy lọc nước.',
    });
    expect(delivered.rejected).toEqual([]);
    const kept = await ctx.db
      .selectFrom('inbound_messages')
      .select('outcome')
      .where('org_id', '=', org.id)
      .execute();
    // One message to two of the org's addresses is one mail.
    expect(kept.map((k) => k.outcome)).toEqual(['created']);
  });

  it('refuses mail past the size limit and senders past their budget', async () => {
    const { org } = await createTestOrg(ctx);
    // A domain of its own, so its budget is not the one the other tests spent.
    const small = await listen({ maxBytes: 2048, messagesPerMinute: 2, domain: SMALL });
    try {
      const big = await client(small.port)
        .sendMail({
          from: 'big@example.vn',
          to: `${org.slug}@${SMALL}`,
          subject: 'Lớn',
          text: 'x'.repeat(5000),
        })
        .catch((error: { responseCode?: number }) => error);
      expect(big).toMatchObject({ responseCode: 552 });
      const send = (i: number) =>
        client(small.port)
          .sendMail({
            from: `r${i}@example.vn`,
            to: `${org.slug}@${SMALL}`,
            subject: `#${i}`,
            text: `Lần ${i}`,
          })
          .then(
            () => 250,
            (error: { responseCode?: number }) => error.responseCode,
          );
      // The oversized attempt counted too: one more goes through, then the budget is spent.
      expect(await send(1)).toBe(250);
      expect(await send(2)).toBe(421);
    } finally {
      await small.close();
    }
  });
});
