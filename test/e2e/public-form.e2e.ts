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

// A customer on a phone files a complaint on the public form in Vietnamese: an empty form is
// refused with every field's error at its field, then the filled-in form with a photo opens the
// tracking page in Vietnamese, on that phone and on another device set to Chinese. Staff then
// see the number as Vietnamese people write it, the facts filled in from the form, and pick a
// due time with the calendar.

/** The smallest PNG there is: one transparent pixel. */
const PIXEL_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a4d3a1c90000000049454e44ae426082',
  'hex',
);

/** The house style of a Vietnamese date and time: `08:00, Thứ Sáu 04/12/2026`. */
const VI_DATE_TIME = /^\d{2}:\d{2}, (Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật) \d{2}\/\d{2}\/\d{4}/;

describe('the public form on a phone, in Vietnamese', () => {
  let e2e: E2EBrowser;
  let customer: Page;
  const stamp = Date.now().toString(36);
  /** A number of its own, so no other journey's customer shares it. */
  const digits = String(Date.now()).slice(-6);
  const phone = { typed: `0918 ${digits.slice(0, 3)} ${digits.slice(3)}`, e164: `+84918${digits}` };
  const description = `Máy lọc nước giao đến bị nứt vỏ (${stamp}).`;
  let reference = '';
  let trackingPath = '';
  /** The demo org's first reason, as the form lists it in Vietnamese and in English. */
  const reason = { vi: '', en: '' };

  /** The error shown at the field of the input with this test id, tied to it by aria-describedby. */
  const errorAt = (page: Page, testId: string) =>
    page
      .locator('.field', { has: page.getByTestId(testId) })
      .locator('.field-error')
      .first();

  beforeAll(async () => {
    e2e = await openBrowser();
    customer = await e2e.newPage({ locale: 'vi', mobile: true });
    for (const lang of ['vi', 'en'] as const) {
      const response = await fetch(`${e2e.baseUrl}/api/public/orgs/demo`, {
        headers: { 'accept-language': lang },
      });
      const org = (await response.json()) as {
        reasons: { parentId: string | null; name: string }[];
      };
      reason[lang] = org.reasons.find((r) => r.parentId === null)?.name ?? '';
    }
    expect(reason.vi).not.toBe('');
    expect(reason.en).not.toBe(reason.vi);
  });

  afterAll(async () => {
    printAxeSummary('public-form');
    await e2e?.close();
  });

  it('a. an empty form is refused with every field’s error at its field, at once', async () => {
    await customer.goto('/complain/demo');
    await customer.getByTestId('public-form').waitFor();
    await customer.getByTestId('public-form-submit').click();

    await customer.getByTestId('public-form-fix-fields').waitFor();
    await expect
      .poll(() => errorAt(customer, 'public-name').textContent())
      .toBe('Họ tên là bắt buộc.');
    expect(await errorAt(customer, 'public-phone').textContent()).toBe(
      'Cần ít nhất số điện thoại hoặc email.',
    );
    expect(await errorAt(customer, 'public-description').textContent()).toBe(
      'Nội dung khiếu nại là bắt buộc.',
    );
    // Each message is at its field, not gathered in one box on top.
    expect(await customer.getByTestId('public-form-error').count()).toBe(0);
    expect(await customer.getByTestId('public-name').getAttribute('aria-invalid')).toBe('true');
    // Each message is also read out with its field.
    for (const field of ['public-name', 'public-phone', 'public-description']) {
      const describedBy = await customer.getByTestId(field).getAttribute('aria-describedby');
      expect(describedBy?.split(' ')).toContain(await errorAt(customer, field).getAttribute('id'));
    }
    // The first refused field takes the focus, so a phone scrolls to it.
    await expect
      .poll(() => customer.evaluate('document.activeElement?.dataset?.testid'))
      .toBe('public-name');
    await checkA11y(customer, 'public form with every field refused (phone)');
  });

  it('b. filled in with a photo, it opens the tracking page in Vietnamese', async () => {
    await customer.getByTestId('public-name').fill(`Trần Minh Khoa ${stamp}`);
    await customer.getByTestId('public-phone').fill(phone.typed.replaceAll(' ', ''));
    await customer.getByTestId('public-description').fill(description);
    await customer.getByTestId('public-order-ref').fill(`DH-${stamp}`);
    await customer.getByTestId('public-ask-text').fill('Đổi máy mới');
    await customer.getByTestId('public-reason').selectOption({ label: reason.vi });
    await customer
      .locator('input[type="file"]')
      .setInputFiles({ name: 'vo-nut.png', mimeType: 'image/png', buffer: PIXEL_PNG });
    await expect
      .poll(() => customer.getByTestId('public-file').textContent())
      .toContain('vo-nut.png');
    // The errors of the refused attempt go once the form is sent again and accepted.
    await customer.getByTestId('public-form-submit').click();

    await customer.getByTestId('public-form-success').waitFor({ timeout: 20_000 });
    reference = (await customer.getByTestId('public-reference').textContent()) ?? '';
    expect(reference).not.toBe('');
    await customer.getByTestId('public-tracking-link').click();
    await customer.getByTestId('portal').waitFor();
    trackingPath = new URL(customer.url()).pathname;
    expect(trackingPath).toMatch(/^\/track\//);
    expect(await customer.getByTestId('portal-reference').textContent()).toContain(reference);
    expect(await customer.evaluate('document.documentElement.lang')).toBe('vi');
    await expect
      .poll(() => customer.getByTestId('portal-attachments').textContent())
      .toContain('vo-nut.png');
    await checkA11y(customer, 'portal after the public form (phone)');
  });

  it('c. the tracking link opens in the form’s language on a device set to another', async () => {
    const elsewhere = await e2e.newPage({ locale: 'zh', mobile: true });
    await elsewhere.goto(trackingPath);
    await elsewhere.getByTestId('portal').waitFor();
    await expect.poll(() => elsewhere.evaluate('document.documentElement.lang')).toBe('vi');
    // The customer can still switch.
    await elsewhere.getByTestId('language-switcher').click();
    await elsewhere.getByTestId('language-option-en').click();
    await expect.poll(() => elsewhere.evaluate('document.documentElement.lang')).toBe('en');
    await elsewhere.getByTestId('portal').waitFor();
  });

  it('d. staff see the number as Vietnamese people write it, the facts from the form and the reason in their language', async () => {
    const agent = await e2e.newPage({ locale: 'vi' });
    await login(agent, DEMO.agent);
    await agent.goto('/');
    await agent.getByTestId('queue-table').waitFor();
    await agent
      .getByTestId('queue-scope')
      .locator('label[for$="-all"], label:has(input[value="all"])')
      .first()
      .click();
    await agent.getByTestId('queue-search').fill(reference);
    const rows = agent.getByTestId('queue-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain(phone.typed);
    await rows.first().getByTestId('queue-row-link').click();
    await agent.getByTestId('complaint-detail').waitFor();

    expect(await agent.getByTestId('customer-phone-display').textContent()).toBe(phone.typed);
    expect(await agent.getByTestId('customer-phone-display').getAttribute('href')).toBe(
      `tel:${phone.e164}`,
    );

    // The reason in the reader's language, whatever the case's.
    expect(await agent.getByTestId('complaint-reason-display').textContent()).toContain(reason.vi);
    // The first version of the facts starts from what the customer wrote.
    await agent.getByTestId('facts-prefilled').waitFor();
    expect(await agent.getByTestId('facts-what-happened').inputValue()).toBe(description);
    expect(await agent.getByTestId('facts-order-ref').inputValue()).toBe(`DH-${stamp}`);
    expect(await agent.getByTestId('facts-ask-text').inputValue()).toBe('Đổi máy mới');

    // The due time is picked on the calendar, not the browser's own picker, and reads back in
    // the house style.
    await agent.getByTestId('commitment-panel').waitFor();
    const due = agent.getByTestId('commit-due-input');
    await due.click();
    const nextMonth = agent.getByRole('button', { name: 'Tháng sau' });
    await nextMonth.click();
    const dialog = agent.getByRole('dialog');
    await dialog.locator('button:not([data-outside])', { hasText: /^15$/ }).first().click();
    await dialog.getByRole('button', { name: 'Dùng ngày giờ này' }).click();
    const field = agent.getByTestId('commit-due-input-field');
    await expect.poll(() => field.getAttribute('data-iso')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const iso = (await field.getAttribute('data-iso')) ?? '';
    const day = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
    }).format(new Date(iso));
    expect(day).toBe('15');
    expect((await due.textContent())?.trim()).toMatch(VI_DATE_TIME);
    expect(await agent.locator('input[type="date"], input[type="datetime-local"]').count()).toBe(0);
    await checkA11y(agent, 'complaint from the public form (console)');

    await agent.getByTestId('language-switcher').first().click();
    await agent.getByTestId('language-option-en').click();
    await expect
      .poll(() => agent.getByTestId('complaint-reason-display').textContent())
      .toContain(reason.en);
    // The choice is saved for the agent, so it goes back to Vietnamese for the journeys after.
    const savedLocale = async () => {
      const me = (await (await agent.request.get('/api/auth/me')).json()) as {
        user: { locale: string };
      };
      return me.user.locale;
    };
    await expect.poll(savedLocale).toBe('en');
    await agent.getByTestId('language-switcher').first().click();
    await agent.getByTestId('language-option-vi').click();
    await expect.poll(savedLocale).toBe('vi');
  });

  it('e. a day off is picked on the calendar and listed in the house style; hours are 24-hour', async () => {
    const admin = await e2e.newPage({ locale: 'vi' });
    await login(admin, DEMO.admin);
    await admin.goto('/admin/calendars');
    await admin.getByTestId('calendar-edit').first().click();
    await admin.getByTestId('holiday-overrides').waitFor();
    const year = await admin.getByTestId('holiday-year').inputValue();
    expect(await admin.locator('input[type="date"]').count()).toBe(0);

    await admin.getByTestId('override-add-date').click();
    const dialog = admin.getByRole('dialog').last();
    await dialog.locator('button:not([data-outside])', { hasText: /^15$/ }).first().click();
    const picked = new RegExp(`^15/\\d{2}/${year}`);
    await expect
      .poll(async () => (await admin.getByTestId('override-add-date').textContent())?.trim())
      .toMatch(picked);
    const date = await admin.getByTestId('override-add-date-field').getAttribute('data-date');
    expect(date).toMatch(new RegExp(`^${year}-\\d{2}-15$`));

    await admin.getByTestId('override-add-name').fill('Ngày hội công ty');
    await admin.getByTestId('override-add-submit').click();
    const row = admin.getByTestId('override-add-row');
    await expect.poll(() => row.count()).toBe(1);
    const [y, m, d] = (date ?? '').split('-');
    expect(await row.textContent()).toContain(`${d}/${m}/${y}`);
    expect(await row.textContent()).toContain('Ngày hội công ty');

    // Working hours are typed in the app's own 24-hour fields, the same in every language.
    const from = admin.getByTestId('period-from-mon-0');
    const before = (await from.getAttribute('data-value')) ?? '';
    expect(before).toMatch(/^\d{2}:\d{2}$/);
    const hours = from.getByRole('spinbutton', { name: /giờ$/ });
    await hours.click();
    await hours.press('Control+a');
    await hours.pressSequentially('09');
    await expect.poll(() => from.getAttribute('data-value')).toBe(`09${before.slice(2)}`);
    expect(await admin.locator('input[type="time"]').count()).toBe(0);
    await checkA11y(admin, 'calendar with a day off picked');
  });
});
