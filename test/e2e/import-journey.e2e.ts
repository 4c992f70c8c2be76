import ExcelJS from 'exceljs';
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

// Issue 12: a manager imports the shop's orders from an Excel file (a merged title row, Excel
// dates, VND amounts written with `.` thousands separators, a bad row), checks it with a dry
// run, watches the run's progress bar, and opens the cohort report, whose spend moved by exactly
// the imported amounts. Then the win-back queue gets an entry after a subscription is cancelled.

const DAY = 86_400_000;

/** A staff call from the page, with the session's CSRF token. */
const callApi = (page: Page, method: string, url: string, body?: unknown) =>
  page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    },
    { method, url, body },
  );

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

type QueueItem = { id: string; customerPhone: string | null; createdAt: string };

/** Every case of the demo org, oldest pages included (the queue answers 200 a page). */
async function allComplaints(page: Page): Promise<QueueItem[]> {
  const items: QueueItem[] = [];
  for (let n = 1; n < 50; n++) {
    const res = await callApi(page, 'GET', `/api/complaints?pageSize=200&page=${n}`);
    expect(res.status).toBe(200);
    const batch = res.body.items as QueueItem[];
    items.push(...batch);
    if (batch.length < 200) break;
  }
  return items;
}

const spendAfterTotal = (report: Record<string, any>) =>
  (report.cohorts as { cohort: string; spendAfter: { total: number } }[])
    .filter((c) => c.cohort !== 'no_complaint')
    .reduce((sum, c) => sum + c.spendAfter.total, 0);

