import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../src/platform/config.ts';
import { createManualClock } from '../src/platform/clock.ts';
import { createDb } from '../src/platform/db/index.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createMetrics } from '../src/platform/metrics.ts';
import { createWorker } from '../src/platform/jobs/index.ts';
import { createLiveHub } from '../src/platform/live.ts';
import { buildHttp, createServices, jobHandlers } from '../src/entrypoints/app.ts';
import { hashPassword } from '../src/platform/passwords.ts';
import { systemActor } from '../src/platform/actor.ts';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

/**
 * The app as the server builds it, on the shared test database, with a hand-moved clock and
 * mail kept in the database. Requests are injected (no ports).
 */
export async function createTestContext(
  options: {
    smtpUrl?: string;
    uploadMaxBytes?: number;
    start?: Date;
    /** More settings, as the environment would give them. */
    env?: NodeJS.ProcessEnv;
    /** Another database than the shared one (a test that starts its own server pair). */
    databaseUrl?: string;
    /** A read replica of the database, for the reports. */
    reportsDatabaseUrl?: string;
  } = {},
) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ombud-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://ombud.test',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: path.join(dataDir, 'no-web'),
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...(options.uploadMaxBytes ? { UPLOAD_MAX_BYTES: String(options.uploadMaxBytes) } : {}),
    ...options.env,
  });
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const { db, pool } = createDb(options.databaseUrl ?? inject('databaseUrl'), 8);
  const reportsDb = options.reportsDatabaseUrl
    ? createDb(options.reportsDatabaseUrl, 2).db
    : undefined;
  const clock = createManualClock(options.start ?? new Date());
  const services = createServices({ config, db, reportsDb, clock, logger });
  const metrics = createMetrics();
  const app = await buildHttp({
    config,
    db,
    clock,
    logger,
    services,
    metrics,
    live: createLiveHub(options.databaseUrl ?? inject('databaseUrl'), logger),
  });
  await app.ready();
  // Test files share one database and run in parallel, so each drains only its own org's jobs.
  const drainJobs = (orgId: string) =>
    createWorker({
      db,
      clock,
      logger,
      metrics,
      handlers: jobHandlers(services),
      workerId: 'test-worker',
      orgIds: [orgId],
    }).drain();
  return {
    app,
    db,
    pool,
    clock,
    config,
    metrics,
    services,
    drainJobs,
    async close() {
      await app.close();
      services.mail.close();
      await reportsDb?.destroy();
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const roles = ['admin', 'manager', 'agent', 'responder', 'quality'] as const;
export type TestUser = { id: string; email: string; name: string; role: (typeof roles)[number] };

/** A fresh org with the default reasons and templates and one user of each role. */
export async function createTestOrg(ctx: TestContext, name = 'Công ty Thử nghiệm') {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const slug = `t-${randomBytes(6).toString('hex')}`;
  const org = await ctx.services.provisioning.provisionOrg({ slug, name });
  const users = {} as Record<(typeof roles)[number], TestUser>;
  for (const role of roles) {
    const email = `${role}@${slug}.test`;
    const created = await ctx.services.org.createUser(org.id, systemActor, {
      name: `${role} ${slug}`,
      email,
      role,
      locale: 'vi',
      password: TEST_PASSWORD,
      passwordHash: await passwordHash,
    });
    users[role] = { id: created.id, email, name: created.name, role };
  }
  const reasons = await ctx.services.reasons.list(org.id);
  return { org, users, reasons };
}

let addressCounter = 0;
/**
 * Each simulated client gets its own address, so per-address rate limits apply per client. The
 * counters live in the database that every test file shares, so the process id keeps the
 * addresses of files running side by side apart.
 */
export const nextAddress = (): string => {
  addressCounter += 1;
  const hex = (n: number) => (n & 0xffff).toString(16);
  return `fd00::${hex(process.pid >> 16)}:${hex(process.pid)}:${hex(addressCounter)}`;
};

export type Client = {
  cookie: string;
  csrfToken: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
};

export async function signIn(
  ctx: TestContext,
  email: string,
  password = TEST_PASSWORD,
): Promise<Client> {
  const remoteAddress = nextAddress();
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress,
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'ombud_session');
  if (!cookie) throw new Error('no session cookie');
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  const headerCookie = `ombud_session=${cookie.value}`;
  const request = (
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    ctx.app.inject({
      method: method as 'GET',
      url,
      remoteAddress,
      headers: { cookie: headerCookie, 'x-csrf-token': csrfToken, ...headers },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
  return {
    cookie: headerCookie,
    csrfToken,
    request,
    get: (url) => request('GET', url),
    post: (url, body, headers) => request('POST', url, body ?? {}, headers),
    patch: (url, body) => request('PATCH', url, body ?? {}),
    delete: (url) => request('DELETE', url),
  };
}

/** An API-key client, as an integration would call the REST API. */
export async function apiKeyClient(ctx: TestContext, admin: Client) {
  const created = await admin.post('/api/api-keys', { name: 'integration' });
  if (created.statusCode !== 201) throw new Error(`api key: ${created.body}`);
  const token = (created.json() as { token: string }).token;
  const remoteAddress = nextAddress();
  return {
    token,
    request: (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      ctx.app.inject({
        method: method as 'GET',
        url,
        remoteAddress,
        headers: { authorization: `Bearer ${token}`, ...headers },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      }),
  };
}

/** A multipart/form-data body of text fields and files, as a browser sends one. */
export const multipartBoundary = '----ombudboundary';
export const multipartHeaders = {
  'content-type': `multipart/form-data; boundary=${multipartBoundary}`,
};
export function multipart(
  parts: (
    | { name: string; value: string }
    | { name: string; filename: string; contentType: string; content: Buffer }
  )[],
): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('filename' in p) {
      chunks.push(
        Buffer.from(
          `--${multipartBoundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.contentType}\r\n\r\n`,
        ),
        p.content,
        Buffer.from('\r\n'),
      );
    } else {
      chunks.push(
        Buffer.from(
          `--${multipartBoundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`,
        ),
      );
    }
  }
  chunks.push(Buffer.from(`--${multipartBoundary}--\r\n`));
  return Buffer.concat(chunks);
}

export const sampleComplaint = (overrides: Record<string, unknown> = {}) => ({
  customer: { name: 'Nguyễn Thị Lan', phone: '0912345678', email: 'lan@example.vn' },
  channel: 'phone',
  severity: 'medium',
  description: 'Khiếu nại giao hàng chậm: đơn hàng trễ 5 ngày',
  orderRef: 'DH-0001',
  ask: { text: 'Hoàn phí vận chuyển', amount: 30000, currency: 'VND' },
  ...overrides,
});
