import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { LogController } from 'fastify';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { HttpApp } from './app.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Whether the Authorization header carries the token. Both sides are hashed first, so the
 * comparison takes the same time whatever the length or the content of the guess.
 */
export function hasBearerToken(header: string | undefined, token: string): boolean {
  const given = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  return timingSafeEqual(digest(given), digest(token)) && given.length > 0;
}

/**
 * GET /metrics on the main port: only with the bearer token, and not there at all (404)
 * when no token is configured. Prometheus scrapes with `authorization: { credentials: … }`.
 */
export function registerMetricsRoute(
  app: HttpApp,
  deps: { metrics: Metrics; token: string | undefined },
): void {
  const { metrics, token } = deps;
  app.get(
    '/metrics',
    { config: { permission: 'public' }, schema: { hide: true } },
    async (request, reply) => {
      if (!token) throw new AppError('not_found');
      if (!hasBearerToken(request.headers.authorization, token)) {
        void reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw new AppError('unauthenticated');
      }
      return reply
        .header('content-type', metrics.registry.contentType)
        .header('cache-control', 'no-store')
        .send(await metrics.registry.metrics());
    },
  );
}

export type MetricsServer = { url: string; close(): Promise<void> };

/**
 * /metrics alone on its own port, bound to the loopback address: reachable from this machine
 * (a local Prometheus agent, a sidecar), never from the network, so it needs no token.
 */
export async function startMetricsServer(deps: {
  metrics: Metrics;
  port: number;
  logger: Logger;
}): Promise<MetricsServer> {
  const server = Fastify({
    loggerInstance: deps.logger,
    logController: new LogController({ disableRequestLogging: true }),
  });
  server.get('/metrics', async (_request, reply) =>
    reply
      .header('content-type', deps.metrics.registry.contentType)
      .header('cache-control', 'no-store')
      .send(await deps.metrics.registry.metrics()),
  );
  server.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: 'Not found.' } }),
  );
  const url = await server.listen({ port: deps.port, host: '127.0.0.1' });
  return { url, close: () => server.close() };
}
