import { startWorker } from './start-worker.ts';
import { reportFatal } from './fatal.ts';
import { startRuntime } from './runtime.ts';

/** Extra workers: they join the running embedded database (or DATABASE_URL) and claim jobs. */
async function main(): Promise<void> {
  const { config, logger, database, clock, services } = await startRuntime('attach');
  const worker = startWorker({
    db: database.db,
    clock,
    logger,
    services,
    maxParallel: config.workerConcurrency,
    imapPollSeconds: config.inbound.imapPollSeconds,
  });
  logger.info('worker started');
  const stop = async () => {
    await worker.stop();
    services.mail.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  reportFatal(error);
  process.exit(1);
});
