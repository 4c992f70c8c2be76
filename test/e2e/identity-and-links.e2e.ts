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

/** What i18next shows for a missing translation: the key itself, e.g. "trackingLinks.new". */
const UNTRANSLATED_KEY =
  /\b(customerDuplicates|customerEdit|trackingLinks|attachments|timeline|portal|detail)\.[a-z][\w.]*/;

// Customer identity and the customer's private links: a complaint from the public form that
// conflicts with a known customer gets a record of its own, which an agent compares and merges;
// the agent edits the customer record; new tracking links replace and stop the old ones; staff
// files are internal unless shared; and a link of a case closed long ago shows a friendly page.
// Steps share state, so they run in order; the last one moves the server clock forward.
describe('customer identity, tracking links and shared files', () => {
  let e2e: E2EBrowser;
  let agent: Page;
  let customer: Page;
  const stamp = Date.now().toString(36);
  const digits = String(Date.now() % 1_000_000).padStart(6, '0');
  const known = {
    name: `Phạm Minh Anh ${stamp}`,
    phone: `0987${digits}`,
    email: `minhanh.${stamp}@example.vn`,
  };
  const conflicting = {
    name: `Phạm Văn Bình ${stamp}`,
    phone: `0987 ${digits.slice(0, 3)} ${digits.slice(3)}`,
    email: `binh.${stamp}@example.vn`,
  };
  const otherPhone = `0986${digits}`;
  let knownCase = { reference: '', trackingPath: '' };
  let reference = '';
  let complaintId = '';
  let formLinkPath = '';
  let firstNewLinkPath = '';
  let currentLinkPath = '';
  const files = {
    internal: `ghi-chu-noi-bo-${stamp}.txt`,
    shared: `bien-ban-cho-khach-${stamp}.txt`,
  };

  /** A complaint filed on the public form over the API, as the form does. */
  async function filePublicComplaint(body: Record<string, string>) {
    const response = await fetch(`${e2e.baseUrl}/api/public/orgs/demo/complaints`, {
      method: 'POST',
      headers: publicClientHeaders(),
      body: JSON.stringify({ language: 'vi', ...body }),
    });
    expect(response.status).toBe(201);
    const { reference, trackingUrl } = (await response.json()) as {
      reference: string;
      trackingUrl: string;
    };
    return { reference, trackingPath: new URL(trackingUrl).pathname };
  }

  /** A state-changing API call from a signed-in page, with its CSRF token. */
  async function callApi(page: Page, method: string, path: string, body?: unknown) {
    return page.evaluate(
      async ({ method, path, body }) => {
        const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
        const r = await fetch(path, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: r.status, json: (await r.json()) as unknown };
      },
      { method, path, body },
    );
  }

  async function upload(page: Page, filename: string, text: string) {
    await page
      .locator('section[aria-labelledby="attachments-title"] input[type="file"]')
      .setInputFiles({ name: filename, mimeType: 'text/plain', buffer: Buffer.from(text) });
    const item = page.locator(`[data-testid="attachment-item"][data-filename="${filename}"]`);
    await item.waitFor({ timeout: 15_000 });
    return item;
  }

  beforeAll(async () => {
    e2e = await openBrowser();
    agent = await e2e.newPage({ locale: 'vi' });
    customer = await e2e.newPage({ locale: 'vi', mobile: true });
    knownCase = await filePublicComplaint({
      ...known,
      description: `Máy lọc nước rò rỉ sau hai ngày sử dụng (${stamp}).`,
    });
    // Another customer, who holds the phone the agent will try to give this one by mistake.
    await filePublicComplaint({
      name: `Lê Thị Cúc ${stamp}`,
      phone: otherPhone,
      description: `Hoá đơn bị tính sai (${stamp}).`,
    });
  });

  afterAll(async () => {
    printAxeSummary('identity-and-links');
    await e2e?.close();
  });

  it('a. someone files a complaint with a known phone, another name and another e-mail', async () => {
    await customer.goto('/complain/demo');
    await customer.getByTestId('public-form').waitFor();
    await customer.getByTestId('public-name').fill(conflicting.name);
    await customer.getByTestId('public-phone').fill(conflicting.phone);
    await customer.getByTestId('public-email').fill(conflicting.email);
    await customer
      .getByTestId('public-description')
      .fill(`Tôi là người nhà, máy lọc nước vẫn rò rỉ (${stamp}).`);
    await customer.getByTestId('public-form-submit').click();
    await customer.getByTestId('public-form-success').waitFor();
    reference = ((await customer.getByTestId('public-reference').textContent()) ?? '').trim();
    const href = await customer.getByTestId('public-tracking-link').getAttribute('href');
    formLinkPath = new URL(href!, e2e.baseUrl).pathname;
    expect(formLinkPath).toMatch(/^\/track\/[^/]+$/);
  });

  it('b. the agent sees the possible duplicate on the case page', async () => {
    await login(agent, DEMO.agent);
    await openCaseFromQueue(agent, reference);
    complaintId = (await agent.getByTestId('complaint-detail').getAttribute('data-complaint-id'))!;
    // Intake never overwrote the known customer: this case has a record of its own.
    expect(await agent.getByTestId('customer-name-display').textContent()).toBe(conflicting.name);
    await agent.getByTestId('customer-duplicate-badge').waitFor();
    const alert = agent.getByTestId('customer-duplicate-alert');
    await alert.waitFor();
    await expect
      .poll(() => alert.getByTestId('customer-duplicate-item').allTextContents())
      .toEqual([expect.stringContaining(known.name)]);
    // Mail about this case goes to the contact given with it.
    expect(await agent.getByTestId('case-contact-email').textContent()).toBe(conflicting.email);
    expect(await agent.getByTestId('complaint-detail').textContent()).not.toMatch(UNTRANSLATED_KEY);
    await checkA11y(agent, 'complaint detail (possible duplicate)');
  });

  it('c. without customer:update, a responder may compare but not merge or edit', async () => {
    const responder = await e2e.newPage({ locale: 'vi' });
    await login(responder, DEMO.responder);
    await responder.goto(`/complaints/${complaintId}`);
    await responder.getByTestId('customer-duplicate-alert').waitFor();
    await responder.getByTestId('customer-compare-open').click();
    await responder.getByTestId('customer-compare-table').waitFor();
    expect(await responder.getByTestId('merge-start').count()).toBe(0);
    expect(await responder.getByTestId('customer-edit-open').count()).toBe(0);
    // Tracking links need complaint:message, which a responder does not have.
    expect(await responder.getByTestId('tracking-links').count()).toBe(0);
    await checkA11y(responder, 'compare customers (read only)');
    await responder.close();
  });

  it('d. the agent compares the two records side by side and merges, keeping the known one', async () => {
    await agent.getByTestId('customer-compare-open').click();
    const table = agent.getByTestId('customer-compare-table');
    await table.waitFor();
    const cell = (row: string, side: 'current' | 'other') =>
      table.getByTestId(`compare-row-${row}`).getByTestId(`compare-${side}`).textContent();
    expect(await cell('name', 'current')).toBe(conflicting.name);
    expect(await cell('name', 'other')).toBe(known.name);
    expect(await cell('email', 'current')).toBe(conflicting.email);
    expect(await cell('email', 'other')).toBe(known.email);
    // The phone is the same number, stored in one format.
    expect(await cell('phone', 'current')).toBe(await cell('phone', 'other'));
    expect(await table.getByTestId('compare-row-phone').getAttribute('data-differs')).toBe('false');
    expect(await table.getByTestId('compare-row-name').getAttribute('data-differs')).toBe('true');
    // The record this one copies is offered as the one that stays.
    expect(await agent.getByTestId('merge-keep-other').isChecked()).toBe(true);
    await checkA11y(agent, 'compare and merge customers');

    await agent.getByTestId('merge-start').click();
    const confirmText = agent.getByTestId('merge-confirm-text');
    await confirmText.waitFor();
    expect(await confirmText.textContent()).toBe(
      `Giữ lại “${known.name}”. “${conflicting.name}” sẽ bị xoá và các khiếu nại của nó chuyển sang “${known.name}”. Không thể hoàn tác.`,
    );
    await checkA11y(agent, 'confirm the merge');
    await agent.getByTestId('merge-confirm-submit').click();

    await agent.getByTestId('customer-compare').waitFor({ state: 'detached' });
    await expect
      .poll(() => agent.getByTestId('customer-name-display').textContent())
      .toBe(known.name);
    await agent.getByTestId('customer-duplicate-alert').waitFor({ state: 'detached' });
    expect(await agent.getByTestId('customer-duplicate-badge').count()).toBe(0);
    // The case keeps the contact given with it; the record that stayed keeps its own e-mail.
    expect(await agent.getByTestId('case-contact-email').textContent()).toBe(conflicting.email);
    expect(await agent.getByTestId('complaint-customer').textContent()).toContain(known.email);
    await checkA11y(agent, 'complaint detail (customers merged)');
  });

  it('e. the agent edits the customer record; a phone another customer holds is refused on its field', async () => {
    await agent.getByTestId('customer-edit-open').click();
    const form = agent.getByTestId('customer-edit-form');
    await form.waitFor();
    await checkA11y(agent, 'edit customer record');
    const phone = agent.getByTestId('customer-edit-phone');
    const storedPhone = await phone.inputValue();
    await agent.getByTestId('customer-edit-tier').fill('Vàng');
    await phone.fill(otherPhone);
    await agent.getByTestId('customer-edit-submit').click();
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    expect(await form.textContent()).toContain('Dữ liệu đã bị thay đổi hoặc trùng lặp.');
    // The error is the phone's, not the form's.
    expect(await form.getByTestId('error-alert').count()).toBe(0);

    await phone.fill(storedPhone);
    await agent.getByTestId('customer-edit-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect
      .poll(() => agent.getByTestId('customer-tier-display').textContent())
      .toContain('Vàng');
  });

  it('f. a new link is shown once; a new link that stops the old ones leaves them "not found"', async () => {
    await agent.getByTestId('tracking-link-new').click();
    const issued = agent.getByTestId('tracking-link-issued');
    await issued.waitFor();
    firstNewLinkPath = new URL(await agent.getByTestId('tracking-link-url').inputValue()).pathname;
    expect(firstNewLinkPath).toMatch(/^\/track\/[^/]+$/);
    expect(firstNewLinkPath).not.toBe(formLinkPath);
    await agent.getByTestId('tracking-link-private-note').waitFor();
    await agent.getByTestId('tracking-link-copy').waitFor();
    await checkA11y(agent, 'tracking link issued');

    await agent.getByTestId('tracking-link-replace').click();
    await expect
      .poll(async () => new URL(await agent.getByTestId('tracking-link-url').inputValue()).pathname)
      .not.toBe(firstNewLinkPath);
    currentLinkPath = new URL(await agent.getByTestId('tracking-link-url').inputValue()).pathname;
    // The link from the public form and the first new one.
    expect(await agent.getByTestId('tracking-link-revoked-count').textContent()).toBe(
      '2 đường dẫn cũ đã ngừng hoạt động.',
    );

    for (const stopped of [formLinkPath, firstNewLinkPath]) {
      await customer.goto(stopped);
      await customer.getByTestId('portal-not-found').waitFor();
      expect(await customer.getByTestId('portal').count()).toBe(0);
    }
    expect(await customer.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Không tìm thấy đường dẫn',
    );
    await checkA11y(customer, 'portal link not found (phone)');

    await customer.goto(currentLinkPath);
    await customer.getByTestId('portal').waitFor();
    await expect.poll(() => customer.getByTestId('portal-reference').textContent()).toBe(reference);
  });

  it('g. a staff file is internal unless shared; the customer sees only the shared one', async () => {
    const share = agent.getByTestId('attachment-visible-to-customer');
    expect(await share.isChecked()).toBe(false);
    const internal = await upload(agent, files.internal, 'Ghi chú nội bộ: kiểm tra lô hàng.');
    expect(await internal.getByTestId('attachment-visibility').getAttribute('data-visible')).toBe(
      'false',
    );

    await share.check();
    const shared = await upload(agent, files.shared, 'Biên bản kiểm tra gửi khách hàng.');
    expect(await shared.getByTestId('attachment-visibility').getAttribute('data-visible')).toBe(
      'true',
    );
    // Sharing never carries over to the next upload.
    expect(await share.isChecked()).toBe(false);
    await checkA11y(agent, 'attachments (internal and shared)');

    await customer.reload();
    const portalFiles = customer.getByTestId('portal-attachments');
    await portalFiles.waitFor();
    expect(await portalFiles.textContent()).toContain(files.shared);
    expect(await customer.getByTestId('portal').textContent()).not.toContain(files.internal);
    await checkA11y(customer, 'portal with a shared file (phone)');
  });

  it('h. "stop all links", confirmed, stops the current link too', async () => {
    await agent.getByTestId('tracking-links-revoke').click();
    await agent.getByTestId('tracking-links-revoke-confirm').waitFor();
    await checkA11y(agent, 'confirm stopping all links');
    await agent.getByTestId('tracking-links-revoke-confirm').click();
    await expect
      .poll(() => agent.getByTestId('tracking-links-revoked').textContent())
      .toBe('Đã dừng 1 đường dẫn.');
    expect(await agent.getByTestId('tracking-link-issued').count()).toBe(0);
    const revokedEvent = agent.locator(
      '[data-testid="timeline-event"][data-type="tracking_link.revoked"]',
    );
    await revokedEvent.waitFor({ timeout: 15_000 });
    expect(await agent.getByTestId('timeline').textContent()).not.toMatch(UNTRANSLATED_KEY);

    await customer.reload();
    await customer.getByTestId('portal-not-found').waitFor();
  });

  it('i. the mailbox says that customer links are hidden from staff', async () => {
    await agent.getByTestId('complaint-mailbox-link').click();
    await agent.getByTestId('mailbox-list').waitFor();
    expect(await agent.getByTestId('mailbox-links-hidden').textContent()).toContain('/track/…');
    await checkA11y(agent, 'dev mailbox (links hidden note)');
  });

  it('j. the link of a case closed more than 90 days ago shows a friendly, localised page', async () => {
    const found = (await agent.evaluate(async (ref) => {
      const r = await fetch(`/api/complaints?scope=all&q=${encodeURIComponent(ref)}`);
      return ((await r.json()) as { items: { id: string }[] }).items;
    }, knownCase.reference)) as { id: string }[];
    expect(found).toHaveLength(1);
    const cancelled = await callApi(agent, 'POST', `/api/complaints/${found[0]!.id}/status`, {
      status: 'cancelled',
    });
    expect(cancelled.status).toBe(200);

    const admin = await e2e.newPage({ locale: 'vi' });
    await login(admin, DEMO.admin);
    const moved = await callApi(admin, 'POST', '/api/dev/clock', {
      advanceMinutes: 91 * 24 * 60,
    });
    expect(moved.status).toBe(200);
    await admin.close();

    const visitor = await e2e.newPage({ locale: 'en', mobile: true });
    await visitor.goto(knownCase.trackingPath);
    const expired = visitor.getByTestId('portal-expired');
    await expired.waitFor();
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe(
      'This link has expired',
    );
    const message = visitor.getByTestId('portal-unavailable-message');
    expect(await message.textContent()).toContain(knownCase.reference);
    expect(await message.textContent()).toContain('Công ty TNHH Demo');
    expect(await message.textContent()).toContain('expired');
    await checkA11y(visitor, 'portal link expired (phone, en)');

    // The customer's language goes to the server, which words the message in it.
    await visitor.getByTestId('language-switcher').first().click();
    await visitor.getByTestId('language-option-zh').click();
    await expect.poll(() => message.textContent()).toContain('已过期');
    expect(await message.textContent()).toContain(knownCase.reference);
    expect(await visitor.getByRole('heading', { level: 1 }).textContent()).toBe('此链接已过期');
  });
});
