import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db/index.ts';
import { createWorker, type Worker } from '../platform/jobs/index.ts';
import type { Logger } from '../platform/logger.ts';
import { createMetrics, type Metrics } from '../platform/metrics.ts';
import { jobHandlers, type Services } from './app.ts';

/** The worker of a process: the jobs table, and the org mailboxes it holds the lease on. */
export function startWorker(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  services: Services;
  metrics?: Metrics;
  maxParallel?: number;
  imapPollSeconds?: number;
}): Worker {
  const worker = createWorker({
    db: deps.db,
    clock: deps.clock,
    logger: deps.logger,
    metrics: deps.metrics ?? createMetrics(),
    handlers: jobHandlers(deps.services),
    ...(deps.maxParallel ? { maxParallel: deps.maxParallel } : {}),
  });
  worker.start();
  // The org mailboxes this worker holds the lease on, IDLE between polls.
  const pollers = deps.services.mailboxes.startPollers({
    holder: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    intervalMs: (deps.imapPollSeconds ?? 60) * 1000,
  });
  return {
    ...worker,
    stop: async () => {
      await pollers.stop();
      await worker.stop();
    },
  };
}
