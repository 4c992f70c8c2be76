import { loadProcessConfig, type Config } from '../platform/config.ts';
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

/** Shared start-up of every entry point: config, logger, database, migrations, services. */
export async function startRuntime(
  role: 'owner' | 'attach' | 'owner-or-attach',
  defaults: NodeJS.ProcessEnv = {},
): Promise<Runtime> {
  const config = loadProcessConfig({ defaults });
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger, role);
  const applied = await migrate(database.pool);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  const clock = config.clockControl ? createShiftableClock() : systemClock;
  const services = createServices({ config, db: database.db, clock, logger });
  return { config, logger, database, clock, services };
}
