import { createMetrics } from '../platform/metrics.ts';
import { isDatabaseReady } from '../platform/db/index.ts';
import { createLiveHub } from '../platform/live.ts';
import { createRateLimiter } from '../platform/http/rate-limit.ts';
import { startSmtpListener } from '../modules/channels/index.ts';
import { buildHttp, startMetricsPort } from './app.ts';
import { startWorker } from './start-worker.ts';
import { listenErrorOf, reportFatal } from './fatal.ts';
import { startRuntime, type Runtime } from './runtime.ts';
import { startDemoIfEmpty } from './seed-demo.ts';

async function serve(runtime: Runtime): Promise<void> {
  const { config, logger, database, clock, services } = runtime;
  // A first start answers at once; the demo is made meanwhile, and /api/health says how far.
  const demo = config.seedDemo ? await startDemoIfEmpty(runtime) : undefined;
  let isDemoLoading = demo !== undefined;
  const metrics = createMetrics();
  const app = await buildHttp({
    config,
    db: database.db,
    clock,
    logger,
    services,
    metrics,
    live: createLiveHub(database.url, logger),
    ...(clock.advance && clock.offsetMs
      ? { shiftClock: { advance: clock.advance, offsetMs: clock.offsetMs } }
      : {}),
    isReady: () => isDatabaseReady(database.db),
    demoProgress: () => (isDemoLoading ? demo?.progress() : undefined),
  });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw listenErrorOf(error, config.host, config.port);
  }
  const metricsPort = await startMetricsPort({ config, metrics, logger });
  const inbound =
    config.inbound.smtpPort === undefined
      ? undefined
      : await startSmtpListener({
          port: config.inbound.smtpPort,
          host: config.inbound.smtpHost,
          domain: config.inbound.domain,
          maxBytes: config.inbound.maxBytes,
          messagesPerMinute: config.inbound.messagesPerMinute,
          channels: services.channels,
          isOrg: async (slug) => (await services.org.findOrgBySlug(slug)) !== undefined,
          rateLimiter: createRateLimiter({ db: database.db, clock, logger }),
          logger,
        });
  let stopping = false;
  let worker: ReturnType<typeof startWorker> | undefined;
  // The worker starts once the demo is complete: the demo's past mail and timers are retired
  // as history at its end, and must not be sent or fired as news before that.
  const startTheWorker = () => {
    if (config.runWorker && !stopping)
      worker = startWorker({
        db: database.db,
        clock,
        logger,
        services,
        metrics,
        maxParallel: config.workerConcurrency,
        imapPollSeconds: config.inbound.imapPollSeconds,
      });
  };
  if (demo) {
    demo.done.then(
      () => {
        isDemoLoading = false;
        startTheWorker();
      },
      (error: unknown) => {
        isDemoLoading = false;
        if (!stopping) logger.error({ err: error }, 'the demo data could not be made');
        startTheWorker();
      },
    );
  } else startTheWorker();
  logger.info(
    {
      url: config.publicUrl,
      database: database.isEmbedded ? `embedded (${config.embeddedPgDir})` : 'DATABASE_URL',
      mail: services.mail.transportName,
      metrics: metricsPort?.url ?? (config.metricsToken ? '/metrics (token)' : 'off'),
    },
    `Ombud is running: open ${config.publicUrl}${config.clockControl ? ' (clock control on: POST /api/dev/clock)' : ''}`,
  );
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    database.beginClose();
    await app.close();
    await metricsPort?.close();
    await inbound?.close();
    await worker?.stop();
    services.mail.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

async function main(): Promise<void> {
  const runtime = await startRuntime('owner');
  try {
    await serve(runtime);
  } catch (error) {
    await runtime.database.close().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  reportFatal(error);
  process.exit(1);
});
