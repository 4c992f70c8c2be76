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

// The manager opens the analytics page from the reports navigation: the charts draw, each has
// its definition and its table, and the page holds on a phone.
describe('analytics: charts with their definitions, tables and downloads', () => {
  let e2e: E2EBrowser;
  let manager: Page;

  beforeAll(async () => {
    e2e = await openBrowser();
    manager = await e2e.newPage({ locale: 'vi' });
    await login(manager, DEMO.manager);
  });
  afterAll(async () => {
    printAxeSummary('analytics.e2e.ts');
    await e2e?.close();
  });

  it('shows the heatmaps and the weekly figures, with a table toggle', async () => {
    await manager.getByTestId('nav-report-analytics').first().click();
    await manager.getByTestId('analytics-page').waitFor({ timeout: 30_000 });
    const card = manager.getByTestId('analytics-chart-volume_heatmap');
    await card.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => manager.getByTestId('analytics-echart-volume_heatmap').locator('svg').count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    expect(await card.textContent()).toContain('múi giờ của tổ chức');
    await manager.getByTestId('analytics-table-toggle-first_contact').click({ force: true });
    await manager.getByTestId('analytics-table-first_contact').waitFor({ state: 'visible' });
    const csv = await card.getByText('CSV').getAttribute('href');
    expect(csv).toMatch(/^\/api\/analytics\/volume_heatmap\/export\?format=csv/);
    await checkA11y(manager, 'analytics page');
  });

  it('holds on a phone', async () => {
    const phone = await e2e.newPage({ locale: 'en', mobile: true });
    await login(phone, DEMO.manager);
    await phone.goto(`${e2e.baseUrl}/reports/analytics`);
    await phone.getByTestId('analytics-chart-first_contact').waitFor({ timeout: 30_000 });
    const overflow = await phone.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(1);
    await checkA11y(phone, 'analytics page on a phone');
  });
});
