import type { z } from 'zod';

/**
 * A kind of background work: a name, a version and the schema of its payload. The payload
 * carries ids and the org, never loaded records: the handler re-reads and re-checks before it
 * acts. A new payload shape is a new version, so jobs already queued keep parsing.
 */
export type JobDefinition<P extends JobPayload = JobPayload> = {
  readonly name: string;
  readonly version: number;
  readonly payload: z.ZodType<P>;
  /** Lower runs first among ready jobs; 5 by default, customer mail 1. */
  readonly priority: number;
  readonly maxAttempts: number;
  /**
   * 'once': a key is used once, ever (a reminder for one due time fires once however often it
   * is scheduled). 'coalesce': at most one job per key waits; once it has started, the key can
   * be queued again (recompute after a change).
   */
  readonly dedupe: 'once' | 'coalesce';
  /**
   * How many jobs of this kind one worker may run side by side (1: one after another). Only for
   * jobs that wait on something outside the database, such as an SMTP server, and that are safe
   * to run together (each locks its own record).
   */
  readonly parallel: number;
};

export type JobPayload = { orgId: string };

export function defineJob<S extends z.ZodType<JobPayload>>(definition: {
  name: string;
  version: number;
  payload: S;
  priority?: number;
  maxAttempts?: number;
  dedupe?: 'once' | 'coalesce';
  parallel?: number;
}): JobDefinition<z.output<S>> {
  return {
    name: definition.name,
    version: definition.version,
    payload: definition.payload as unknown as z.ZodType<z.output<S>>,
    priority: definition.priority ?? 5,
    maxAttempts: definition.maxAttempts ?? 8,
    dedupe: definition.dedupe ?? 'once',
    parallel: definition.parallel ?? 1,
  };
}

/** What a handler learns about the run besides its payload. */
export type JobRun = { id: string; attempts: number; maxAttempts: number; isLastAttempt: boolean };

/** A job definition bound to the code that runs it; the worker gets a list of these. */
export type JobHandler = {
  readonly job: JobDefinition;
  run(payload: JobPayload, run: JobRun): Promise<void>;
};

/**
 * Binds a handler to a job. The module that owns the record a job is about handles it, even
 * when another module sets the job (sla sets clock timers; complaints handles them).
 */
export function handleJob<P extends JobPayload>(
  job: JobDefinition<P>,
  run: (payload: P, run: JobRun) => Promise<void>,
): JobHandler {
  return { job: job as unknown as JobDefinition, run: run as JobHandler['run'] };
}

export const jobKey = (job: Pick<JobDefinition, 'name' | 'version'>): string =>
  `${job.name}@${job.version}`;
