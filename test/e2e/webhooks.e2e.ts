import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/modules/webhooks/index.ts';
import {
  DEMO,
  checkA11y,
  login,
  openBrowser,
  printAxeSummary,
  type E2EBrowser,
} from './harness.ts';
import { startReceiver } from '../webhooks-helpers.ts';

// Admin → Webhooks: a loopback address is refused until "allow private destinations" is ticked;
// the secret shows once; a test event arrives signed with it and shows in the delivery log,
// and "send again" sends the same event once more.
describe('webhooks: an endpoint, its secret, a test event and the delivery log', () => {
  let e2e: E2EBrowser;
  let admin: Page;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    e2e = await openBrowser();
    admin = await e2e.newPage({ locale: 'vi' });
  });

  afterAll(async () => {
    printAxeSummary('webhooks');
    await e2e?.close();
    await receiver?.close();
  });

  it('creates an endpoint, sends a test event and sends it again', async () => {
    await login(admin, DEMO.admin);
    await admin.getByTestId('nav-admin-webhooks').waitFor({ state: 'attached' });
    await admin.goto('/admin/webhooks');
    await admin.getByTestId('webhooks-page').waitFor();
    await checkA11y(admin, 'webhooks');

    await admin.getByTestId('webhook-new').click();
    await admin.getByTestId('webhook-url').fill(receiver.url);
    await admin.getByTestId('webhook-description').fill('CRM');
    await admin.getByTestId('webhook-submit').click();
    // Loopback is private: refused at the field until the admin says so.
    await expect
      .poll(async () => (await admin.getByTestId('webhook-form').textContent()) ?? '')
      .toContain('trỏ tới địa chỉ nội bộ');
    await checkA11y(admin, 'webhook form refused');
    await admin.getByTestId('webhook-allow-private').check();
    await admin.getByTestId('webhook-submit').click();

    const secretField = admin.getByTestId('webhook-secret');
    await secretField.waitFor();
    const secret = await secretField.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await checkA11y(admin, 'webhook secret');
    await admin.getByTestId('webhook-secret-done').click();

    const row = admin.getByTestId('webhook-row').filter({ hasText: receiver.url });
    await row.waitFor();
    await row.getByTestId('webhook-test').click();
    await row.getByTestId('webhook-log').click();
    const log = admin.getByTestId('delivery-log');
    await expect
      .poll(() => log.getByTestId('delivery-status').first().textContent(), { timeout: 30_000 })
      .toBe('Đã gửi');
    expect(receiver.received).toHaveLength(1);
    const first = receiver.received[0]!;
    expect(verifyWebhook(secret, first.headers, first.body, new Date()).ok).toBe(true);
    await checkA11y(admin, 'delivery log');

    // Keyboard: "send again" is a button reached and pressed like any other.
    await log.getByTestId('delivery-resend').first().focus();
    await admin.keyboard.press('Enter');
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
    expect(receiver.received[1]!.headers['webhook-id']).toBe(first.headers['webhook-id']);
  });
});
