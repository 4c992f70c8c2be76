import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO,
  checkA11y,
  login,
  openBrowser,
  printAxeSummary,
  publicClientHeaders,
  type E2EBrowser,
} from './harness.ts';

// Step 8: the quality owner opens a problem for two complaints with one cause, records the root
// cause and a responsibility chain of three links, adds a corrective action, marks it done and
// starts the monitoring window (closed-loop management).
describe('fix the system: a problem from two cases → root cause → chain → action done → monitoring', () => {
  let e2e: E2EBrowser;
  let quality: Page;
  let agent: Page;
  const stamp = Date.now().toString(36);
  const references: string[] = [];
  const later: string[] = [];
  const title = `Máy giặt giao trễ do kho Bình Dương (${stamp})`;

  async function pick(page: Page, testId: string, optionText: string) {
    await page.getByTestId(testId).click();
    await page
      .getByRole('option', { name: new RegExp(optionText) })
      .first()
      .click();
  }

  const statusOfProblem = (page: Page) =>
    page.getByTestId('problem-header').getByTestId('problem-status').getAttribute('data-status');

  async function move(page: Page, to: string) {
    await page.getByTestId(`problem-move-${to}`).click();
    await expect.poll(() => statusOfProblem(page), { timeout: 15_000 }).toBe(to);
  }

  beforeAll(async () => {
    e2e = await openBrowser();
    quality = await e2e.newPage({ locale: 'vi' });
    agent = await e2e.newPage({ locale: 'vi' });
    for (const n of [1, 2]) await complain(n);
  });

  /** A customer's complaint through the public form; the first two before the problem exists. */
  async function complain(n: number) {
    const response = await fetch(`${e2e.baseUrl}/api/public/orgs/demo/complaints`, {
      method: 'POST',
      headers: publicClientHeaders(),
      body: JSON.stringify({
        name: `Phạm Văn Lộc ${n} ${stamp}`,
        phone: `098712${String(3400 + n).padStart(4, '0')}`,
        email: `loc${n}.${stamp}@example.vn`,
        description: `Máy giặt giao trễ, kho báo hết xe (${n <= 2 ? stamp : `${stamp}x`}, lần ${n}).`,
        language: 'vi',
      }),
    });
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    (n <= 2 ? references : later).push(reference);
  }

  afterAll(async () => {
    printAxeSummary('problems');
    await e2e?.close();
  });

  it('a. quality opens a new problem from the problems page', async () => {
    await login(quality, DEMO.quality);
    await quality.getByTestId('nav-problems').click();
    await quality.getByTestId('problem-new').waitFor();
    await checkA11y(quality, 'problems list');
    await quality.getByTestId('problems-view').getByText('Bảng', { exact: true }).click();
    await quality.getByTestId('problems-board').waitFor();
    await checkA11y(quality, 'problems board');
    await quality.getByTestId('problem-new').click();
    await quality.getByTestId('problem-new-title-vi').fill(title);
    await quality
      .getByTestId('problem-new-description')
      .fill('Hai khách báo máy giặt giao trễ ba ngày trong cùng một tuần.');
    await quality.getByTestId('problem-new-products').fill('Máy giặt LG 9kg');
    await quality.getByTestId('problem-new-products').press('Enter');
    await pick(quality, 'problem-new-reason', 'Giao hàng chậm');
    await checkA11y(quality, 'new problem dialog');
    await quality.getByTestId('problem-new-submit').click();
    await quality.getByTestId('problem-detail').waitFor();
    expect(await quality.getByTestId('problem-title').textContent()).toBe(title);
    expect(await statusOfProblem(quality)).toBe('open');
  });

  it('b. links the two cases by pasting their references', async () => {
    await quality.getByTestId('link-more-input').fill(references.join('\n'));
    await quality.getByTestId('link-more-submit').click();
    await expect
      .poll(() => quality.getByTestId('linked-complaint').count(), { timeout: 15_000 })
      .toBe(2);
    for (const reference of references)
      await quality
        .locator(`[data-testid="linked-complaint"][data-reference="${reference}"]`)
        .waitFor();
  });

  it('c. records the root cause with the 5 whys', async () => {
    await move(quality, 'analysing');
    await pick(quality, 'root-cause-category', 'Quy trình');
    await quality
      .getByTestId('root-cause-analysis')
      .fill('Kho không giữ xe dự phòng cho hàng cồng kềnh vào cuối tuần.');
    await quality.getByTestId('root-cause-add-why').click();
    await quality.getByLabel('Tại sao 1?').fill('Vì sao giao trễ?');
    await quality.getByLabel('Vì (1)').fill('Không có xe tải trống.');
    await quality.getByTestId('root-cause-save').click();
    await quality.getByTestId('root-cause-saved').waitFor({ timeout: 15_000 });
  });

  it('d. records a responsibility chain of three links', async () => {
    await quality.getByTestId('chain-edit').click();
    const links = [
      ['Nguyễn Thị Mai', 'Tiếp nhận khiếu nại'],
      ['Trần Văn Hùng', 'Kiểm soát chất lượng'],
      ['Lê Quốc Bảo', 'Trưởng kho Bình Dương'],
    ];
    for (const [i, [name, role]] of links.entries()) {
      await quality.getByTestId('chain-add-link').click();
      await quality.getByTestId('chain-edit-name').nth(i).fill(name!);
      await quality.getByTestId('chain-edit-role').nth(i).fill(role!);
    }
    await checkA11y(quality, 'chain editor');
    await quality.getByTestId('chain-save').click();
    await expect.poll(() => quality.getByTestId('chain-link').count(), { timeout: 15_000 }).toBe(3);
    expect(await quality.getByTestId('chain-link').nth(2).textContent()).toContain('Lê Quốc Bảo');
  });

  it('e. adds a corrective action and marks it done', async () => {
    await move(quality, 'action');
    await quality.getByTestId('action-new-open').click();
    await quality
      .getByTestId('action-new-description')
      .fill('Ký hợp đồng xe dự phòng cuối tuần với nhà xe.');
    await quality.getByTestId('action-new-days').fill('3');
    await quality.getByTestId('action-new-submit').click();
    const action = quality.getByTestId('action-item').first();
    await action.waitFor({ timeout: 15_000 });
    expect(await action.getAttribute('data-kind')).toBe('corrective');
    await action.getByTestId('action-evidence-input').fill('Hợp đồng số 12/2026 đã ký.');
    await action.getByTestId('action-evidence-add').click();
    await action.getByTestId('action-evidence').first().waitFor({ timeout: 15_000 });
    await pick(quality, 'action-status-select', 'Đã xong');
    await expect
      .poll(() => quality.getByTestId('action-item').first().getAttribute('data-status'), {
        timeout: 15_000,
      })
      .toBe('done');
    await checkA11y(quality, 'problem page with its action');
  });

  it('f. starts monitoring: the window runs and Close is refused while it does', async () => {
    await move(quality, 'monitoring');
    const card = quality.getByTestId('monitoring-card');
    await expect
      .poll(() => card.getByTestId('monitoring-decision').getAttribute('data-decision'), {
        timeout: 15_000,
      })
      .toBe('watching');
    await quality.getByTestId('problem-close').click();
    await quality.getByTestId('monitoring-close-error').waitFor({ timeout: 15_000 });
    expect(await statusOfProblem(quality)).toBe('monitoring');
    await quality.getByTestId('effectiveness-svg').waitFor();
    await quality.getByTestId('effectiveness-table').waitFor({ state: 'attached' });
    await checkA11y(quality, 'problem in monitoring');
  });

  it('g. the case shows its problem at step 8; the quality home and the report show it too', async () => {
    await quality.getByTestId('linked-complaint').first().getByRole('link').first().click();
    await quality.getByTestId('complaint-detail').waitFor();
    await quality.getByTestId('step-prevent').getByTestId('case-problem').waitFor();
    await checkA11y(quality, 'case with step 8');
    await quality.goto('/quality');
    await quality.getByTestId('home-monitoring-table').getByText(title).waitFor();
    await checkA11y(quality, 'quality home');
    await quality.goto('/reports/problems');
    await quality.getByTestId('report-root-causes-definition').waitFor();
    await checkA11y(quality, 'problem report');
  });

  it('h. an agent links two later cases from the queue: they show as recurrences', async () => {
    // Received after the window started: linking them makes them recurrences.
    for (const n of [3, 4]) await complain(n);
    await login(agent, DEMO.agent);
    await agent.getByTestId('queue-table').waitFor();
    await agent.getByTestId('queue-search').fill(`${stamp}x`);
    const rows = agent.getByTestId('queue-row');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);
    await agent.locator('body').click({ position: { x: 5, y: 5 } });
    await agent.keyboard.press('Shift+A');
    await agent.getByTestId('queue-bulk-link').click();
    await pick(agent, 'link-to-problem-picker', stamp);
    await checkA11y(agent, 'link to problem from the queue');
    await agent.getByTestId('link-to-problem-submit').click();
    await expect
      .poll(() => agent.getByTestId('queue-bulk-bar').count(), { timeout: 15_000 })
      .toBe(0);
    await rows.first().getByTestId('queue-row-link').click();
    await agent.getByTestId('step-prevent').getByTestId('case-problem').waitFor();
    await quality.goto('/problems');
    await quality.getByTestId('problems-filter-text').fill(stamp);
    await quality.getByTestId('problem-row').getByRole('link').first().click();
    await expect
      .poll(() => quality.getByTestId('recurrence-badge').count(), { timeout: 15_000 })
      .toBe(2);
    for (const reference of later)
      await quality
        .locator(`[data-testid="linked-complaint"][data-reference="${reference}"]`)
        .waitFor();
  });
});
