import type { Clock } from '../clock.ts';
import type { Tx } from '../db/index.ts';
import type { PendingWrite } from '../db/write-together.ts';
import type { JobDefinition, JobPayload } from './define.ts';
import { insertJobs, jobWrites, type JobRow } from './jobs.repository.ts';

export type EnqueueOptions = {
  runAt?: Date;
  /** A deterministic key (see the job's `dedupe`): the same key makes a second enqueue a no-op. */
  key?: string;
  /** Overrides the job's priority for this one (e.g. an internal notice's mail waits). */
  priority?: number;
};

export type JobQueue = {
  /**
   * Writes the job in the caller's transaction (the outbox): it exists if and only if the change
   * that caused it commits.
   */
  enqueue<P extends JobPayload>(
    tx: Tx,
    job: JobDefinition<P>,
    payload: P,
    options?: EnqueueOptions,
  ): Promise<void>;
  /** Several jobs of one kind in one statement (e.g. a clock's warning, breach and escalations). */
  enqueueMany<P extends JobPayload>(
    tx: Tx,
    job: JobDefinition<P>,
    items: ({ payload: P } & EnqueueOptions)[],
  ): Promise<void>;
  /** The same, as statements to send with others ({@link writeTogether}). */
  pendingMany<P extends JobPayload>(
    tx: Tx,
    job: JobDefinition<P>,
    items: ({ payload: P } & EnqueueOptions)[],
  ): PendingWrite[];
};

export function createJobQueue(clock: Clock): JobQueue {
  const rowsOf = <P extends JobPayload>(
    job: JobDefinition<P>,
    items: ({ payload: P } & EnqueueOptions)[],
  ): JobRow[] =>
    items.map((item) => ({
      orgId: item.payload.orgId,
      kind: job.name,
      version: job.version,
      payload: item.payload,
      runAt: item.runAt ?? clock.now(),
      dedupeKey: job.dedupe === 'once' ? (item.key ?? null) : null,
      coalesceKey: job.dedupe === 'coalesce' ? (item.key ?? 'all') : null,
      maxAttempts: job.maxAttempts,
      priority: item.priority ?? job.priority,
    }));
  const enqueueMany: JobQueue['enqueueMany'] = async (tx, job, items) => {
    if (items.length === 0) return;
    await insertJobs(tx, rowsOf(job, items));
  };
  return {
    enqueueMany,
    pendingMany: (tx, job, items) => (items.length === 0 ? [] : jobWrites(tx, rowsOf(job, items))),
    enqueue: (tx, job, payload, options = {}) => enqueueMany(tx, job, [{ payload, ...options }]),
  };
}
