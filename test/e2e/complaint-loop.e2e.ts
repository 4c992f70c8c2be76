import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  checkA11y,
  login,
  openBrowser,
  printAxeSummary,
  type E2EBrowser,
} from './harness.ts';

/** What i18next shows for a missing translation: the key itself, e.g. "facts.via.email". */
const UNTRANSLATED_KEY =
  /\b(facts|steps|status|channel|timeline|portal|composer|events?|verbal|clocks?)\.[a-z][\w.]*/;

// The required journey: a customer complains on a phone, an agent records and reads back the
// facts, the customer confirms and replies in the portal, the agent apologises, and the
// acknowledgement mail is in the dev mailbox. Steps share state, so they run in order.
describe('complaint loop: public form → read-back → portal confirmation → apology', () => {
  let e2e: E2EBrowser;
  let customer: Page;
  let agent: Page;
  const stamp = Date.now().toString(36);
  const story = {
    name: `Nguyễn Thị Lan ${stamp}`,
    phone: '0912 345 678',
    email: `lan.${stamp}@example.vn`,
    description: `Đơn hàng giao thiếu một hộp sữa và nhân viên giao hàng không xin lỗi (${stamp}).`,
    whatHappened: `Khách nhận đơn DH-${stamp} ngày 20/11 thiếu 1 hộp sữa 1 lít.`,
    ask: 'Giao bù hộp sữa còn thiếu trong tuần này.',
    reply: `Vâng, tôi xác nhận. Tôi ở nhà buổi chiều (${stamp}).`,
    apologyAddition: `Chúng tôi sẽ giao bù trước thứ Sáu (${stamp}).`,
  };
  let reference = '';
  let trackingPath = '';

  beforeAll(async () => {
    e2e = await openBrowser();
    customer = await e2e.newPage({ locale: 'vi', mobile: true });
    agent = await e2e.newPage({ locale: 'vi' });
  });

  afterAll(async () => {
    printAxeSummary('complaint-loop');
    await e2e?.close();
  });

  it('a. the customer files a complaint on the public form from a phone', async () => {
    await customer.goto('/complain/demo');
    await customer.getByTestId('public-form').waitFor();
    await expect
      .poll(() => customer.getByTestId('public-org-name').textContent())
      .toBe('Công ty TNHH Demo');
    expect(await customer.locator('html').getAttribute('lang')).toBe('vi');
    await checkA11y(customer, 'public form (phone)');

    await customer.getByTestId('public-name').fill(story.name);
    await customer.getByTestId('public-phone').fill(story.phone);
    await customer.getByTestId('public-email').fill(story.email);
    await customer.getByTestId('public-description').fill(story.description);
    await customer.getByTestId('public-form-submit').click();

    const success = customer.getByTestId('public-form-success');
    await success.waitFor();
    reference = ((await customer.getByTestId('public-reference').textContent()) ?? '').trim();
    expect(reference).toMatch(/\S{4,}/);
    const link = customer.getByTestId('public-tracking-link');
    const href = await link.getAttribute('href');
    expect(href).toBeTruthy();
    trackingPath = new URL(href!, e2e.baseUrl).pathname;
    expect(trackingPath).toMatch(/^\/track\/[^/]+$/);
    await checkA11y(customer, 'public form success (phone)');
  });

  it('b. the agent finds it in the queue, records the facts and sends the read-back', async () => {
    await login(agent, DEMO.agent);
    await agent.getByTestId('queue-table').waitFor();
    await checkA11y(agent, 'queue');

    // A new web complaint has no owner yet, so it is under "all", not "mine".
    await agent
      .getByTestId('queue-scope')
      .locator('label[for$="-all"], label:has(input[value="all"])')
      .first()
      .click();
    await agent.getByTestId('queue-search').fill(reference);
    const rows = agent.getByTestId('queue-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain(reference);
    await expect.poll(() => rows.first().textContent()).toContain(story.name);
    await checkA11y(agent, 'queue filtered by reference');

    await rows.first().getByTestId('queue-row-link').click();
    await agent.getByTestId('complaint-detail').waitFor();
    await expect.poll(() => agent.getByTestId('complaint-reference').textContent()).toBe(reference);
    expect(await agent.getByTestId('step-thank').getAttribute('data-state')).toBe('done');
    expect(await agent.getByTestId('step-clarify').getAttribute('data-state')).not.toBe('done');
    await checkA11y(agent, 'complaint detail (new)');

    await agent.getByTestId('facts-what-happened').fill(story.whatHappened);
    await agent.getByTestId('facts-ask-text').fill(story.ask);
    await agent.getByTestId('facts-submit').click();
    const current = agent.getByTestId('facts-current');
    await current.waitFor();
    expect(await current.getAttribute('data-version')).toBe('1');
    await expect
      .poll(() => agent.getByTestId('readback-text').textContent())
      .toContain(story.whatHappened);

    await agent.getByTestId('send-readback').click();
    await agent.getByTestId('facts-sent-badge').waitFor();
    await checkA11y(agent, 'complaint detail (read-back sent)');
  });

  it('c. the customer reads the summary in the portal, confirms it and replies', async () => {
    await customer.goto(trackingPath);
    await customer.getByTestId('portal').waitFor();
    await expect.poll(() => customer.getByTestId('portal-reference').textContent()).toBe(reference);
    const readBack = customer.getByTestId('portal-readback-text');
    await readBack.waitFor();
    expect(await readBack.textContent()).toContain(story.whatHappened);
    expect(await readBack.textContent()).toContain(story.ask);
    await checkA11y(customer, 'portal (read-back to confirm, phone)');

    await customer.getByTestId('portal-confirm').click();
    await customer.getByTestId('portal-confirmed').waitFor();

    await customer.getByTestId('portal-reply-body').fill(story.reply);
    await customer.getByTestId('portal-reply-submit').click();
    await customer.getByTestId('portal-reply-sent').waitFor();
    await expect
      .poll(() => customer.getByTestId('portal-timeline').textContent())
      .toContain(story.reply);
    expect(await customer.getByTestId('portal').textContent()).not.toMatch(UNTRANSLATED_KEY);
    await checkA11y(customer, 'portal (confirmed and replied, phone)');
  });

  it('d. the agent sees the confirmation and the reply, then apologises from a suggestion', async () => {
    await agent.reload();
    await agent.getByTestId('complaint-detail').waitFor();
    await agent.getByTestId('facts-confirmed-badge').waitFor();
    await expect
      .poll(() => agent.getByTestId('step-clarify').getAttribute('data-state'))
      .toBe('done');
    const received = agent.locator('[data-testid="timeline-event"][data-type="message.received"]');
    await expect
      .poll(() => received.first().textContent(), { timeout: 15_000 })
      .toContain(story.reply);
    // Every event reads as words: no untranslated i18n key (e.g. "facts.via.email") shows.
    expect(await agent.getByTestId('timeline').textContent()).not.toMatch(UNTRANSLATED_KEY);
    await checkA11y(agent, 'complaint detail (confirmed, reply received)');

    expect(await agent.getByTestId('step-apologise').getAttribute('data-state')).not.toBe('done');
    const suggestion = agent.getByTestId('composer-suggestion').first();
    await suggestion.waitFor();
    await suggestion.click();
    const body = agent.getByTestId('composer-body');
    await expect.poll(async () => (await body.inputValue()).trim().length).toBeGreaterThan(20);
    const draft = await body.inputValue();
    // Placeholders are filled in for this customer, not left as template variables.
    expect(draft).not.toMatch(/\{\{/);
    await body.fill(`${draft}\n\n${story.apologyAddition}`);
    await agent.getByTestId('composer-send').click();

    await expect
      .poll(() => agent.getByTestId('step-apologise').getAttribute('data-state'), {
        timeout: 15_000,
      })
      .toBe('done');
    const sent = agent.locator('[data-testid="timeline-event"][data-type="message.sent"]');
    await expect.poll(() => sent.first().textContent()).toContain(story.apologyAddition);
    expect(await body.inputValue()).toBe('');
    await checkA11y(agent, 'complaint detail (apology sent)');
  });

  it('e. the dev mailbox holds the acknowledgement with the reference', async () => {
    const complaintId = await agent
      .getByTestId('complaint-detail')
      .getAttribute('data-complaint-id');
    expect(complaintId).toBeTruthy();
    // Which of the complaint's mails is the acknowledgement (step 1: thank) is the server's word;
    // the page must show it.
    type Mail = { id: string; to: string; subject: string; kind: string };
    let acknowledgement: Mail | undefined;
    await expect
      .poll(
        async () => {
          const response = await agent.request.get(`/api/mailbox?complaintId=${complaintId}`);
          expect(response.status()).toBe(200);
          const { items } = (await response.json()) as { items: Mail[] };
          acknowledgement = items.find((m) => m.kind === 'acknowledgement');
          // The whole list in a failure message says what was there instead.
          return items.map((m) => `${m.kind} to ${m.to}: ${m.subject}`);
        },
        { timeout: 20_000 },
      )
      .toContainEqual(
        expect.stringMatching(
          new RegExp(`^acknowledgement to ${story.email.replace(/\./g, '\\.')}: .*${reference}`),
        ),
      );

    // From the complaint to its mail in the dev mailbox.
    await agent.getByTestId('complaint-mailbox-link').click();
    await agent.getByTestId('mailbox-filter').waitFor();
    await agent.getByTestId('mailbox-list').waitFor();
    const items = agent.getByTestId('mailbox-item');
    // Acknowledgement, read-back and apology to this customer; and, since the customer wrote a
    // second time, the notice that brought the case to the manager before they had to ask.
    await expect.poll(() => items.filter({ hasText: story.email }).count()).toBe(3);
    await expect.poll(() => items.filter({ hasText: DEMO.manager }).count()).toBe(1);
    expect(await items.count()).toBe(4);
    const item = items.filter({ hasText: acknowledgement!.subject });
    expect(await item.count()).toBe(1);
    await checkA11y(agent, 'dev mailbox (one complaint)');

    await item.getByTestId('mailbox-open').click();
    const message = agent.getByTestId('mailbox-message');
    await message.waitFor();
    expect(await message.getByRole('heading').textContent()).toBe(acknowledgement!.subject);
    expect(await agent.getByTestId('mailbox-message-to').textContent()).toBe(story.email);
    // The HTML body is in a sandboxed frame; it thanks the customer and carries the tracking
    // link, whose secret part staff never see (they could act "as the customer" with it).
    const mailBody = agent.frameLocator('[data-testid="mailbox-message-html"]').locator('body');
    await expect.poll(() => mailBody.textContent()).toContain(reference);
    expect(await mailBody.textContent()).toContain(story.name);
    const [orgPart, secret] = [trackingPath.slice(7, 39), trackingPath.slice(39)];
    expect(await mailBody.innerHTML()).toContain(`/track/${orgPart}…`);
    expect(await mailBody.innerHTML()).not.toContain(secret);
    await checkA11y(agent, 'dev mailbox (acknowledgement open)');

    await agent.getByTestId('mailbox-show-all').click();
    await agent.getByTestId('mailbox-filter').waitFor({ state: 'detached' });
    await expect.poll(() => items.count()).toBeGreaterThan(3);
    await checkA11y(agent, 'dev mailbox (all)');
  });
});
