export {
  defineJob,
  handleJob,
  jobKey,
  type JobDefinition,
  type JobHandler,
  type JobPayload,
  type JobRun,
} from './define.ts';
export { createJobQueue, type JobQueue, type EnqueueOptions } from './queue.ts';
export { createWorker, retryDelaySeconds, type Worker } from './worker.ts';
export { retirePendingJobs } from './jobs.repository.ts';
