import { loadProcessConfig, type Config } from '../platform/config.ts';
import { prepareDataDir } from '../platform/data-dir.ts';
import { createLogger, type Logger } from '../platform/logger.ts';
import { openDatabase, type DatabaseHandle } from '../platform/db/index.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createShiftableClock, systemClock, type Clock } from '../platform/clock.ts';
import { createServices, type Services } from './app.ts';

export type Runtime = {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  clock: Clock & { advance?: (ms: number) => void; offsetMs?: () => number };
  services: Services;
};

/**
 * Shared start-up of every entry point: config, logger, data directory, database, migrations,
 * services. When a step fails after the database opened, the database is closed again (an
 * embedded PostgreSQL this process started is stopped) before the error goes up.
 */
export async function startRuntime(
  role: 'owner' | 'attach' | 'owner-or-attach',
  defaults: NodeJS.ProcessEnv = {},
): Promise<Runtime> {
  const config = loadProcessConfig({ defaults });
  const logger = createLogger(config.logLevel);
  await prepareDataDir(config.dataDir);
  const database = await openDatabase(config, logger, role);
  try {
    const applied = await migrate(database.pool);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const clock = config.clockControl ? createShiftableClock() : systemClock;
    const services = createServices({
      config,
      db: database.db,
      reportsDb: database.reportsDb,
      clock,
      logger,
    });
    return { config, logger, database, clock, services };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
