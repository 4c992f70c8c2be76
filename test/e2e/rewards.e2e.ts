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

// Step 7 and empowerment: on a fixed case the agent gives a thank-you gift within the team
// budget (the budget left drops on the open dialog); then asks for a compensation above their
// limit, which the manager approves live in a second browser while the agent's page updates
// without a reload.
describe('rewards: a thank-you gift, then a compensation approved live by the manager', () => {
  let e2e: E2EBrowser;
  let agent: Page;
  let manager: Page;
  let admin: Page;
  const stamp = Date.now().toString(36);
  let reference = '';

  async function pick(page: Page, testId: string, optionText: string) {
    await page.getByTestId(testId).click();
    await page
      .getByRole('option', { name: new RegExp(optionText) })
      .first()
      .click();
  }

  beforeAll(async () => {
    e2e = await openBrowser();
    agent = await e2e.newPage({ locale: 'vi' });
    manager = await e2e.newPage({ locale: 'vi' });
    admin = await e2e.newPage({ locale: 'vi' });
    const response = await fetch(`${e2e.baseUrl}/api/public/orgs/demo/complaints`, {
      method: 'POST',
      headers: publicClientHeaders(),
      body: JSON.stringify({
        name: `Vũ Thị Quà ${stamp}`,
        phone: '0912777001',
        email: `qua.${stamp}@example.vn`,
        description: `Máy giặt giao thiếu ốc chân đế (${stamp}).`,
        language: 'vi',
      }),
    });
    expect(response.status).toBe(201);
    reference = ((await response.json()) as { reference: string }).reference;
  });

  afterAll(async () => {
    printAxeSummary('rewards');
    await e2e?.close();
  });

  it('a. on a fixed case, a thank-you gift within the team budget', async () => {
    await login(agent, DEMO.agent);
    await openCaseFromQueue(agent, reference);
    const panel = agent.getByTestId('rewards-panel');
    await panel.waitFor();
    await agent.getByTestId('gift-not-eligible').waitFor();
    expect(await agent.getByTestId('gift-open').isDisabled()).toBe(true);

    await pick(agent, 'status-select', 'Đã khắc phục');
    await agent.getByTestId('status-submit').click();
    await expect
      .poll(() => agent.getByTestId('gift-open').isDisabled(), { timeout: 15_000 })
      .toBe(false);
    await agent.getByTestId('gift-open').click();
    const left = agent.getByTestId('gift-budget-left');
    await left.waitFor();
    const before = Number(await left.getAttribute('data-remaining'));
    expect(before).toBeGreaterThan(0);
    await checkA11y(agent, 'gift dialog');
    await pick(agent, 'gift-select', 'Phiếu mua hàng');
    await agent.getByTestId('gift-code').fill(`QT-${stamp}`);
    await agent.getByTestId('gift-submit').click();
    const giftRow = agent.locator('[data-testid="reward-grant-row"][data-kind="gift"]');
    await giftRow.waitFor({ timeout: 15_000 });
    expect(await giftRow.textContent()).toContain(`QT-${stamp}`);
    // The budget left on the case page is what the gift took less.
    await expect
      .poll(async () => (await agent.getByTestId('panel-budget-left').textContent()) ?? '', {
        timeout: 15_000,
      })
      .toContain(new Intl.NumberFormat('vi-VN').format(before - 200_000));
  });

  it('b. a compensation above the agent limit is approved live by the manager', async () => {
    await agent.getByTestId('compensation-open').click();
    await agent.getByTestId('compensation-dialog').waitFor();
    await agent.getByTestId('compensation-amount').fill('400000');
    const decision = agent.getByTestId('compensation-authority');
    await expect
      .poll(() => decision.getAttribute('data-decision'), { timeout: 15_000 })
      .toBe('needs_approval');
    expect(await decision.textContent()).toContain('Trần Thị Bình');
    await checkA11y(agent, 'compensation dialog (needs approval)');
    await agent.getByTestId('compensation-reference').fill(`PMH-${stamp}`);
    await agent.getByTestId('compensation-submit').click();
    const waiting = agent.locator('[data-testid="reward-approval-row"][data-status="pending"]');
    await waiting.waitFor({ timeout: 15_000 });

    await login(manager, DEMO.manager);
    await manager.goto('/approvals');
    const card = manager.getByTestId('approval-card').filter({ hasText: reference });
    await card.waitFor({ timeout: 15_000 });
    await checkA11y(manager, 'approvals waiting');
    await card.getByTestId('approval-approve').click();

    // The agent's page, never reloaded, shows the approved compensation.
    const approved = agent.locator('[data-testid="reward-grant-row"][data-kind="compensation"]');
    await approved.waitFor({ timeout: 20_000 });
    expect(await approved.textContent()).toContain('Trần Thị Bình');
    expect(await waiting.count()).toBe(0);
    await checkA11y(agent, 'complaint detail (rewards granted)');
  });

  it('c. the admin pages and the report show the demo catalogue, budgets, rules and figures', async () => {
    await login(admin, DEMO.admin);
    for (const [path, table] of [
      ['/admin/gifts', 'gifts-table'],
      ['/admin/budgets', 'budgets-table'],
      ['/admin/authority-rules', 'rules-table'],
    ] as const) {
      await admin.goto(path);
      const rows = admin.getByTestId(table).locator('tbody tr');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(2);
      await checkA11y(admin, path);
    }
    await admin.goto('/reports/rewards');
    await admin.getByTestId('report-approval-times').waitFor({ timeout: 15_000 });
    expect(await admin.getByTestId('report-approval-times-definition').textContent()).toContain(
      'hạng gần nhất',
    );
    await expect
      .poll(() => admin.getByTestId('report-median').textContent(), { timeout: 15_000 })
      .toMatch(/phút/);
    await checkA11y(admin, 'rewards report');
  });
});
