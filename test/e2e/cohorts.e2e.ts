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

// The cohort report and the win-back queue on the demo org, in a real browser, with axe.
describe('cohorts after a complaint and the win-back queue', () => {
  let e2e: E2EBrowser;
  let manager: Page;

  beforeAll(async () => {
    e2e = await openBrowser();
    manager = await e2e.newPage({ locale: 'vi' });
  });
  afterAll(async () => {
    printAxeSummary('cohorts');
    await e2e?.close();
  });

  it('shows the bars, the table with every figure and its definitions', async () => {
    await login(manager, DEMO.manager);
    await manager.getByTestId('nav-report-cohorts').click();
    await manager.getByTestId('cohorts-table').waitFor();
    const chart = manager.getByTestId('cohorts-chart');
    await expect.poll(() => chart.getAttribute('role')).toBe('img');
    // The chart's description names every cohort with its mean and ratio, as the table does.
    const description = (await chart.getAttribute('aria-label')) ?? '';
    expect(description).toContain('Giải quyết ngay lần đầu');
    expect(description).toMatch(/×\d/);
    await expect.poll(() => chart.locator('svg').count()).toBeGreaterThan(0);
    const firstContact = manager.getByTestId('cohort-first_contact');
    await expect.poll(() => firstContact.count()).toBe(14);
    await expect
      .poll(() => manager.getByTestId('cohorts-table').textContent())
      .toContain('Chi tiêu trung bình, 90 ngày sau');
    await checkA11y(manager, 'cohorts report');
  });

  it('lists the customers to win back', async () => {
    await manager.getByTestId('nav-win-back').click();
    await manager.getByTestId('win-back').waitFor();
    await manager.getByTestId('win-back-rate').waitFor();
    await expect.poll(() => manager.getByTestId('win-back-table').count()).toBe(1);
    await checkA11y(manager, 'win-back');
  });
});
