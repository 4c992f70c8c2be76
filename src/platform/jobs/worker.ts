import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/index.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { jobKey, type JobHandler } from './define.ts';
import {
  claimJobs,
  extendLeases,
  markDead,
  markDone,
  markForRetry,
  type ClaimedJob,
} from './jobs.repository.ts';

/** Seconds to wait before attempt n+1: exponential from 5 s, capped at an hour. */
export const retryDelaySeconds = (attempts: number): number =>
  Math.min(3600, 5 * 2 ** Math.max(0, attempts - 1));

export type Worker = {
  start(): void;
  stop(): Promise<void>;
  /** Claims and runs ready jobs until none are left; returns how many ran. For tests and the CLI. */
  drain(): Promise<number>;
};

/** One handler per job name and version; two for the same job is a wiring mistake. */
function registryOf(handlers: readonly JobHandler[]): Map<string, JobHandler> {
  const registry = new Map<string, JobHandler>();
  for (const handler of handlers) {
    const key = jobKey(handler.job);
    if (registry.has(key)) throw new Error(`two handlers for job ${key}`);
    registry.set(key, handler);
  }
  return registry;
}

export function createWorker(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  handlers: readonly JobHandler[];
  batchSize?: number;
  pollMs?: number;
  leaseMs?: number;
  workerId?: string;
  /** Dedicated workers: claim only these orgs' jobs (e.g. one large tenant). Default: all. */
  orgIds?: string[];
  /** At most this many jobs in flight at once, for kinds that allow it (`parallel`). Default 4. */
  maxParallel?: number;
}): Worker {
  const { db, clock, logger, metrics } = deps;
  const registry = registryOf(deps.handlers);
  const batchSize = deps.batchSize ?? 10;
  const maxParallel = Math.max(1, deps.maxParallel ?? 4);
  const pollMs = deps.pollMs ?? 500;
  const leaseMs = deps.leaseMs ?? 60_000;
  const workerId = deps.workerId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;

  /** A job the worker cannot run (unknown, or a payload that does not parse) dies at once. */
  async function bury(job: ClaimedJob, reason: string): Promise<void> {
    logger.error({ jobId: job.id, kind: job.kind, version: job.version, reason }, 'job dead');
    await markDead(db, job.id, workerId, clock.now(), reason);
    metrics.jobsProcessed.inc({ kind: job.kind, outcome: 'dead' });
  }

  async function runOne(job: ClaimedJob): Promise<void> {
    const handler = registry.get(jobKey({ name: job.kind, version: job.version }));
    if (!handler) return bury(job, `no handler for job ${job.kind} version ${job.version}`);
    // Jobs written before payloads carried their org have it in the row only.
    const parsed = handler.job.payload.safeParse({ orgId: job.orgId, ...job.payload });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return bury(
        job,
        `payload of ${job.kind}@${job.version} does not parse: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    try {
      await handler.run(parsed.data, {
        id: job.id,
        attempts: job.attempts,
        maxAttempts: job.maxAttempts,
        isLastAttempt: job.attempts >= job.maxAttempts,
      });
      await markDone(db, job.id, workerId, clock.now());
      metrics.jobsProcessed.inc({ kind: job.kind, outcome: 'done' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (job.attempts >= job.maxAttempts) {
        await bury(job, message);
        return;
      }
      logger.warn(
        { jobId: job.id, kind: job.kind, attempts: job.attempts, err: message },
        'job failed, will retry',
      );
      const retryAt = new Date(clock.now().getTime() + retryDelaySeconds(job.attempts) * 1000);
      await markForRetry(db, job.id, workerId, retryAt, message);
      metrics.jobsProcessed.inc({ kind: job.kind, outcome: 'retry' });
    }
  }

  /**
   * Runs a claimed batch one job after another. While it works, the lease of every job still
   * held is renewed, so a slow job (a slow SMTP server) never lets another worker take one of
   * them over and run it a second time; if this process dies, the lease runs out as before.
   */
  async function tick(): Promise<number> {
    const jobs = await claimJobs(db, {
      workerId,
      now: clock.now(),
      leaseMs,
      limit: batchSize,
      orgIds: deps.orgIds ?? null,
    });
    if (jobs.length === 0) return 0;
    const held = new Set(jobs.map((j) => j.id));
    const renew = () =>
      extendLeases(db, workerId, [...held], new Date(clock.now().getTime() + leaseMs)).catch(
        (error: unknown) => logger.warn({ err: error }, 'could not renew job leases'),
      );
    const heartbeat = setInterval(() => void renew(), Math.max(50, Math.floor(leaseMs / 3)));
    try {
      for (const group of runGroups(jobs)) {
        const width = Math.min(maxParallel, group.parallel);
        // Jobs of one kind that may run side by side (mail to several SMTP connections) do so,
        // `width` at a time; everything else keeps the claimed order, one after another.
        let next = 0;
        const lane = async () => {
          while (next < group.jobs.length) {
            const job = group.jobs[next++]!;
            await runOne(job);
            held.delete(job.id);
          }
        };
        await Promise.all(Array.from({ length: Math.min(width, group.jobs.length) }, lane));
      }
    } finally {
      clearInterval(heartbeat);
    }
    return jobs.length;
  }

  /** The claimed batch in order, with neighbouring jobs of one parallel kind grouped. */
  function runGroups(jobs: ClaimedJob[]): { parallel: number; jobs: ClaimedJob[] }[] {
    const groups: { kind: string; parallel: number; jobs: ClaimedJob[] }[] = [];
    for (const job of jobs) {
      const parallel =
        registry.get(jobKey({ name: job.kind, version: job.version }))?.job.parallel ?? 1;
      const last = groups.at(-1);
      if (last && parallel > 1 && last.parallel > 1 && last.kind === job.kind) last.jobs.push(job);
      else groups.push({ kind: job.kind, parallel, jobs: [job] });
    }
    return groups;
  }

  async function loop(): Promise<void> {
    if (stopped) return;
    let ran = 0;
    try {
      running = tick();
      ran = (await running) as number;
    } catch (error) {
      // The database restarting or failing over is expected; it is back soon, and the next tick
      // tries again. Anything else is a bug, with its stack.
      if (isDatabaseUnavailable(error))
        logger.warn(
          { reason: (error as Error).message },
          'worker tick failed: database unavailable',
        );
      else logger.error({ err: error }, 'worker tick failed');
    } finally {
      running = undefined;
    }
    if (!stopped) timer = setTimeout(() => void loop(), ran > 0 ? 0 : pollMs);
  }

  return {
    start() {
      stopped = false;
      timer = setTimeout(() => void loop(), 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running.catch(() => undefined);
    },
    async drain() {
      let total = 0;
      for (;;) {
        const ran = await tick();
        if (ran === 0) return total;
        total += ran;
      }
    },
  };
}
