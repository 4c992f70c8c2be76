import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  checkA11y,
  login,
  openBrowser,
  openCaseFromQueue,
  printAxeSummary,
  publicClientHeaders,
  type E2EBrowser,
} from './harness.ts';

// Step 6: the agent fixes a case; the manager's update arrives in the manager's follow-ups
// queue and is recorded; the call-back finds it not fixed and the case reopens; a new
// commitment, the fix again, and this time the call-back finds it working.
describe('after the fix: manager update → call-back “not fixed” → reopen → fixed → verified in the portal', () => {
  let e2e: E2EBrowser;
  let agent: Page;
  let manager: Page;
  let customer: Page;
  let trackingPath = '';
  const stamp = Date.now().toString(36);
  let reference = '';

  async function pick(page: Page, testId: string, optionText: string) {
    await page.getByTestId(testId).click();
    await page
      .getByRole('option', { name: new RegExp(optionText) })
      .first()
      .click();
  }

  /** Clicks one choice of a segmented control by its label. */
  async function choose(page: Page, testId: string, label: string) {
    await page.getByTestId(testId).getByText(label, { exact: true }).click();
  }

  const statusOf = (page: Page, kind: string) =>
    page.getByTestId(`follow-up-status-${kind}`).getAttribute('data-status');

  async function commitAndFix(page: Page, recommit: boolean) {
    await pick(page, 'task-type-select', 'Giao lại hàng');
    await expect
      .poll(() => page.getByTestId('proposed-due').getAttribute('data-due'), { timeout: 15_000 })
      .toMatch(/^\d{4}-/);
    if (recommit) await page.getByTestId('recommit-reason').fill('Khắc phục lại theo phản hồi');
    await page.getByTestId('commit-submit').click();
    const rows = recommit ? 2 : 1;
    await expect
      .poll(() => page.getByTestId('commitment-row').count(), { timeout: 15_000 })
      .toBe(rows);
    // The commitment starts the work: the status form comes back for "in progress".
    await expect
      .poll(() => page.getByTestId('status-form').textContent(), { timeout: 15_000 })
      .toBeTruthy();
    await expect
      .poll(
        async () => {
          await pick(page, 'status-select', 'Đã khắc phục');
          return page.getByTestId('status-submit').isEnabled();
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.getByTestId('status-submit').click();
    await expect
      .poll(() => page.getByTestId('step-update').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('due');
  }

  beforeAll(async () => {
    e2e = await openBrowser();
    agent = await e2e.newPage({ locale: 'vi' });
    manager = await e2e.newPage({ locale: 'vi' });
    customer = await e2e.newPage({ locale: 'vi', mobile: true });
    const response = await fetch(`${e2e.baseUrl}/api/public/orgs/demo/complaints`, {
      method: 'POST',
      headers: publicClientHeaders(),
      body: JSON.stringify({
        name: `Ngô Thị Hồng ${stamp}`,
        phone: '0987123456',
        email: `hong.${stamp}@example.vn`,
        description: `Máy giặt giao trễ ba ngày (${stamp}).`,
        language: 'vi',
      }),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { reference: string; trackingUrl: string };
    reference = created.reference;
    trackingPath = new URL(created.trackingUrl).pathname;
  });

  afterAll(async () => {
    printAxeSummary('follow-ups');
    await e2e?.close();
  });

  it('a. the fix puts the manager’s update in the manager’s queue, live', async () => {
    await login(manager, DEMO.manager);
    await manager.goto('/follow-ups');
    await manager.getByRole('heading', { name: 'Theo dõi sau khắc phục' }).waitFor();
    await login(agent, DEMO.agent);
    await openCaseFromQueue(agent, reference);
    await commitAndFix(agent, false);
    await agent.getByTestId('follow-up-panel').waitFor();
    // The manager's queue hears of the new task without a reload.
    const row = manager.locator(`[data-testid="follow-up-row"][data-reference="${reference}"]`);
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await checkA11y(manager, 'follow-ups queue');
  });

  it('b. the manager records the update', async () => {
    const row = manager.locator(`[data-testid="follow-up-row"][data-reference="${reference}"]`);
    await row.getByRole('link', { name: reference }).click();
    await manager.getByTestId('follow-up-panel').waitFor();
    await choose(manager, 'manager-update-method', 'Gọi điện');
    await manager
      .getByTestId('manager-update-note')
      .fill('Đã gọi xin lỗi chị Hồng, hẹn kiểm tra lại máy giặt.');
    await checkA11y(manager, 'manager update form');
    await manager.getByTestId('manager-update-submit').click();
    await expect.poll(() => statusOf(manager, 'manager_update'), { timeout: 15_000 }).toBe('done');
    await manager
      .getByTestId('follow-up-result-manager_update')
      .getByText(/Gọi điện/)
      .waitFor();
  });

  it('c. the call-back finds it not fixed: the case reopens', async () => {
    await agent.reload();
    await agent.getByTestId('verification-form').waitFor();
    await choose(agent, 'verification-outcome', 'Chưa khắc phục được');
    await agent.getByTestId('verification-note').fill('Máy giặt vẫn kêu to khi vắt.');
    await agent.getByTestId('verification-submit').click();
    await expect
      .poll(() => agent.getByTestId('step-fix').getAttribute('data-state'), { timeout: 15_000 })
      .not.toBe('done');
    await agent.getByTestId('timeline').getByText('Máy giặt vẫn kêu to khi vắt.').first().waitFor();
    await checkA11y(agent, 'complaint reopened by the call-back');
  });

  it('d. a new commitment, fixed again, and the customer says in the portal that it works', async () => {
    await commitAndFix(agent, true);
    await customer.goto(trackingPath);
    await customer.getByTestId('portal-fix-answer').waitFor();
    await checkA11y(customer, 'portal asking whether the fix worked');
    await customer.getByTestId('portal-fix-yes').click();
    await expect
      .poll(() => customer.getByTestId('portal-fix-answer').count(), { timeout: 15_000 })
      .toBe(0);
    // The agent's call-back is done by the customer's answer; the new fix's manager's update
    // keeps step 6 due until it is recorded too.
    await agent.reload();
    await expect.poll(() => statusOf(agent, 'verification'), { timeout: 15_000 }).toBe('done');
    await agent
      .getByTestId('follow-up-result-verification')
      .getByText(/Cổng thông tin/)
      .waitFor();
    expect(await statusOf(agent, 'manager_update')).toBe('due');
    await checkA11y(agent, 'complaint verified');
  });

  it('e. the report shows six months of step 6 with its definitions', async () => {
    await manager.goto('/reports/follow-ups');
    const onTime = manager.getByTestId('report-manager-update-onTime');
    await onTime.waitFor();
    // The demo's history has manager updates on time and call-backs that found the fix working.
    await expect
      .poll(async () => Number(await onTime.locator('td').nth(1).textContent()), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    const works = manager.getByTestId('report-verification-works');
    expect(Number(await works.locator('td').nth(1).textContent())).toBeGreaterThan(0);
    await manager.getByTestId('follow-up-definitions').getByText('Tỷ lệ xác minh').waitFor();
    await checkA11y(manager, 'follow-up report');
  });
});
