import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  checkA11y,
  login,
  openBrowser,
  printAxeSummary,
  type E2EBrowser,
  publicClientHeaders,
  openCaseFromQueue,
} from './harness.ts';

const NAV_QUEUE = { vi: 'Danh sách khiếu nại', en: 'Complaint queue' } as const;
const LAW = 'vn-law-19-2023';

async function switchLanguage(page: Page, language: keyof typeof NAV_QUEUE): Promise<void> {
  // The clock this journey moves forward brings notices (step 8's action clocks among them), and
  // their toasts, top right, can lie over the switcher: this journey is about the switch, so the
  // toasts are set aside (the notice journeys look at them).
  await page.addStyleTag({ content: '.mantine-Notifications-root { display: none !important; }' });
  await page.getByTestId('language-switcher').first().click();
  const menu = page.getByRole('menu');
  await menu.waitFor();
  await page.getByTestId(`language-option-${language}`).click();
  await menu.waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('nav-queue').textContent()).toBe(NAV_QUEUE[language]);
}

// The admin's side of the clocks: a regulatory preset switched on as an overlay (the dialog shows
// what it adds and asks first), its legal clock on a case labelled with its source in the UI's
// language; the unit of each escalation delay; a task type's names in three languages.
describe('SLA admin: regulatory overlays, escalation units, names in three languages', () => {
  let e2e: E2EBrowser;
  let admin: Page;
  const stamp = Date.now().toString(36);

  beforeAll(async () => {
    e2e = await openBrowser();
    admin = await e2e.newPage({ locale: 'vi' });
    await login(admin, DEMO.admin);
  });

  afterAll(async () => {
    printAxeSummary('sla-admin');
    await e2e?.close();
  });

  it('a. switching on Law 19/2023 shows the clock it adds, asks, and the case shows it with its source', async () => {
    await admin.goto('/admin/sla-policies');
    const row = admin.locator(`[data-testid="preset-row"][data-code="${LAW}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-active')).toBe('false');
    expect(await row.getByTestId('preset-state').textContent()).toBe('Đang tắt');
    await row.getByTestId('preset-enable').click();

    const dialog = admin.getByTestId('preset-dialog');
    await dialog.waitFor();
    // What it adds, before anything changes: the commitment clock of Art. 57(2), with its source.
    const adds = await dialog.getByTestId('preset-clocks').textContent();
    expect(adds).toContain('Luật 19/2023/QH15, Điều 57(2)');
    expect(adds).toContain('đến 24:00 ngày làm việc thứ 7');
    expect(await dialog.textContent()).toContain('Bộ luật Dân sự 2015');
    await dialog.getByTestId('preset-day-count').waitFor();
    await checkA11y(admin, 'regulatory preset dialog');
    expect(await row.getAttribute('data-active')).toBe('false');
    await dialog.getByTestId('preset-confirm').click();
    await expect.poll(() => row.getAttribute('data-active'), { timeout: 15_000 }).toBe('true');
    expect(await row.getByTestId('preset-state').textContent()).toBe('Đang bật');

    // A new case: the policy's clocks run, and the legal one on top, labelled with its source.
    const filed = await fetch(`${e2e.baseUrl}/api/public/orgs/demo/complaints`, {
      method: 'POST',
      headers: publicClientHeaders(),
      body: JSON.stringify({
        name: `Lê Thị Luật ${stamp}`,
        phone: '0913555777',
        email: `luat.${stamp}@example.vn`,
        description: `Máy giặt hỏng sau một tuần (${stamp}).`,
        language: 'vi',
      }),
    });
    expect(filed.status).toBe(201);
    const { reference } = (await filed.json()) as { reference: string };
    await openCaseFromQueue(admin, reference);
    await admin.getByTestId('clocks-panel').waitFor();
    const legal = admin.locator(
      `[data-testid="clock-row"][data-source="${LAW}"][data-clock="commitment"]`,
    );
    await legal.waitFor({ timeout: 15_000 });
    expect(await legal.getByTestId('clock-source').textContent()).toBe(
      'Luật 19/2023/QH15, Điều 57(2)',
    );
    expect(
      await admin.locator('[data-testid="clock-row"][data-source="policy"]').count(),
    ).toBeGreaterThan(0);
    await checkA11y(admin, 'complaint clocks with a legal clock');

    // The label follows the UI's language.
    await switchLanguage(admin, 'en');
    await expect
      .poll(() => legal.getByTestId('clock-source').textContent(), { timeout: 15_000 })
      .toBe('Law 19/2023/QH15, Art. 57(2)');
    await switchLanguage(admin, 'vi');

    // Leave the demo org as it was: switched off, after a confirmation.
    await admin.goto('/admin/sla-policies');
    await row.waitFor({ timeout: 15_000 });
    await row.getByTestId('preset-switch-off').click();
    await admin.getByTestId('preset-confirm-off').click();
    await expect.poll(() => row.getAttribute('data-active'), { timeout: 15_000 }).toBe('false');
  });

  it('b. each escalation delay shows its unit, business time for the standard policy', async () => {
    await admin.goto('/admin/sla-policies');
    const policy = admin.getByTestId('policy-row').filter({ hasText: 'Tiêu chuẩn' }).first();
    await policy.waitFor({ timeout: 15_000 });
    await policy.getByTestId('policy-edit').click();
    const escalation = admin.getByTestId('policy-escalation');
    await escalation.waitFor();
    const amounts = escalation.locator('input[data-testid="escalation-amount"]');
    const units = escalation.locator('input[data-testid="escalation-unit"]');
    await expect.poll(() => units.count()).toBe(2);
    expect([await amounts.nth(0).inputValue(), await amounts.nth(1).inputValue()]).toEqual([
      '0',
      '4',
    ]);
    expect([await units.nth(0).inputValue(), await units.nth(1).inputValue()]).toEqual([
      'phút làm việc',
      'giờ làm việc',
    ]);
    // The policy's names are edited in three languages.
    for (const l of ['vi', 'en', 'zh']) await admin.getByTestId(`policy-name-${l}`).waitFor();
    expect(await admin.getByTestId('policy-name-vi').inputValue()).toBe('Tiêu chuẩn');
    await checkA11y(admin, 'policy editor with escalation units');
  });

  it('c. a task type takes three names, and the list shows the one of the UI language', async () => {
    await admin.goto('/admin/task-types');
    const row = admin.getByTestId('task-type-row').filter({ hasText: 'Giao lại hàng' }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.getByTestId('task-type-edit').click();
    const en = admin.getByTestId('task-type-name-en');
    await en.waitFor();
    expect(await admin.getByTestId('task-type-name-vi').inputValue()).toBe('Giao lại hàng');
    const englishBefore = await en.inputValue();
    const chineseBefore = await admin.getByTestId('task-type-name-zh').inputValue();
    await en.fill(`Redeliver goods ${stamp}`);
    await admin.getByTestId('task-type-name-zh').fill(`重新送货 ${stamp}`);
    await checkA11y(admin, 'task type names in three languages');
    await admin.getByTestId('task-type-submit').click();
    await admin.getByTestId('task-type-form').waitFor({ state: 'detached', timeout: 15_000 });

    await switchLanguage(admin, 'en');
    const english = admin
      .getByTestId('task-type-row')
      .filter({ hasText: `Redeliver goods ${stamp}` });
    await expect.poll(() => english.count(), { timeout: 15_000 }).toBe(1);
    expect(await english.textContent()).not.toContain('Giao lại hàng');
    await switchLanguage(admin, 'vi');
    await expect
      .poll(() => admin.getByTestId('task-type-row').filter({ hasText: 'Giao lại hàng' }).count())
      .toBe(1);

    // Leave the demo task type as it was.
    await admin
      .getByTestId('task-type-row')
      .filter({ hasText: 'Giao lại hàng' })
      .first()
      .getByTestId('task-type-edit')
      .click();
    await en.waitFor();
    await en.fill(englishBefore);
    await admin.getByTestId('task-type-name-zh').fill(chineseBefore);
    await admin.getByTestId('task-type-submit').click();
    await admin.getByTestId('task-type-form').waitFor({ state: 'detached', timeout: 15_000 });
  });
});
