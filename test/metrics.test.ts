import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.ts';
import { startMetricsPort } from '../src/entrypoints/app.ts';
import { hasBearerToken } from '../src/platform/http/metrics-endpoint.ts';
import { createTestContext, type TestContext } from './helpers.ts';

// /metrics is not anonymous: a bearer token on the main port, or a port of its own on the
// loopback address; with neither it is off.

const TOKEN = 'metrics-token-0123456789abcdef';

let off: TestContext;
let withToken: TestContext;
beforeAll(async () => {
  off = await createTestContext();
  withToken = await createTestContext({ env: { METRICS_TOKEN: TOKEN } });
});
afterAll(async () => {
  await off.close();
  await withToken.close();
});

const scrape = (ctx: TestContext, authorization?: string) =>
  ctx.app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { 'accept-language': 'en', ...(authorization ? { authorization } : {}) },
  });

describe('/metrics on the main port', () => {
  it('is off without METRICS_TOKEN', async () => {
    const response = await scrape(off);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
    expect(response.body).not.toContain('ombud_');
    expect((await scrape(off, `Bearer ${TOKEN}`)).statusCode).toBe(404);
  });

  it('answers only with the bearer token', async () => {
    for (const authorization of [
      undefined,
      'Bearer',
      'Bearer wrong',
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN}x`,
      `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`,
      TOKEN,
    ]) {
      const refused = await scrape(withToken, authorization);
      expect(refused.statusCode, String(authorization)).toBe(401);
      expect(refused.json().error).toEqual({ code: 'unauthenticated', message: 'Please sign in.' });
      expect(refused.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    }
    const scraped = await scrape(withToken, `Bearer ${TOKEN}`);
    expect(scraped.statusCode).toBe(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain/);
    expect(scraped.body).toContain('ombud_http_request_duration_seconds');
  });

  it('compares the token in constant time, whatever the length of the guess', () => {
    expect(hasBearerToken(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(hasBearerToken('Bearer a', TOKEN)).toBe(false);
    expect(hasBearerToken(`Bearer ${'x'.repeat(10_000)}`, TOKEN)).toBe(false);
    expect(hasBearerToken('Bearer ', TOKEN)).toBe(false);
    expect(hasBearerToken(undefined, TOKEN)).toBe(false);
  });

  it('refuses a short token at start', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({}).metricsPort).toBeUndefined();
  });
});

describe('METRICS_PORT', () => {
  it('serves /metrics alone on the loopback address', async () => {
    const config = loadConfig({ METRICS_PORT: '0' });
    const server = await startMetricsPort({
      config,
      metrics: off.metrics,
      logger: off.app.log,
    });
    try {
      expect(server).toBeDefined();
      const url = new URL(server!.url);
      expect(url.hostname).toBe('127.0.0.1');
      const scraped = await fetch(`${server!.url}/metrics`);
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toContain('process_cpu_user_seconds_total');
      const other = await fetch(`${server!.url}/api/health`);
      expect(other.status).toBe(404);
    } finally {
      await server?.close();
    }
    // The main port still does not serve it.
    expect((await scrape(off)).statusCode).toBe(404);
  });

  it('is not started without the setting', async () => {
    expect(
      await startMetricsPort({ config: loadConfig({}), metrics: off.metrics, logger: off.app.log }),
    ).toBeUndefined();
  });
});
