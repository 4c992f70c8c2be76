import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DEMO,
  E2E_INBOUND_DOMAIN,
  checkA11y,
  login,
  openBrowser,
  openCaseFromQueue,
  printAxeSummary,
  type E2EBrowser,
} from './harness.ts';

// A customer's mail creates a complaint; the agent answers it from the case; the customer's
// reply threads into the same case with the quoted text taken away, and the whole of it is
// one click away.
// A 1×1 PNG: the file the agent sends, and the photo the customer sends back.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('mail in: a mail → the agent’s answer → the customer’s reply in the thread', () => {
  let e2e: E2EBrowser;
  let agent: Page;
  const stamp = Date.now().toString(36);
  const customer = `mail-${stamp}@example.vn`;
  const inbox = `demo@${E2E_INBOUND_DOMAIN}`;
  let reference = '';

  const send = (mail: SendMailOptions) =>
    nodemailer
      .createTransport({
        host: '127.0.0.1',
        port: inject('e2eInboundSmtpPort'),
        secure: false,
        ignoreTLS: true,
      })
      .sendMail(mail);

  beforeAll(async () => {
    e2e = await openBrowser();
    agent = await e2e.newPage('vi');
  });
  afterAll(async () => {
    await e2e?.close();
    printAxeSummary('mail-in');
  });

  it('a. turns the customer’s mail into a complaint the agent finds in the queue', async () => {
    const sent = await send({
      from: `"Lý Thu Hà" <${customer}>`,
      to: inbox,
      subject: `Máy hút bụi không sạc được ${stamp}`,
      text: `Máy hút bụi mua tuần trước không sạc được pin (${stamp}).\n\n-- \nLý Thu Hà\n0987 654 321`,
    });
    expect(sent.accepted).toEqual([inbox]);
    await login(agent, DEMO.agent);
    const found = await agent.request.get(`/api/complaints?q=${stamp}`);
    expect(found.ok()).toBe(true);
    const items = ((await found.json()) as { items: { reference: string; channel: string }[] })
      .items;
    expect(items).toHaveLength(1);
    expect(items[0]?.channel).toBe('email');
    reference = items[0]!.reference;
    await openCaseFromQueue(agent, reference);
    const received = agent.locator(
      '[data-testid="timeline-event"][data-type="complaint.received"]',
    );
    await received.getByRole('button', { name: 'Thư gốc' }).click();
    const original = agent.getByTestId('original-mail-text');
    await expect.poll(() => original.textContent()).toContain('không sạc được pin');
    expect(await original.textContent()).not.toContain('0987 654 321');
    await agent.getByText('Toàn bộ thư', { exact: true }).click();
    await expect.poll(() => original.textContent()).toContain('0987 654 321');
    await checkA11y(agent, 'case page (original mail open)');
    await agent.keyboard.press('Escape');
  });

  it('b. the agent answers with a file, a copy and bold; the customer’s reply threads in, quote taken away', async () => {
    const body = agent.getByTestId('composer-body');
    await body.fill(`Chào chị Hà, kỹ thuật viên sẽ gọi chị trong hôm nay (${stamp}). `);
    // Ctrl+B with nothing selected puts in the marks around a placeholder, selected.
    await body.press('End');
    await body.press('Control+b');
    await agent.keyboard.type('Mang theo phiếu bảo hành');
    expect(await body.inputValue()).toContain('**Mang theo phiếu bảo hành**');
    await agent.getByTestId('reply-preview-toggle').click();
    await expect
      .poll(() => agent.getByTestId('reply-preview').innerHTML())
      .toContain('<strong>Mang theo phiếu bảo hành</strong>');
    await agent.locator('#reply-attach-input').setInputFiles({
      name: `huong-dan-${stamp}.png`,
      mimeType: 'image/png',
      buffer: png,
    });
    const picked = agent.getByRole('checkbox', { name: new RegExp(`huong-dan-${stamp}`) });
    await expect.poll(() => picked.isChecked(), { timeout: 15_000 }).toBe(true);
    const cc = agent.getByTestId('reply-cc');
    await cc.fill(`chong-${stamp}@example.vn`);
    await cc.press('Enter');
    await checkA11y(agent, 'case page (reply with file, copy and preview)');
    await agent.getByTestId('composer-send').click();
    const ours = agent.locator('[data-testid="timeline-event"][data-type="message.sent"]');
    await expect.poll(() => ours.first().textContent(), { timeout: 15_000 }).toContain(stamp);
    expect(await ours.first().locator('strong').first().textContent()).toBe(
      'Mang theo phiếu bảo hành',
    );
    const complaintId = new URL(agent.url()).pathname.split('/').pop()!;
    const mailbox = (await (
      await agent.request.get(`/api/mailbox?complaintId=${complaintId}`)
    ).json()) as {
      items: { kind: string; cc: string[]; files: { filename: string }[]; html: string }[];
    };
    const message = mailbox.items.find((m) => m.kind === 'message');
    expect(message?.cc).toEqual([`chong-${stamp}@example.vn`]);
    expect(message?.files.map((f) => f.filename)).toEqual([`huong-dan-${stamp}.png`]);
    expect(message?.html).toContain('<strong>Mang theo phiếu bảo hành</strong>');

    await send({
      from: customer,
      to: inbox,
      subject: `Re: Trả lời [${reference}]`,
      text: `Chiều nay sau 14 giờ tôi có nhà.\n\nVào 10:00, Ombud <${inbox}> đã viết:\n> Chào chị Hà, kỹ thuật viên sẽ gọi chị trong hôm nay (${stamp}).`,
      attachments: [{ filename: `may-${stamp}.png`, content: png }],
    });
    const reply = agent.locator('[data-testid="timeline-event"][data-type="message.received"]');
    await expect
      .poll(
        async () => {
          if ((await reply.count()) === 0) await agent.reload();
          return reply.first().textContent();
        },
        { timeout: 20_000 },
      )
      .toContain('Chiều nay sau 14 giờ tôi có nhà.');
    expect(await reply.first().textContent()).not.toContain('đã viết');
    await reply.first().getByRole('button', { name: 'Thư gốc' }).click();
    await agent.getByText('Toàn bộ thư', { exact: true }).click();
    await expect
      .poll(() => agent.getByTestId('original-mail-text').textContent())
      .toContain('đã viết:');
    // The photo the customer sent is a case file now, shown in the mail.
    await expect.poll(() => agent.getByRole('img', { name: `may-${stamp}.png` }).count()).toBe(1);
    await checkA11y(agent, 'case page (reply by mail, original open)');
  });
});
