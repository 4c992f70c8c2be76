/*
 * What a page costs a phone before anyone touches it, as Chromium itself counts it: the bytes
 * of every script that came over the wire (CDP Network events' encodedDataLength: headers and
 * the body as it was encoded), until the network is quiet. Used by the customer-pages journey
 * and by bench/pages.bench.ts.
 */
import type { Page } from 'playwright-core';

export type ScriptTransfer = {
  url: string;
  /** Bytes on the wire, headers included. */
  transferred: number;
  encoding: string;
  cacheControl: string;
};

export type PageWeight = {
  /** Every script the page loaded before interaction. */
  scripts: ScriptTransfer[];
  /** Their bytes on the wire, together. */
  scriptBytes: number;
};

type ResponseEvent = {
  requestId: string;
  type?: string;
  response: { url: string; headers: Record<string, string> };
};

/**
 * Opens the URL in a fresh page and sums what its scripts transferred. With `encoding` the
 * browser asks for that encoding only (e.g. `gzip`, the figure the budget is written in);
 * otherwise it asks as it always does (brotli first).
 */
export async function measureScripts(
  page: Page,
  url: string,
  options: { encoding?: string; until?: () => Promise<unknown> } = {},
): Promise<PageWeight> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  // A cold visit: nothing from the memory or disk cache.
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (options.encoding)
    await cdp.send('Network.setExtraHTTPHeaders', {
      headers: { 'Accept-Encoding': options.encoding },
    });
  const scripts = new Map<string, { url: string; encoding: string; cacheControl: string }>();
  const sizes = new Map<string, number>();
  cdp.on('Network.responseReceived', (event: ResponseEvent) => {
    if (event.type !== 'Script') return;
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), value]),
    );
    scripts.set(event.requestId, {
      url: event.response.url,
      encoding: headers['content-encoding'] ?? 'identity',
      cacheControl: headers['cache-control'] ?? '',
    });
  });
  cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
    sizes.set(event.requestId, event.encodedDataLength);
  });
  await page.goto(url, { waitUntil: 'load' });
  if (options.until) await options.until();
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await cdp.detach();
  const list = [...scripts.entries()].map(([id, script]) => ({
    ...script,
    transferred: sizes.get(id) ?? 0,
  }));
  return { scripts: list, scriptBytes: list.reduce((sum, s) => sum + s.transferred, 0) };
}

/** Bytes as people read them: `21.4 KB`. */
export const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
