import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/platform/config.ts';
import { createTestContext, createTestOrg, type TestContext } from './helpers.ts';

// The rate limits are counted in PostgreSQL: every process enforces one limit, a restart keeps
// it, and a client cannot choose its own address with X-Forwarded-For.

const CREATE_BUDGET = 10;
const INVALID_BUDGET = 60;

let plain: TestContext;
beforeAll(async () => {
  plain = await createTestContext();
});
afterAll(async () => plain.close());

/** A test address nobody else uses in this run. */
const uniqueAddress = () => {
  const b = randomBytes(3);
  return `198.18.${b[0]}.${(b[1]! % 254) + 1}`;
};
const forged = () => {
  const b = randomBytes(4);
  return `${b[0]}.${b[1]}.${b[2]}.${b[3]}`;
};

const form = (overrides: Record<string, unknown> = {}) => ({
  name: 'Trần Văn Bình',
  phone: '0987654321',
  description: 'Mất mạng cả tuần',
  language: 'vi',
  ...overrides,
});

async function file(
  ctx: TestContext,
  slug: string,
  options: { remoteAddress: string; forwardedFor?: string; body?: Record<string, unknown> },
) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/public/orgs/${slug}/complaints`,
    payload: options.body ?? form(),
    remoteAddress: options.remoteAddress,
    headers: {
      'accept-language': 'en',
      ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
    },
  });
}

const admitted = (statuses: number[]) => statuses.filter((s) => s !== 429).length;

describe('TRUST_PROXY', () => {
  it('takes a hop count or proxy addresses, and refuses "true"', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'loopback',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: give the number/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/);
  });
});

describe('rate limits with forged X-Forwarded-For', () => {
  const N = 30;

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const { org } = await createTestOrg(plain);
    const client = uniqueAddress();
    const statuses: number[] = [];
    for (let i = 0; i < N; i++)
      statuses.push(
        (await file(plain, org.slug, { remoteAddress: client, forwardedFor: forged() })).statusCode,
      );
    console.info(
      `[figure] TRUST_PROXY=false: ${N} requests with forged X-Forwarded-For, ${admitted(statuses)} let through (budget ${CREATE_BUDGET}), ${admitted(statuses) - CREATE_BUDGET} past the limit`,
    );
    expect(statuses.slice(0, CREATE_BUDGET).every((s) => s === 201)).toBe(true);
    expect(admitted(statuses) - CREATE_BUDGET).toBe(0);
  });

  it('believes only the hops of the trusted proxies (TRUST_PROXY=1)', async () => {
    const ctx = await createTestContext({ env: { TRUST_PROXY: '1' } });
    try {
      const { org } = await createTestOrg(ctx);
      const proxy = '10.20.0.2';
      const client = uniqueAddress();
      const statuses: number[] = [];
      for (let i = 0; i < N; i++) {
        // The client writes whatever it likes; the proxy appends the address it saw.
        const forwardedFor = `${forged()}, ${forged()}, ${client}`;
        statuses.push(
          (await file(ctx, org.slug, { remoteAddress: proxy, forwardedFor })).statusCode,
        );
      }
      console.info(
        `[figure] TRUST_PROXY=1: ${N} requests with forged X-Forwarded-For, ${admitted(statuses)} let through (budget ${CREATE_BUDGET}), ${admitted(statuses) - CREATE_BUDGET} past the limit`,
      );
      expect(admitted(statuses) - CREATE_BUDGET).toBe(0);
      expect(statuses.at(-1)).toBe(429);
      // Another customer behind the same proxy has a budget of their own.
      const other = await file(ctx, org.slug, {
        remoteAddress: proxy,
        forwardedFor: `${client}, ${uniqueAddress()}`,
      });
      expect(other.statusCode).toBe(201);
    } finally {
      await ctx.close();
    }
  });

  it('believes only listed proxies (TRUST_PROXY=10.0.0.0/8)', async () => {
    const ctx = await createTestContext({ env: { TRUST_PROXY: '10.0.0.0/8' } });
    try {
      const { org } = await createTestOrg(ctx);
      const client = uniqueAddress();
      const statuses: number[] = [];
      for (let i = 0; i < N; i++) {
        // A load balancer (10.20.0.2) behind a CDN edge (10.30.0.7): two trusted hops.
        const forwardedFor = `${forged()}, ${client}, 10.30.0.7`;
        statuses.push(
          (await file(ctx, org.slug, { remoteAddress: '10.20.0.2', forwardedFor })).statusCode,
        );
      }
      console.info(
        `[figure] TRUST_PROXY=10.0.0.0/8: ${N} requests with forged X-Forwarded-For, ${admitted(statuses)} let through (budget ${CREATE_BUDGET}), ${admitted(statuses) - CREATE_BUDGET} past the limit`,
      );
      expect(admitted(statuses) - CREATE_BUDGET).toBe(0);
      // A client that reaches the server directly is not a proxy: its header is ignored.
      const direct = uniqueAddress();
      const directStatuses: number[] = [];
      for (let i = 0; i < CREATE_BUDGET + 3; i++)
        directStatuses.push(
          (await file(ctx, org.slug, { remoteAddress: direct, forwardedFor: forged() })).statusCode,
        );
      expect(admitted(directStatuses)).toBe(CREATE_BUDGET);
    } finally {
      await ctx.close();
    }
  });

  it('holds under concurrent requests: the count is one atomic upsert', async () => {
    const { org } = await createTestOrg(plain);
    const client = uniqueAddress();
    const responses = await Promise.all(
      Array.from({ length: N }, () =>
        file(plain, org.slug, { remoteAddress: client, forwardedFor: forged() }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(admitted(statuses)).toBe(CREATE_BUDGET);
    const refused = responses.find((r) => r.statusCode === 429)!;
    expect(refused.json().error).toMatchObject({ code: 'rate_limited' });
    expect(refused.json().error.message).toMatch(/Too many requests/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('one limit for every process', () => {
  it('shares the count between two app instances on one database, and keeps it over a restart', async () => {
    const second = await createTestContext();
    const { org } = await createTestOrg(plain);
    const client = uniqueAddress();
    const statuses: number[] = [];
    try {
      for (let i = 0; i < 8; i++) {
        const ctx = i % 2 === 0 ? plain : second;
        statuses.push((await file(ctx, org.slug, { remoteAddress: client })).statusCode);
      }
    } finally {
      await second.close();
    }
    // The second instance is gone; a new one starts with the counts the first two left.
    const restarted = await createTestContext();
    try {
      for (let i = 0; i < 4; i++)
        statuses.push((await file(restarted, org.slug, { remoteAddress: client })).statusCode);
    } finally {
      await restarted.close();
    }
    expect(statuses).toEqual([...Array(CREATE_BUDGET).fill(201), 429, 429]);
  });
});

describe('the public form: refused input has its own budget', () => {
  it('lets a customer who mistyped the phone number ten times still file', async () => {
    const { org } = await createTestOrg(plain);
    const client = uniqueAddress();
    for (let i = 0; i < 12; i++) {
      const typo = await file(plain, org.slug, {
        remoteAddress: client,
        body: form({ phone: `09${i}` }),
      });
      expect(typo.statusCode, `typo ${i + 1}`).toBe(400);
      // The form's own field, as the form names it.
      expect(typo.json().error).toMatchObject({ code: 'validation_failed', field: 'phone' });
    }
    const statuses: number[] = [];
    for (let i = 0; i < CREATE_BUDGET + 1; i++)
      statuses.push((await file(plain, org.slug, { remoteAddress: client })).statusCode);
    // Every complaint she files still counts against the create limit.
    expect(statuses).toEqual([...Array(CREATE_BUDGET).fill(201), 429]);
  });

  it('limits refused input too, with the larger budget', async () => {
    const { org } = await createTestOrg(plain);
    const client = uniqueAddress();
    const statuses: number[] = [];
    for (let i = 0; i < INVALID_BUDGET + 2; i++)
      statuses.push(
        (await file(plain, org.slug, { remoteAddress: client, body: form({ description: '' }) }))
          .statusCode,
      );
    expect(statuses.filter((s) => s === 400)).toHaveLength(INVALID_BUDGET);
    expect(statuses.slice(INVALID_BUDGET)).toEqual([429, 429]);
    // Once the refused-input budget is spent, the form is closed to that address for the window.
    expect((await file(plain, org.slug, { remoteAddress: client })).statusCode).toBe(429);
  });
});

describe('ended windows', () => {
  it('open a new window, and are deleted by the processes', async () => {
    const client = uniqueAddress();
    const key = `POST /api/public/orgs/:slug/complaints|${client}`;
    const stale = `POST /api/public/orgs/:slug/complaints|${uniqueAddress()}`;
    const past = new Date(Date.now() - 20 * 60_000);
    const ended = {
      window_start: past,
      hits: 10,
      invalid_hits: 0,
      expires_at: new Date(Date.now() - 60_000),
    };
    await plain.db
      .insertInto('rate_limits')
      .values([
        { key, ...ended },
        { key: stale, ...ended },
      ])
      .execute();
    const { org } = await createTestOrg(plain);
    // The window that ended no longer counts: the client starts afresh.
    expect((await file(plain, org.slug, { remoteAddress: client })).statusCode).toBe(201);
    const row = await plain.db
      .selectFrom('rate_limits')
      .select(['hits', 'window_start'])
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    expect(row.hits).toBe(1);
    expect(row.window_start.getTime()).toBeGreaterThan(past.getTime());
    // A new process sweeps the rows of windows that ended when it first counts a hit.
    const ctx = await createTestContext();
    try {
      await file(ctx, org.slug, { remoteAddress: uniqueAddress() });
      await expect
        .poll(
          async () =>
            (
              await ctx.db
                .selectFrom('rate_limits')
                .select('key')
                .where('key', '=', stale)
                .execute()
            ).length,
          { timeout: 5000 },
        )
        .toBe(0);
    } finally {
      await ctx.close();
    }
  });
});
