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

const NAV_QUEUE = { vi: 'Danh sách khiếu nại', en: 'Complaint queue', zh: '投诉队列' } as const;
const HTML_LANG = { vi: 'vi', en: 'en', zh: 'zh-Hans' } as const;

async function switchLanguage(
  page: Page,
  language: keyof typeof NAV_QUEUE,
  a11yLabel?: string,
): Promise<void> {
  await page.getByTestId('language-switcher').first().click();
  const menu = page.getByRole('menu');
  await menu.waitFor();
  if (a11yLabel) await checkA11y(page, a11yLabel);
  await page.getByTestId(`language-option-${language}`).click();
  await menu.waitFor({ state: 'detached' });
  await expect.poll(() => page.getByTestId('nav-queue').textContent()).toBe(NAV_QUEUE[language]);
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(HTML_LANG[language]);
}

describe('admin pages, UI languages and queue keyboard shortcuts', () => {
  let e2e: E2EBrowser;
  let admin: Page;

  beforeAll(async () => {
    e2e = await openBrowser();
    admin = await e2e.newPage({ locale: 'vi' });
    await login(admin, DEMO.admin);
  });

  afterAll(async () => {
    printAxeSummary('admin-and-i18n');
    await e2e?.close();
  });

  it('the admin visits users, departments, reasons and templates', async () => {
    const pages = [
      { nav: 'nav-admin-users', path: '/admin/users', ready: 'users-table', row: 'user-row' },
      {
        nav: 'nav-admin-departments',
        path: '/admin/departments',
        ready: 'departments-tree',
        row: 'department-row',
      },
      {
        nav: 'nav-admin-reasons',
        path: '/admin/reasons',
        ready: 'reasons-tree',
        row: 'reason-row',
      },
      {
        nav: 'nav-admin-templates',
        path: '/admin/templates',
        ready: 'templates-grid',
        row: 'template-item',
      },
    ];
    for (const target of pages) {
      await admin.getByTestId(target.nav).click();
      await expect.poll(() => new URL(admin.url()).pathname).toBe(target.path);
      await admin.getByTestId(target.ready).waitFor();
      // The demo org is seeded, so every catalogue has entries to show.
      await expect.poll(() => admin.getByTestId(target.row).count()).toBeGreaterThan(0);
      expect(await admin.getByTestId(target.nav).getAttribute('aria-current')).toBe('page');
      await checkA11y(admin, target.path);
    }

    // The editor dialog is part of the page too.
    await admin.getByTestId('template-new').click();
    await admin.getByTestId('template-form').waitFor();
    await checkA11y(admin, '/admin/templates (new template dialog)');
    await admin.keyboard.press('Escape');
    await admin.getByTestId('template-form').waitFor({ state: 'detached' });
  });

  it('the admin sets the org’s mail sender and an inbound address; a bad DKIM key is named', async () => {
    await admin.getByTestId('nav-admin-mail').click();
    await expect.poll(() => new URL(admin.url()).pathname).toBe('/admin/mail');
    await admin.getByTestId('mail-from-name').fill('CSKH Demo');
    await admin.getByTestId('mail-from-address').fill('cskh@demo.ombud.vn');
    await admin.getByTestId('mail-dkim-switch').click();
    await admin.getByTestId('mail-dkim-domain').fill('demo.ombud.vn');
    await admin.getByTestId('mail-dkim-selector').fill('ombud');
    await admin.getByTestId('mail-dkim-key').fill('not a key');
    await admin.getByTestId('mail-sender-save').click();
    await expect
      .poll(() => admin.locator('.mantine-InputWrapper-error').allTextContents())
      .toContainEqual(expect.stringContaining('DKIM'));
    await checkA11y(admin, '/admin/mail (refused key)');
    await admin.getByTestId('mail-dkim-switch').click();
    await admin.getByTestId('mail-sender-save').click();
    await admin
      .getByText(/Đã lưu cài đặt thư|Mail settings saved|邮件设置已保存/)
      .first()
      .waitFor();
    const address = `support-${Date.now().toString(36)}@demo-e2e.test`;
    await admin.getByTestId('mail-address-input').fill(address);
    await admin.getByTestId('mail-address-add').click();
    await expect.poll(() => admin.getByTestId('mail-addresses').textContent()).toContain(address);
    const saved = (await (await admin.request.get('/api/mail-settings')).json()) as {
      fromName: string;
      addresses: string[];
    };
    expect(saved.fromName).toBe('CSKH Demo');
    expect(saved.addresses).toContain(address);
    // Leave the demo as it was for the other journeys.
    await admin.getByRole('button', { name: new RegExp(address) }).click();
    await expect
      .poll(() => admin.getByTestId('mail-addresses').textContent())
      .not.toContain(address);
    await checkA11y(admin, '/admin/mail');
  });

  it('switching the UI language changes the labels and <html lang>, and it sticks', async () => {
    await admin.getByTestId('nav-queue').click();
    await admin.getByTestId('queue-table').waitFor();
    expect(await admin.locator('html').getAttribute('lang')).toBe('vi');
    expect(await admin.getByTestId('nav-queue').textContent()).toBe(NAV_QUEUE.vi);

    await switchLanguage(admin, 'en', 'queue (language menu open)');
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe('Complaint queue');
    await checkA11y(admin, 'queue (English)');

    await switchLanguage(admin, 'zh');
    await admin.getByTestId('nav-admin-users').click();
    await admin.getByTestId('users-table').waitFor();
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe('用户');
    await checkA11y(admin, '/admin/users (Chinese)');

    // The choice survives a reload, and is saved on the account for the next device.
    await admin.reload();
    await admin.getByTestId('users-table').waitFor();
    expect(await admin.locator('html').getAttribute('lang')).toBe('zh-Hans');
    const me = await admin.request.get('/api/auth/me');
    expect(me.ok()).toBe(true);
    expect(((await me.json()) as { user: { locale: string } }).user.locale).toBe('zh');

    // Leave the demo admin as it was.
    await switchLanguage(admin, 'vi');
    await expect
      .poll(async () => {
        const response = await admin.request.get('/api/auth/me');
        return ((await response.json()) as { user: { locale: string } }).user.locale;
      })
      .toBe('vi');
  });

  it('on the queue, j j Enter opens the third complaint and / focuses the search', async () => {
    await admin.goto('/?scope=all');
    await admin.getByTestId('queue-table').waitFor();
    const rows = admin.getByTestId('queue-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    await checkA11y(admin, 'queue (all complaints)');

    // '/' moves focus to the search box without typing a slash into it.
    const search = admin.getByTestId('queue-search');
    await admin.keyboard.press('/');
    await expect.poll(() => admin.locator('[data-testid="queue-search"]:focus').count()).toBe(1);
    expect(await search.inputValue()).toBe('');
    // Escape leaves the box, so the letter keys drive the list again.
    await admin.keyboard.press('Escape');
    await expect.poll(() => admin.locator('[data-testid="queue-search"]:focus').count()).toBe(0);

    // '?' lists the shortcuts.
    await admin.keyboard.press('?');
    const help = admin.getByRole('dialog');
    await help.waitFor();
    await checkA11y(admin, 'queue (shortcuts help)');
    await admin.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    expect(await rows.nth(0).getAttribute('data-selected')).toBe('true');
    await admin.keyboard.press('j');
    await admin.keyboard.press('j');
    await expect.poll(() => rows.nth(2).getAttribute('data-selected')).toBe('true');
    expect(await admin.locator('[data-testid="queue-row"][data-selected="true"]').count()).toBe(1);
    const third = await rows.nth(2).getAttribute('data-complaint-id');
    const thirdReference = (await rows.nth(2).getByTestId('queue-row-link').textContent())?.trim();
    expect(third).toBeTruthy();

    await admin.keyboard.press('Enter');
    await expect.poll(() => new URL(admin.url()).pathname).toBe(`/complaints/${third}`);
    await admin.getByTestId('complaint-detail').waitFor();
    expect(await admin.getByTestId('complaint-reference').textContent()).toBe(thirdReference);
    await admin.getByTestId('timeline-event').first().waitFor();
    await checkA11y(admin, 'complaint detail (opened with the keyboard)');
  });
});
