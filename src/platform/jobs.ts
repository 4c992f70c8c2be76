import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from './clock.ts';
import type { Db, Executor } from './db/index.ts';
import type { Logger } from './logger.ts';
import type { Metrics } from './metrics.ts';

export type JobRequest = {
  orgId: string | null;
  kind: string;
  payload?: Record<string, unknown>;
  runAt?: Date;
  /** Deterministic key: a second enqueue with the same (org, kind, key) is a no-op. */
  dedupeKey?: string;
  maxAttempts?: number;
  /** Lower runs first among ready jobs; 5 by default, customer mail 1. */
  priority?: number;
};

export type Job = {
  id: string;
  orgId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
};

export type JobHandler = (job: Job) => Promise<void>;

/**
 * Writes a job in the caller's transaction (the outbox): the job exists if and only if the
 * change that caused it committed.
 */
export async function enqueueJob(
  executor: Executor,
  clock: Clock,
  request: JobRequest,
): Promise<void> {
  await enqueueJobs(executor, clock, [request]);
}

/** Several jobs in one statement (e.g. a clock's warning, breach and escalation levels). */
export async function enqueueJobs(
  executor: Executor,
  clock: Clock,
  requests: JobRequest[],
): Promise<void> {
  if (requests.length === 0) return;
  await executor
    .insertInto('jobs')
    .values(
      requests.map((request) => ({
        org_id: request.orgId,
        kind: request.kind,
        payload: JSON.stringify(request.payload ?? {}),
        dedupe_key: request.dedupeKey ?? null,
        run_at: request.runAt ?? clock.now(),
        max_attempts: request.maxAttempts ?? 8,
        priority: request.priority ?? 5,
        locked_by: null,
        locked_until: null,
        last_error: null,
        finished_at: null,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['org_id', 'kind', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing(),
    )
    .execute();
}

/** Seconds to wait before attempt n+1: exponential from 5 s, capped at an hour. */
export const retryDelaySeconds = (attempts: number): number =>
  Math.min(3600, 5 * 2 ** Math.max(0, attempts - 1));

export type Worker = {
  start(): void;
  stop(): Promise<void>;
  /** Claims and runs ready jobs until none are left; returns how many ran. For tests and the CLI. */
  drain(): Promise<number>;
};

export function createWorker(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  handlers: Record<string, JobHandler>;
  batchSize?: number;
  pollMs?: number;
  leaseMs?: number;
  workerId?: string;
  /** Dedicated workers: claim only these orgs' jobs (e.g. one large tenant). Default: all. */
  orgIds?: string[];
}): Worker {
  const { db, clock, logger, handlers, metrics } = deps;
  const batchSize = deps.batchSize ?? 10;
  const pollMs = deps.pollMs ?? 500;
  const leaseMs = deps.leaseMs ?? 60_000;
  const workerId = deps.workerId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;
  const orgFilter = deps.orgIds ?? null;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;

  // SKIP LOCKED lets any number of workers claim side by side; the lease brings back a job
  // whose worker died mid-run.
  async function claim(): Promise<Job[]> {
    const now = clock.now();
    const rows = await sql<{
      id: string;
      org_id: string | null;
      kind: string;
      payload: Record<string, unknown>;
      attempts: number;
      max_attempts: number;
    }>`
      UPDATE jobs SET status = 'running', attempts = attempts + 1, locked_by = ${workerId},
        locked_until = ${new Date(now.getTime() + leaseMs)}
      WHERE id IN (
        SELECT id FROM jobs
        WHERE ((status = 'pending' AND run_at <= ${now})
           OR (status = 'running' AND locked_until < ${now}))
          AND (${orgFilter}::uuid[] IS NULL OR org_id = ANY(${orgFilter}::uuid[]))
        ORDER BY priority, run_at
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, org_id, kind, payload, attempts, max_attempts`.execute(db);
    return rows.rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      kind: r.kind,
      payload: r.payload,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
    }));
  }

  async function runOne(job: Job): Promise<void> {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job);
      await db
        .updateTable('jobs')
        .set({ status: 'done', finished_at: clock.now(), locked_until: null, last_error: null })
        .where('id', '=', job.id)
        .where('locked_by', '=', workerId)
        .execute();
      metrics.jobsProcessed.inc({ kind: job.kind, outcome: 'done' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const isDead = job.attempts >= job.maxAttempts;
      logger.warn(
        { jobId: job.id, kind: job.kind, attempts: job.attempts, err: message },
        isDead ? 'job dead' : 'job failed, will retry',
      );
      await db
        .updateTable('jobs')
        .set({
          status: isDead ? 'dead' : 'pending',
          run_at: new Date(clock.now().getTime() + retryDelaySeconds(job.attempts) * 1000),
          locked_until: null,
          last_error: message.slice(0, 2000),
          finished_at: isDead ? clock.now() : null,
        })
        .where('id', '=', job.id)
        .where('locked_by', '=', workerId)
        .execute();
      metrics.jobsProcessed.inc({ kind: job.kind, outcome: isDead ? 'dead' : 'retry' });
    }
  }

  async function tick(): Promise<number> {
    const jobs = await claim();
    for (const job of jobs) await runOne(job);
    return jobs.length;
  }

  async function loop(): Promise<void> {
    if (stopped) return;
    let ran = 0;
    try {
      running = tick();
      ran = (await running) as number;
    } catch (error) {
      logger.error({ err: error }, 'worker tick failed');
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