async function ordersWorkbook(phone: string, firstContact: Date, stamp: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đơn hàng');
  sheet.addRow(['Đơn hàng của cửa hàng', null, null, null]);
  sheet.mergeCells('A1:D1');
  sheet.addRow(['Mã đơn hàng', 'Ngày đặt hàng', 'Số tiền', 'Số điện thoại']);
  const at = (days: number) => new Date(firstContact.getTime() + days * DAY);
  sheet.addRow([`E2E-${stamp}-1`, at(10), '1.250.000', phone]);
  sheet.addRow([`E2E-${stamp}-2`, at(20), '2.000.000', phone]);
  sheet.addRow([`E2E-${stamp}-3`, at(30), 750_000, phone]);
  // Refused: a date that is no date, named by its column in the dry run.
  sheet.addRow([`E2E-${stamp}-4`, 'ngày mai', '500.000', phone]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('orders from Excel into the cohorts, and the win-back queue after a cancellation', () => {
  let e2e: E2EBrowser;
  let manager: Page;
  let admin: Page;
  let agent: Page;
  const stamp = Date.now().toString(36);

  beforeAll(async () => {
    e2e = await openBrowser();
    manager = await e2e.newPage({ locale: 'vi' });
    admin = await e2e.newPage('en');
    agent = await e2e.newPage('vi');
  });
  afterAll(async () => {
    printAxeSummary('import-journey');
    await e2e?.close();
  });

  it('a manager imports an .xlsx with a dry run, watches the progress and opens the cohorts', async () => {
    await login(manager, DEMO.manager);
    // The cohort page's own default range: complaints first contacted 183 to 90 days ago.
    const now = Date.now();
    const from = isoDay(new Date(now - 183 * DAY));
    const to = isoDay(new Date(now - 90 * DAY));
    const reportUrl = `/api/reports/cohorts?from=${from}&to=${to}&days=90`;
    const before = await callApi(manager, 'GET', reportUrl);
    expect(before.status).toBe(200);
    expect(before.body.currency).toBe('VND');

    // A customer with exactly one case, well inside the range: the orders land in its window.
    const cases = await allComplaints(manager);
    const byPhone = new Map<string, QueueItem[]>();
    for (const c of cases)
      if (c.customerPhone)
        byPhone.set(c.customerPhone, [...(byPhone.get(c.customerPhone) ?? []), c]);
    const low = now - 175 * DAY;
    const high = now - 100 * DAY;
    const [phone, [only]] = [...byPhone].find(
      ([, list]) =>
        list.length === 1 &&
        Date.parse(list[0]!.createdAt) > low &&
        Date.parse(list[0]!.createdAt) < high,
    )! as [string, QueueItem[]];
    expect(only).toBeDefined();

    await manager.getByTestId('nav-admin-import').click();
    await manager.getByTestId('import-page').waitFor();
    await checkA11y(manager, 'import page');
    // Orders is the page's first choice; the file goes in through the browser's file chooser.
    const chooser = manager.waitForEvent('filechooser');
    await manager.getByTestId('import-file').click();
    await (
      await chooser
    ).setFiles({
      name: `don-hang-${stamp}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await ordersWorkbook(phone, new Date(only!.createdAt), stamp),
    });
    await manager.getByTestId('import-upload').click();
    // The header under the merged title row is found and every column is proposed.
    const mapping = manager.getByTestId('import-mapping');
    await mapping.waitFor();
    await expect.poll(() => mapping.textContent()).toContain('Mã đơn hàng');

    await manager.getByTestId('import-dry-run').click();
    const dry = manager.getByTestId('import-dry-run-result');
    await dry.waitFor();
    await expect.poll(() => dry.textContent()).toContain('Đã kiểm tra cả 4 dòng.');
    const refused = dry.getByRole('row').filter({ hasText: `E2E-${stamp}-4` });
    await expect.poll(() => refused.textContent()).toContain('Bị từ chối');
    await expect.poll(() => refused.textContent()).toContain('Ngày đặt hàng');
    await checkA11y(manager, 'import dry run');

    await manager.getByTestId('import-start').click();
    const progress = manager.getByTestId('import-progress');
    await progress.waitFor();
    const bar = progress.getByRole('progressbar');
    await expect
      .poll(() => bar.getAttribute('aria-valuetext'), { timeout: 30_000 })
      .toBe('4 / 4 dòng');
    await expect.poll(() => progress.textContent(), { timeout: 30_000 }).toContain('Đã nhập xong');
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await expect.poll(() => progress.textContent()).toContain('1 dòng bị từ chối');
    await checkA11y(manager, 'import done');

    await manager.getByTestId('import-open-cohorts').click();
    await manager.getByTestId('cohorts-table').waitFor();
    await expect.poll(() => manager.getByTestId('cohorts-chart').locator('svg').count()).toBe(1);
    // 1,250,000 + 2,000,000 + 750,000 VND, in the 90 days after the customer's complaint.
    const after = await callApi(manager, 'GET', reportUrl);
    expect(spendAfterTotal(after.body) - spendAfterTotal(before.body)).toBe(4_000_000);
  });

  it('a cancelled subscription after a complaint puts the customer in the win-back queue', async () => {
    await login(agent, DEMO.agent);
    const name = `Phạm Gia Bảo ${stamp}`;
    const phone = `09${String(Date.now() % 100_000_000).padStart(8, '0')}`;
    const created = await callApi(agent, 'POST', '/api/complaints', {
      customer: { name, phone },
      channel: 'phone',
      severity: 'medium',
      description: `Mạng chập chờn cả tuần (${stamp})`,
      language: 'vi',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    // The billing system reports the subscription's start a year ago, and its cancellation now.
    await login(admin, DEMO.admin);
    const start = new Date(Date.now() - 365 * DAY).toISOString();
    const cancel = new Date(Date.now() + 1_000).toISOString();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const events = await callApi(admin, 'POST', '/api/subscription-events/bulk', {
      rows: [
        {
          externalId: `SUB-${stamp}-start`,
          subscriptionRef: `HD-${stamp}`,
          kind: 'start',
          plan: 'Internet 150 Mbps',
          amountMinor: 220_000,
          currency: 'VND',
          occurredAt: start,
          customer: { phone },
        },
        {
          externalId: `SUB-${stamp}-cancel`,
          subscriptionRef: `HD-${stamp}`,
          kind: 'cancel',
          occurredAt: cancel,
          customer: { phone },
        },
      ],
    });
    expect(events.status, JSON.stringify(events.body)).toBe(200);
    expect(
      (events.body.results as { status: string }[]).map((r) => r.status),
      JSON.stringify(events.body),
    ).toEqual(['created', 'created']);

    await agent.getByTestId('nav-win-back').click();
    const table = agent.getByTestId('win-back-table');
    await table.waitFor();
    const row = table.getByRole('row').filter({ hasText: name });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.textContent()).toContain('Đã hủy gói đăng ký');
    await checkA11y(agent, 'win-back after a cancellation');

    // The call: the offer within the agent's authority shows with its rule, then the outcome.
    await row.getByRole('button', { name: 'Ghi nhận cuộc gọi' }).click();
    const dialog = agent.getByRole('dialog');
    const offer = dialog.getByTestId('win-back-offer');
    await offer.waitFor();
    await expect.poll(() => offer.textContent()).toContain('Ưu đãi gợi ý');
    await expect.poll(() => offer.textContent()).toContain('10%');
    await checkA11y(agent, 'win-back call');
    await dialog.getByLabel('Ghi chú').fill('Khách đồng ý dùng lại gói');
    await dialog.getByTestId('win-back-call-outcome').click();
    await agent.getByRole('option', { name: 'Đã giành lại' }).click();
    await dialog.getByRole('button', { name: 'Ghi nhận cuộc gọi' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Closed now: it leaves the open queue.
    await expect.poll(() => row.count()).toBe(0);
  });
});
