import { ConfigError } from '../platform/config.ts';
import { EmbeddedDatabaseInUseError } from '../platform/db/embedded.ts';
import { startWorker } from './app.ts';
import { startRuntime } from './runtime.ts';

/** Extra workers: they join the running embedded database (or DATABASE_URL) and claim jobs. */
async function main(): Promise<void> {
  const { logger, database, clock, services } = await startRuntime('attach');
  const worker = startWorker({ db: database.db, clock, logger, services });
  logger.info('worker started');
  const stop = async () => {
    await worker.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(
    error instanceof EmbeddedDatabaseInUseError || error instanceof ConfigError
      ? `ombud: ${error.message}`
      : error,
  );
  process.exit(1);
});
