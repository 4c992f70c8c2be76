import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkA11y,
  openBrowser,
  printAxeSummary,
  publicClientHeaders,
  type E2EBrowser,
} from './harness.ts';
import { kilobytes, measureScripts, type PageWeight } from './page-weight.ts';

// The pages customers open on a phone are light: the public form and the portal each load
// less than 80 KB of gzipped script before anyone touches them, as Chromium counts the bytes on
// the wire, brotli when the browser accepts it, and every hashed script cached for good.

const BUDGET = 80 * 1024;

describe('the customer pages are light on a phone', () => {
  let e2e: E2EBrowser;
  let trackingPath = '';

  beforeAll(async () => {
    e2e = await openBrowser();
    const stamp = Date.now().toString(36);
    const response = await fetch(`${e2e.baseUrl}/api/public/orgs/demo/complaints`, {
      method: 'POST',
      headers: publicClientHeaders(),
      body: JSON.stringify({
        name: `Phạm Thu Hà ${stamp}`,
        phone: `+8491${String(Date.now()).slice(-7)}`,
        description: `Đơn hàng giao thiếu một món (${stamp}).`,
        language: 'vi',
      }),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { trackingUrl: string };
    trackingPath = new URL(created.trackingUrl).pathname;
  });

  afterAll(async () => {
    printAxeSummary('customer-pages');
    await e2e?.close();
  });

  const expectLight = (label: string, gzip: PageWeight, brotli: PageWeight) => {
    console.log(
      `${label}: ${gzip.scripts.length} scripts, ${kilobytes(gzip.scriptBytes)} gzip, ${kilobytes(brotli.scriptBytes)} brotli (budget ${kilobytes(BUDGET)} gzip)`,
    );
    expect(gzip.scripts.length).toBeGreaterThan(0);
    expect(gzip.scriptBytes).toBeLessThan(BUDGET);
    for (const script of gzip.scripts) {
      expect(new URL(script.url).pathname).toMatch(/^\/assets\//);
      expect(script.encoding).toBe('gzip');
      expect(script.cacheControl).toBe('public, max-age=31536000, immutable');
    }
    for (const script of brotli.scripts) expect(script.encoding).toBe('br');
    expect(brotli.scriptBytes).toBeLessThan(gzip.scriptBytes);
    // Nothing of the console comes along.
    expect(gzip.scripts.map((s) => s.url).join(' ')).not.toMatch(/\/assets\/index-/);
  };

  const weigh = async (path: string, ready: (page: Page) => Promise<unknown>) => {
    const gzipPage = await e2e.newPage({ locale: 'vi', mobile: true });
    const gzip = await measureScripts(gzipPage, path, {
      encoding: 'gzip',
      until: () => ready(gzipPage),
    });
    const brotliPage = await e2e.newPage({ locale: 'vi', mobile: true });
    const brotli = await measureScripts(brotliPage, path, { until: () => ready(brotliPage) });
    return { gzip, brotli, page: brotliPage };
  };

  it('a. the public form', async () => {
    const { gzip, brotli, page } = await weigh('/complain/demo', (p) =>
      p.getByTestId('public-form').waitFor(),
    );
    expectLight('public form', gzip, brotli);
    await checkA11y(page, 'public form (phone)');
  });

  it('b. the portal', async () => {
    const { gzip, brotli, page } = await weigh(trackingPath, (p) =>
      p.getByTestId('portal').waitFor(),
    );
    expectLight('portal', gzip, brotli);
    await checkA11y(page, 'portal (phone)');
  });
});
