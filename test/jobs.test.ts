import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createManualClock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createMetrics } from '../src/platform/metrics.ts';
import { z } from 'zod';
import {
  createJobQueue,
  createWorker,
  defineJob,
  handleJob,
  retryDelaySeconds,
  type JobHandler,
} from '../src/platform/jobs/index.ts';
import type { Tx } from '../src/platform/db/index.ts';
import {
  createTestContext,
  createTestOrg,
  sampleComplaint,
  signIn,
  type TestContext,
} from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

function runWorkerProcess(
  workerId: string,
  orgId: string,
): Promise<{ workerId: string; ran: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'fixtures/worker-process.ts'),
        inject('databaseUrl'),
        workerId,
        orgId,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)!))
        : reject(new Error(`worker ${workerId} exited ${code}: ${err}`)),
    );
  });
}

describe('jobs', () => {
  it('runs each job exactly once with two worker processes claiming side by side', async () => {
    const { org, users } = await createTestOrg(ctx);
    const agent = await signIn(ctx, users.agent.email);
    const count = 120;
    for (let i = 0; i < count; i += 20) {
      await Promise.all(
        Array.from({ length: 20 }, (_, j) =>
          agent.post(
            '/api/complaints',
            sampleComplaint({
              customer: {
                name: `K${i + j}`,
                email: `k${i + j}@example.vn`,
                phone: `0914${String(i + j).padStart(6, '0')}`,
              },
            }),
          ),
        ),
      );
    }
    const [a, b] = await Promise.all([
      runWorkerProcess('worker-a', org.id),
      runWorkerProcess('worker-b', org.id),
    ]);
    const jobs = await ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('kind', '=', 'mail.send')
      .execute();
    expect(jobs).toHaveLength(count);
    expect(jobs.every((j) => j.status === 'done' && j.attempts === 1)).toBe(true);
    expect(a.ran + b.ran).toBe(count);
    // Both processes took part, and neither ran what the other had claimed.
    expect(a.ran).toBeGreaterThan(0);
    expect(b.ran).toBeGreaterThan(0);
    expect(new Set(jobs.map((j) => j.locked_by))).toEqual(new Set(['worker-a', 'worker-b']));
    const mails = await ctx.db
      .selectFrom('outgoing_messages')
      .select(['status', 'sent_at'])
      .where('org_id', '=', org.id)
      .execute();
    expect(mails).toHaveLength(count);
    expect(mails.every((m) => m.status === 'kept' && m.sent_at !== null)).toBe(true);
  }, 120_000);

  it('retries with backoff, then moves a job to dead after its last attempt', async () => {
    const { org } = await createTestOrg(ctx);
    const clock = createManualClock(new Date('2030-01-01T00:00:00Z'));
    let calls = 0;
    const flaky = defineJob({ name: 'test.flaky', version: 1, payload: orgOnly, maxAttempts: 3 });
    const worker = workerFor(org.id, clock, 'flaky', [
      handleJob(flaky, async () => {
        calls += 1;
        throw new Error(`boom ${calls}`);
      }),
    ]);
    await inTx((tx) => createJobQueue(clock).enqueue(tx, flaky, { orgId: org.id }));
    expect(await worker.drain()).toBe(1);
    const job = () => jobOf(org.id, 'test.flaky');
    let row = await job();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'boom 1' });
    expect(row.run_at.getTime() - clock.now().getTime()).toBe(retryDelaySeconds(1) * 1000);
    // Not before its time.
    expect(await worker.drain()).toBe(0);
    clock.advance(retryDelaySeconds(1) * 1000);
    expect(await worker.drain()).toBe(1);
    row = await job();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row.run_at.getTime() - clock.now().getTime()).toBe(retryDelaySeconds(2) * 1000);
    clock.advance(retryDelaySeconds(2) * 1000);
    expect(await worker.drain()).toBe(1);
    row = await job();
    expect(row).toMatchObject({ status: 'dead', attempts: 3, last_error: 'boom 3' });
    clock.advance(86_400_000);
    expect(await worker.drain()).toBe(0);
    expect(calls).toBe(3);
  });

  it('takes back a job whose worker died, once its lease has run out', async () => {
    const { org } = await createTestOrg(ctx);
    const clock = createManualClock(new Date('2031-01-01T00:00:00Z'));
    const ran: string[] = [];
    const lease = defineJob({ name: 'test.lease', version: 1, payload: orgOnly });
    const make = (id: string) =>
      createWorker({
        db: ctx.db,
        clock,
        logger: createLogger('silent'),
        metrics: createMetrics(),
        workerId: id,
        orgIds: [org.id],
        leaseMs: 60_000,
        handlers: [handleJob(lease, async () => void ran.push(id))],
      });
    await inTx((tx) => createJobQueue(clock).enqueue(tx, lease, { orgId: org.id }));
    // A worker claims the job and "dies" before finishing: simulate by claiming directly.
    await ctx.db
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_by: 'dead-worker',
        locked_until: new Date(clock.now().getTime() + 60_000),
        attempts: 1,
      })
      .where('org_id', '=', org.id)
      .where('kind', '=', 'test.lease')
      .execute();
    expect(await make('alive').drain()).toBe(0);
    clock.advance(61_000);
    expect(await make('alive').drain()).toBe(1);
    expect(ran).toEqual(['alive']);
  });

  it('makes a second enqueue with the same deterministic key a no-op', async () => {
    const { org } = await createTestOrg(ctx);
    const clock = createManualClock(new Date());
    const daily = defineJob({ name: 'test.daily', version: 1, payload: orgOnly });
    const queue = createJobQueue(clock);
    await inTx((tx) => queue.enqueue(tx, daily, { orgId: org.id }, { key: '2026-03-02' }));
    await inTx((tx) => queue.enqueue(tx, daily, { orgId: org.id }, { key: '2026-03-02' }));
    await inTx((tx) => queue.enqueue(tx, daily, { orgId: org.id }, { key: '2026-03-03' }));
    expect(await jobsOf(org.id, 'test.daily')).toHaveLength(2);
  });

  it('coalesces: one job waits per key, and the key can be queued again once it has started', async () => {
    const { org } = await createTestOrg(ctx);
    const clock = createManualClock(new Date('2032-01-01T00:00:00Z'));
    const recompute = defineJob({
      name: 'test.recompute',
      version: 1,
      payload: orgOnly,
      dedupe: 'coalesce',
    });
    const queue = createJobQueue(clock);
    for (let i = 0; i < 3; i++) await inTx((tx) => queue.enqueue(tx, recompute, { orgId: org.id }));
    expect(await jobsOf(org.id, 'test.recompute')).toHaveLength(1);
    let runs = 0;
    const worker = workerFor(org.id, clock, 'coalescer', [
      handleJob(recompute, async () => {
        runs += 1;
        // A change while the recompute runs must queue another: this one may have passed it.
        if (runs === 1) await inTx((tx) => queue.enqueue(tx, recompute, { orgId: org.id }));
      }),
    ]);
    expect(await worker.drain()).toBe(2);
    expect(runs).toBe(2);
    expect((await jobsOf(org.id, 'test.recompute')).map((j) => j.status)).toEqual(['done', 'done']);
  });

  it('policy changes queue one recompute of the org while one is waiting', async () => {
    const { org, users } = await createTestOrg(ctx);
    const admin = await signIn(ctx, users.admin.email);
    const [policy] = (await admin.get('/api/sla-policies')).json().items;
    await ctx.drainJobs(org.id);
    for (const warnAtPercent of [70, 80, 90]) {
      const { id: _id, ...input } = policy;
      expect(
        (await admin.request('PUT', `/api/sla-policies/${policy.id}`, { ...input, warnAtPercent }))
          .statusCode,
      ).toBe(200);
    }
    const pending = (await jobsOf(org.id, 'sla.recompute-org')).filter(
      (j) => j.status === 'pending',
    );
    expect(pending).toHaveLength(1);
  });

  it.each([
    [
      'an unknown name',
      { kind: 'test.nobody-handles-this', version: 1, payload: {} },
      'no handler for job test.nobody-handles-this version 1',
    ],
    [
      'an unknown version',
      { kind: 'test.known', version: 9, payload: {} },
      'no handler for job test.known version 9',
    ],
    [
      'a payload that does not parse',
      { kind: 'test.known', version: 1, payload: { count: 'many' } },
      'payload of test.known@1 does not parse: count: ',
    ],
  ])(
    'moves a job with %s to dead with the reason, and goes on with the others',
    async (_, bad, reason) => {
      const { org } = await createTestOrg(ctx);
      const clock = createManualClock(new Date('2033-01-01T00:00:00Z'));
      const known = defineJob({
        name: 'test.known',
        version: 1,
        payload: z.object({ orgId: z.uuid(), count: z.number().int() }),
      });
      const seen: number[] = [];
      const worker = workerFor(org.id, clock, 'strict', [
        handleJob(known, async ({ count }) => void seen.push(count)),
      ]);
      await ctx.db
        .insertInto('jobs')
        .values({
          org_id: org.id,
          kind: bad.kind,
          version: bad.version,
          payload: JSON.stringify(bad.payload),
          run_at: clock.now(),
          dedupe_key: null,
          coalesce_key: null,
          locked_by: null,
          locked_until: null,
          last_error: null,
          finished_at: null,
        })
        .execute();
      await inTx((tx) => createJobQueue(clock).enqueue(tx, known, { orgId: org.id, count: 7 }));
      expect(await worker.drain()).toBe(2);
      expect(seen).toEqual([7]);
      const dead = (await jobsOf(org.id, bad.kind)).find((j) => j.version === bad.version)!;
      expect(dead.status).toBe('dead');
      expect(dead.attempts).toBe(1);
      expect(dead.last_error).toContain(reason);
    },
  );

  it('runs jobs of a parallel kind side by side, at most maxParallel at once, and the rest in order', async () => {
    const { org } = await createTestOrg(ctx);
    const clock = createManualClock(new Date('2030-01-01T00:00:00Z'));
    const wide = defineJob({ name: 'test.wide', version: 1, payload: orgOnly, parallel: 8 });
    const narrow = defineJob({ name: 'test.narrow', version: 1, payload: orgOnly, priority: 9 });
    let inFlight = 0;
    let widest = 0;
    const order: string[] = [];
    const waitABit = () => new Promise((resolve) => setTimeout(resolve, 20));
    const worker = createWorker({
      db: ctx.db,
      clock,
      logger: createLogger('silent'),
      metrics: createMetrics(),
      workerId: 'parallel',
      orgIds: [org.id],
      batchSize: 12,
      maxParallel: 3,
      handlers: [
        handleJob(wide, async () => {
          inFlight += 1;
          widest = Math.max(widest, inFlight);
          await waitABit();
          inFlight -= 1;
          order.push('wide');
        }),
        handleJob(narrow, async () => {
          // Lower priority: claimed after every wide job, and run alone.
          expect(inFlight).toBe(0);
          order.push('narrow');
        }),
      ],
    });
    await inTx(async (tx) => {
      const queue = createJobQueue(clock);
      for (let i = 0; i < 9; i++) await queue.enqueue(tx, wide, { orgId: org.id });
      for (let i = 0; i < 2; i++) await queue.enqueue(tx, narrow, { orgId: org.id });
    });
    expect(await worker.drain()).toBe(11);
    expect(widest).toBe(3);
    expect(order).toEqual([...Array<string>(9).fill('wide'), 'narrow', 'narrow']);
    expect((await jobsOf(org.id, 'test.wide')).every((j) => j.status === 'done')).toBe(true);
  });

  it('refuses two handlers for the same job', () => {
    const twice = defineJob({ name: 'test.twice', version: 1, payload: orgOnly });
    expect(() =>
      workerFor('00000000-0000-0000-0000-000000000000', createManualClock(new Date()), 'x', [
        handleJob(twice, async () => undefined),
        handleJob(twice, async () => undefined),
      ]),
    ).toThrow('two handlers for job test.twice@1');
  });

  it('writes no job when the change that causes it rolls back', async () => {
    const { org } = await createTestOrg(ctx);
    const clock = createManualClock(new Date());
    const outbox = defineJob({ name: 'test.outbox', version: 1, payload: orgOnly });
    await expect(
      ctx.db.transaction().execute(async (tx) => {
        await createJobQueue(clock).enqueue(tx, outbox, { orgId: org.id });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await jobsOf(org.id, 'test.outbox')).toHaveLength(0);
  });
});

const orgOnly = z.object({ orgId: z.uuid() });

const inTx = <T>(fn: (tx: Tx) => Promise<T>) => ctx.db.transaction().execute(fn);

const jobsOf = (orgId: string, kind: string) =>
  ctx.db
    .selectFrom('jobs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();

const jobOf = async (orgId: string, kind: string) => (await jobsOf(orgId, kind))[0]!;

function workerFor(
  orgId: string,
  clock: ReturnType<typeof createManualClock>,
  workerId: string,
  handlers: JobHandler[],
) {
  return createWorker({
    db: ctx.db,
    clock,
    logger: createLogger('silent'),
    metrics: createMetrics(),
    workerId,
    orgIds: [orgId],
    handlers,
  });
}
