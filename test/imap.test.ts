import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { ImapFlow } from 'imapflow';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FETCHED_KEYWORD } from '../src/modules/channels/index.ts';
import { createTestContext, createTestOrg, signIn, type TestContext } from './helpers.ts';

// A small IMAP server (IDLE, MOVE, UIDPLUS) on loopback: the real protocol, a real socket.
const require = createRequire(import.meta.url);
type ImapServer = {
  listen(port: number, host: string, done: () => void): void;
  close(done: () => void): void;
  server: { address(): AddressInfo };
};
const hoodiecrow = require('hoodiecrow-imap') as (options: unknown) => ImapServer;

// Mail as a client writes it: encoded words in the headers, the body in UTF-8.
const mail = (id: string, from: string, subject: string, extra: Record<string, string> = {}) =>
  new MailComposer({
    from,
    to: 'cskh@cty.example.vn',
    subject,
    text: `${subject} — nội dung chi tiết.`,
    messageId: `<${id}@example.vn>`,
    headers: extra,
  })
    .compile()
    .build();

let ctx: TestContext;
let strict: TestContext;
let server: ImapServer;
let port = 0;

beforeAll(async () => {
  const m1 = await mail('m1', 'Lan <lan@example.vn>', 'Máy lạnh không mát');
  const m2 = await mail('m2', 'robot@example.vn', 'Out of office', {
    'Auto-Submitted': 'auto-replied',
  });
  server = hoodiecrow({
    plugins: ['IDLE', 'MOVE', 'UIDPLUS', 'ENABLE', 'ID', 'LITERALPLUS'],
    users: { cskh: { password: 'mat-khau-2026' } },
    storage: {
      INBOX: {
        messages: [
          { raw: m1.toString('binary'), flags: [] },
          { raw: m2.toString('binary'), flags: [] },
        ],
      },
      '': { separator: '/', folders: { Processed: {} } },
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.server.address().port;
  ctx = await createTestContext({ env: { IMAP_ALLOW_PRIVATE_HOSTS: 'true' } });
  strict = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
  await strict.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const client = async () => {
  const c = new ImapFlow({
    host: '127.0.0.1',
    port,
    secure: false,
    auth: { user: 'cskh', pass: 'mat-khau-2026' },
    logger: false,
  });
  await c.connect();
  return c;
};

async function flagsOf(folder: string) {
  const c = await client();
  const lock = await c.getMailboxLock(folder);
  try {
    const out: string[][] = [];
    if (c.mailbox && c.mailbox.exists === 0) return out;
    for await (const m of c.fetch('1:*', { flags: true })) out.push([...(m.flags ?? [])]);
    return out;
  } finally {
    lock.release();
    await c.logout();
  }
}

const inbound = (orgId: string) =>
  ctx.db
    .selectFrom('inbound_messages')
    .select(['source', 'outcome', 'subject'])
    .where('org_id', '=', orgId)
    .orderBy('subject')
    .execute();

describe('the IMAP mailbox of an org', () => {
  it('fetches each message once into the mail pipeline, and flags what it took', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const saved = await admin.request('PUT', '/api/mail-settings/mailbox', {
      host: '127.0.0.1',
      port,
      isSecure: false,
      username: 'cskh',
      password: 'mat-khau-2026',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).not.toContain('mat-khau-2026');
    expect(saved.json().mailbox).toMatchObject({ folder: 'INBOX', processedFolder: null });

    const first = await admin.post('/api/mail-settings/mailbox/poll');
    expect(first.json()).toEqual({ received: 2, error: null });
    expect(await inbound(org.id)).toEqual([
      { source: 'imap', outcome: 'created', subject: 'Máy lạnh không mát' },
      { source: 'imap', outcome: 'auto_reply', subject: 'Out of office' },
    ]);
    for (const flags of await flagsOf('INBOX')) expect(flags).toContain(FETCHED_KEYWORD);
    // Nothing twice.
    expect((await admin.post('/api/mail-settings/mailbox/poll')).json()).toEqual({
      received: 0,
      error: null,
    });
    const status = (await admin.get('/api/mail-settings/mailbox')).json().mailbox;
    expect(status).toMatchObject({ receivedCount: 2, lastError: null });
    expect(status.lastPolledAt).not.toBeNull();

    // The password stays when the form sends none; a wrong one shows as the mailbox's error.
    await admin.request('PUT', '/api/mail-settings/mailbox', {
      host: '127.0.0.1',
      port,
      isSecure: false,
      username: 'cskh',
    });
    expect((await admin.post('/api/mail-settings/mailbox/poll')).json().error).toBeNull();
    await admin.request('PUT', '/api/mail-settings/mailbox', {
      host: '127.0.0.1',
      port,
      isSecure: false,
      username: 'cskh',
      password: 'wrong',
    });
    const refused = (await admin.post('/api/mail-settings/mailbox/poll')).json();
    expect(refused.received).toBe(0);
    expect(refused.error).toBeTruthy();
    expect((await admin.get('/api/mail-settings/mailbox')).json().mailbox.lastError).toBeTruthy();

    const agent = await signIn(ctx, users.agent.email);
    expect((await agent.get('/api/mail-settings/mailbox')).statusCode).toBe(403);
    // Removed, the worker fetches for this org no more (the next test's worker holds only its own).
    expect((await admin.delete('/api/mail-settings/mailbox')).json()).toEqual({ mailbox: null });
    expect((await admin.delete('/api/mail-settings/mailbox')).statusCode).toBe(404);
  });

  it('moves what it took to the processed folder when one is set', async () => {
    const c = await client();
    await c.append('INBOX', await mail('m3', 'Binh <binh@example.vn>', 'Giao hàng trễ'));
    await c.logout();
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    await admin.request('PUT', '/api/mail-settings/mailbox', {
      host: '127.0.0.1',
      port,
      isSecure: false,
      username: 'cskh',
      password: 'mat-khau-2026',
      processedFolder: 'Processed',
    });
    const polled = (await admin.post('/api/mail-settings/mailbox/poll')).json();
    expect(polled.error).toBeNull();
    expect(polled.received).toBeGreaterThanOrEqual(3);
    expect(await flagsOf('INBOX')).toEqual([]);
    expect((await flagsOf('Processed')).length).toBe(polled.received);
    expect((await inbound(org.id)).map((m) => m.subject)).toContain('Giao hàng trễ');
    expect((await admin.delete('/api/mail-settings/mailbox')).statusCode).toBe(200);
  });

  it('takes new mail at once while IDLE, in the worker’s session', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    await admin.request('PUT', '/api/mail-settings/mailbox', {
      host: '127.0.0.1',
      port,
      isSecure: false,
      username: 'cskh',
      password: 'mat-khau-2026',
      folder: 'INBOX',
      processedFolder: 'Processed',
    });
    // A long interval: only IDLE can bring the new message in time.
    const pollers = ctx.services.mailboxes.startPollers({ holder: 'test', intervalMs: 600_000 });
    try {
      await expect.poll(() => flagsOf('INBOX'), { timeout: 10_000 }).toEqual([]);
      const c = await client();
      await c.append(
        'INBOX',
        await mail(`idle-${org.slug}`, 'Hoa <hoa@example.vn>', 'Bảo hành quá hạn'),
      );
      await c.logout();
      await expect
        .poll(async () => (await inbound(org.id)).map((m) => m.subject), { timeout: 10_000 })
        .toContain('Bảo hành quá hạn');
    } finally {
      await pollers.stop();
    }
  });

  it('refuses a mailbox on a private network, naming the field', async () => {
    const { users } = await createTestOrg(strict);
    const admin = await signIn(strict, users.admin.email);
    for (const host of ['127.0.0.1', 'localhost', '10.0.0.5', '169.254.169.254', '::1']) {
      const refused = await admin.request(
        'PUT',
        '/api/mail-settings/mailbox',
        { host, port: 993, username: 'cskh', password: 'x' },
        { 'accept-language': 'en' },
      );
      expect(refused.statusCode, host).toBe(400);
      expect(refused.json().error.field).toBe('host');
    }
  });
});
