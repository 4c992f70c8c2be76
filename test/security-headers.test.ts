import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

// Every page and API answer carries the security headers; the web app's files go out
// compressed, the hashed ones cached for good.

const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ombud-web-'));
const assetName = 'index-Ab12Cd34.js';
const assetBody = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
fs.mkdirSync(path.join(webDir, 'assets'));
fs.writeFileSync(path.join(webDir, 'assets', assetName), assetBody);
// A file the build precompressed: its .br and .gz copies go out as they are. They hold a marked
// body here, so the test tells them apart from compression on the fly.
const builtName = 'public-Zz98Yy76.js';
const builtBody = `export const built = ${JSON.stringify('x'.repeat(3000))};\n`;
fs.writeFileSync(path.join(webDir, 'assets', builtName), builtBody);
fs.writeFileSync(
  path.join(webDir, 'assets', `${builtName}.br`),
  zlib.brotliCompressSync(`${builtBody}// br copy\n`),
);
fs.writeFileSync(
  path.join(webDir, 'assets', `${builtName}.gz`),
  zlib.gzipSync(`${builtBody}// gz copy\n`),
);
fs.writeFileSync(
  path.join(webDir, 'index.html'),
  `<!doctype html><html><head><script type="module" src="/assets/${assetName}"></script></head><body><div id="root"></div></body></html>`,
);
// The customer pages' own HTML (the public form and the portal).
for (const page of ['public-form', 'portal'])
  fs.writeFileSync(
    path.join(webDir, `${page}.html`),
    `<!doctype html><html><head><script type="module" src="/assets/${page}-Qq11Rr22.js"></script></head><body data-page="${page}"><div id="root"></div></body></html>`,
  );

let ctx: TestContext;
let behindProxy: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { WEB_DIST_DIR: webDir } });
  behindProxy = await createTestContext({ env: { WEB_DIST_DIR: webDir, TRUST_PROXY: '1' } });
});
afterAll(async () => {
  await ctx.close();
  await behindProxy.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

const directives = (response: LightMyRequestResponse): Map<string, string[]> => {
  const header = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
};

function expectSecurityHeaders(response: LightMyRequestResponse) {
  const csp = directives(response);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(String(response.headers['content-security-policy'])).not.toContain("'unsafe-eval'");
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
  // Plain HTTP: no HSTS (it would be ignored, and it would pin a name that has no TLS yet).
  expect(response.headers['strict-transport-security']).toBeUndefined();
}

describe('security headers', () => {
  it('are on API answers, errors included', async () => {
    expectSecurityHeaders(await ctx.app.inject({ method: 'GET', url: '/api/health' }));
    const missing = await ctx.app.inject({ method: 'GET', url: '/api/public/orgs/no-such-org' });
    expect(missing.statusCode).toBe(404);
    expectSecurityHeaders(missing);
    const anonymous = await ctx.app.inject({ method: 'GET', url: '/api/complaints' });
    expect(anonymous.statusCode).toBe(401);
    expectSecurityHeaders(anonymous);
  });

  it('are on the index page and on the portal page, which allows no script but its own', async () => {
    const index = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['cache-control']).toBe('no-cache');
    expectSecurityHeaders(index);
    const portalPage = await ctx.app.inject({ method: 'GET', url: '/track/omt_secret.token' });
    expect(portalPage.statusCode).toBe(200);
    expectSecurityHeaders(portalPage);
    // The console's Mantine sets styles at run time; scripts stay 'self' only.
    expect(directives(portalPage).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('are on the portal API, and a downloaded file keeps its own sandbox policy', async () => {
    const { users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const { complaint } = (await agent.post('/api/complaints', sampleComplaint())).json();
    const token = complaint.trackingUrl.split('/track/')[1];
    const portal = await ctx.app.inject({ method: 'GET', url: `/api/portal/${token}` });
    expect(portal.statusCode).toBe(200);
    expectSecurityHeaders(portal);

    const boundary = 'ombud-test-boundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\nẢnh\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      Buffer.from('<script>alert(1)</script>'),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const replied = await ctx.app.inject({
      method: 'POST',
      url: `/api/portal/${token}/messages`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(replied.statusCode).toBe(200);
    const file = await ctx.app.inject({
      method: 'GET',
      url: `/api/portal/${token}/attachments/${replied.json().attachments[0].id}`,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sends HSTS only over TLS, as a trusted proxy reports it', async () => {
    const viaTls = await behindProxy.app.inject({
      method: 'GET',
      url: '/api/health',
      remoteAddress: '10.0.0.2',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
    });
    expect(viaTls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    // A client cannot claim TLS when no proxy is trusted.
    const claimed = await ctx.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('the web app files', () => {
  it('go out compressed, hashed files cached for good', async () => {
    const url = `/assets/${assetName}`;
    const br = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expectSecurityHeaders(br);
    const raw = br.rawPayload;
    expect(raw.length).toBeLessThan(assetBody.length / 2);
    expect(zlib.brotliDecompressSync(raw).toString()).toBe(assetBody);

    const gzip = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(assetBody);

    const identity = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'identity' },
    });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body).toBe(assetBody);
  });

  it('go out as the build precompressed them, with the encoding the browser accepts', async () => {
    const url = `/assets/${builtName}`;
    const br = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(`${builtBody}// br copy\n`);
    const gzip = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(`${builtBody}// gz copy\n`);
    const identity = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'identity' },
    });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body).toBe(builtBody);
  });

  it('answer the public form and the portal addresses with their own pages, the rest with the console', async () => {
    const pageAt = async (url: string) => {
      const response = await ctx.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expectSecurityHeaders(response);
      return /data-page="([^"]+)"/.exec(response.body)?.[1] ?? 'console';
    };
    expect(await pageAt('/complain/demo')).toBe('public-form');
    expect(await pageAt('/complain/demo?lang=en')).toBe('public-form');
    expect(await pageAt('/track/omt_secret.token')).toBe('portal');
    expect(await pageAt('/track/omt_secret.token/')).toBe('portal');
    expect(await pageAt('/')).toBe('console');
    expect(await pageAt('/complaints/new')).toBe('console');
    expect(await pageAt('/track/a/b')).toBe('console');
  });

  it('are never API answers: those stay uncompressed', async () => {
    const { org } = await createTestOrg(ctx);
    const response = await ctx.app.inject({
      method: 'GET',
      url: `/api/public/orgs/${org.slug}`,
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body.length).toBeGreaterThan(1024);
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('has no inline script in the pages the web app is built from', () => {
    for (const page of ['index.html', 'public-form.html', 'portal.html']) {
      const html = fs.readFileSync(path.resolve(import.meta.dirname, '../web', page), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\bsrc=/);
        expect(body!.trim()).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+=/i);
    }
  });
});
