import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemActor } from '../src/platform/actor.ts';
import { createDb, isDatabaseReady, type Db } from '../src/platform/db/index.ts';
import { createLiveHub, type LiveEvent, type LiveHub } from '../src/platform/live.ts';
import { createLogger } from '../src/platform/logger.ts';
import type { HttpApp } from '../src/platform/http/app.ts';
import { buildHttp, createServices } from '../src/entrypoints/app.ts';
import { createTestContext, createTestOrg, sampleComplaint, type TestContext } from './helpers.ts';
import { pollUntil, secondsSince } from './fixtures/poll.ts';
import { startTcpProxy, viaProxy, type TcpProxy } from './fixtures/tcp-proxy.ts';

// The app in this process, on the shared test database but through a proxy the test can cut:
// the database "goes away" for this app only, and other test files are not disturbed.

const logger = createLogger('silent');
let ctx: TestContext;
let orgId: string;
let token: string;
const opened: { proxy: TcpProxy; db: Db; live: LiveHub; app: HttpApp }[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  const { org } = await createTestOrg(ctx);
  orgId = org.id;
  token = (await ctx.services.auth.createApiKey(org.id, systemActor, 'outage')).token;
});

afterAll(async () => {
  for (const { proxy, db, app } of opened) {
    proxy.restore();
    await app.close();
    await db.destroy();
    await proxy.close();
  }
  await ctx.close();
});

async function appBehindProxy() {
  const target = new URL(inject('databaseUrl'));
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const url = viaProxy(inject('databaseUrl'), proxy);
  const { db } = createDb(url, 4);
  const live = createLiveHub(url, logger);
  const services = createServices({ config: ctx.config, db, clock: ctx.clock, logger });
  const app = await buildHttp({
    config: ctx.config,
    db,
    clock: ctx.clock,
    logger,
    services,
    live,
    isReady: () => isDatabaseReady(db),
  });
  await app.ready();
  opened.push({ proxy, db, live, app });
  return { proxy, app, live };
}

const fileComplaint = (app: HttpApp, language = 'vi') =>
  app.inject({
    method: 'POST',
    url: '/api/complaints',
    headers: { authorization: `Bearer ${token}`, 'accept-language': language },
    payload: sampleComplaint({ channel: 'api', orderRef: `DH-${randomUUID().slice(0, 8)}` }),
  });

const ready = (app: HttpApp) => app.inject({ method: 'GET', url: '/api/ready' });

describe('a database that goes away and comes back', () => {
  it('answers 503 with Retry-After while it is unreachable, and serves again once it returns', async () => {
    const { proxy, app } = await appBehindProxy();
    expect((await ready(app)).statusCode).toBe(200);
    expect((await fileComplaint(app)).statusCode).toBe(201);

    proxy.cut();
    const startedAt = Date.now();
    expect((await ready(app)).statusCode).toBe(503);
    const refused = await fileComplaint(app);
    expect(refused.statusCode).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toEqual({
      error: { code: 'unavailable', message: expect.stringContaining('5') as unknown },
    });
    expect(refused.body).not.toMatch(/stack|at .*\.ts:\d+/);
    const english = await fileComplaint(app, 'en');
    expect(english.json()).toMatchObject({ error: { code: 'unavailable' } });
    expect((english.json() as { error: { message: string } }).error.message).toMatch(
      /unavailable/i,
    );
    // Failing fast, not hanging until a client's own timeout.
    expect(Date.now() - startedAt).toBeLessThan(15_000);

    proxy.restore();
    const back = Date.now();
    await pollUntil('/api/ready to answer 200', async () => (await ready(app)).statusCode === 200, {
      timeoutMs: 15_000,
    });
    expect((await fileComplaint(app)).statusCode).toBe(201);
    console.log(`database outage: ready again ${secondsSince(back)} s after the database returned`);
  });

  it('turns a request whose connection drops mid-transaction into a 503, not a crash', async () => {
    const { proxy, app } = await appBehindProxy();
    expect((await fileComplaint(app)).statusCode).toBe(201);
    // Hold the org's reference counter so the next intake waits inside its transaction.
    const locker = new pg.Client({ connectionString: inject('databaseUrl') });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM complaint_sequences WHERE org_id = $1 FOR UPDATE', [orgId]);
      const lockerPid = (await locker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid'))
        .rows[0]!.pid;
      const inFlight = fileComplaint(app);
      await pollUntil(
        'the intake to wait on the lock',
        async () =>
          (
            await locker.query(
              'SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))',
              [lockerPid],
            )
          ).rowCount === 1,
        { timeoutMs: 15_000 },
      );
      proxy.cut();
      const response = await inFlight;
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ error: { code: 'unavailable' } });
      expect(response.headers['retry-after']).toBeDefined();
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    proxy.restore();
    await pollUntil(
      'an intake to succeed again',
      async () => {
        return (await fileComplaint(app)).statusCode === 201;
      },
      { timeoutMs: 15_000 },
    );
  });

  it('reconnects the LISTEN connection with backoff and listens again', async () => {
    const { proxy, live } = await appBehindProxy();
    const marker = randomUUID();
    const received: LiveEvent[] = [];
    await live.subscribe(
      (event) => event.orgId === marker,
      (event) => received.push(event),
    );
    const direct = new pg.Client({ connectionString: inject('databaseUrl') });
    await direct.connect();
    const heard = async (id: string) => {
      const event: LiveEvent = { orgId: marker, topic: 'notice', payload: { id } };
      await direct.query('SELECT pg_notify($1, $2)', ['ombud_live', JSON.stringify(event)]);
      return pollUntil(`live event ${id}`, () => received.some((e) => e.payload.id === id), {
        timeoutMs: 500,
        intervalMs: 20,
      }).then(
        () => true,
        () => false,
      );
    };
    try {
      expect(await heard('before')).toBe(true);
      proxy.cut();
      // It keeps trying while the database is away, not just once.
      await pollUntil('three reconnection attempts', () => proxy.droppedConnections >= 3, {
        timeoutMs: 20_000,
      });
      proxy.restore();
      const back = Date.now();
      let n = 0;
      await pollUntil('a live event after the outage', () => heard(`after-${(n += 1)}`), {
        timeoutMs: 15_000,
        intervalMs: 0,
      });
      console.log(
        `live connection: listening again ${secondsSince(back)} s after the database returned`,
      );
    } finally {
      await direct.end();
    }
  });
});
