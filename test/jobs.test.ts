import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createManualClock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createMetrics } from '../src/platform/metrics.ts';
import { createWorker, enqueueJob, retryDelaySeconds } from '../src/platform/jobs.ts';
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
    const worker = createWorker({
      db: ctx.db,
      clock,
      logger: createLogger('silent'),
      metrics: createMetrics(),
      workerId: 'flaky',
      orgIds: [org.id],
      handlers: {
        'test.flaky': async () => {
          calls += 1;
          throw new Error(`boom ${calls}`);
        },
      },
    });
    await enqueueJob(ctx.db, clock, {
      orgId: org.id,
      kind: 'test.flaky',
      maxAttempts: 3,
      runAt: clock.now(),
    });
    expect(await worker.drain()).toBe(1);
    const job = () =>
      ctx.db
        .selectFrom('jobs')
        .selectAll()
        .where('org_id', '=', org.id)
        .where('kind', '=', 'test.flaky')
        .executeTakeFirstOrThrow();
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
    const make = (id: string) =>
      createWorker({
        db: ctx.db,
        clock,
        logger: createLogger('silent'),
        metrics: createMetrics(),
        workerId: id,
        orgIds: [org.id],
        leaseMs: 60_000,
        handlers: { 'test.lease': async () => void ran.push(id) },
      });
    await enqueueJob(ctx.db, clock, { orgId: org.id, kind: 'test.lease', runAt: clock.now() });
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
    await enqueueJob(ctx.db, clock, { orgId: org.id, kind: 'test.daily', dedupeKey: '2026-03-02' });
    await enqueueJob(ctx.db, clock, { orgId: org.id, kind: 'test.daily', dedupeKey: '2026-03-02' });
    await enqueueJob(ctx.db, clock, {
      orgId: null,
      kind: 'test.daily-system',
      dedupeKey: '2026-03-02',
    });
    await enqueueJob(ctx.db, clock, {
      orgId: null,
      kind: 'test.daily-system',
      dedupeKey: '2026-03-02',
    });
    const rows = await ctx.db
      .selectFrom('jobs')
      .select('id')
      .where((eb) => eb.or([eb('org_id', '=', org.id), eb('kind', '=', 'test.daily-system')]))
      .execute();
    expect(rows).toHaveLength(2);
    await ctx.db.deleteFrom('jobs').where('kind', '=', 'test.daily-system').execute();
  });

  it('writes no job when the change that causes it rolls back', async () => {
    const { org } = await createTestOrg(ctx);
    const clock = createManualClock(new Date());
    await expect(
      ctx.db.transaction().execute(async (tx) => {
        await enqueueJob(tx, clock, { orgId: org.id, kind: 'test.outbox' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(
      await ctx.db
        .selectFrom('jobs')
        .select('id')
        .where('org_id', '=', org.id)
        .where('kind', '=', 'test.outbox')
        .execute(),
    ).toHaveLength(0);
  });
});
