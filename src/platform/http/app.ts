import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../errors.ts';
import { negotiateLanguage, type Language, isLanguage } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/index.ts';
import type { Principal, RoutePermission } from './principal.ts';
import { createRateLimiter, type Admission, type RateLimit } from './rate-limit.ts';
import { MAX_PARAM_LENGTH, sendError, sendFrameworkError, sendUnmatched } from './error-handler.ts';
import { createSecurityHeaders } from './security-headers.ts';
import { registerOpenApi } from './openapi.ts';
import { MAX_FILES_PER_UPLOAD } from './multipart.ts';
import type { Metrics } from '../metrics.ts';
import type { TrustProxy } from '../config.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** Requests per window per client address, counted across every process. */
    rateLimit?: RateLimit;
    /**
     * On a public route: still find out who is calling when they carry a session or a key, so
     * that a staff member acting there is recorded as staff (and needs the CSRF header).
     */
    identify?: boolean;
  }
  interface FastifyInstance {
    /** Every route with the permission it declared; a test checks that none is missing. */
    declaredRoutes: DeclaredRoute[];
  }
  interface FastifyRequest {
    principal: Principal | undefined;
    lang: Language;
    rateLimitAdmission: Admission | undefined;
  }
}

export type HttpApp = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  Logger,
  ZodTypeProvider
>;

export type DeclaredRoute = {
  method: string;
  url: string;
  permission: RoutePermission | undefined;
};

export type Authenticator = {
  /** Resolves the caller from the cookie or the Authorization header; undefined if anonymous. */
  authenticate(request: FastifyRequest): Promise<Principal | undefined>;
};

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type HttpOptions = {
  logger: Logger;
  /** Holds the rate-limit counters that every process shares. */
  db: Db;
  clock: Clock;
  authenticator: Authenticator;
  metrics: Metrics;
  uploadMaxBytes: number;
  trustProxy: TrustProxy;
  /** The permissions an API key can hold: the API document offers keys on those routes. */
  apiKeyPermissions: ReadonlySet<string>;
};

/**
 * The HTTP shell: zod validation, OpenAPI, cookies, uploads, security headers, the permission
 * gate, CSRF, rate limits and the one error handler. Modules add their routes to the returned app.
 */
const langParam = (query: unknown) => {
  const lang = (query as Record<string, unknown> | undefined)?.lang;
  return typeof lang === 'string' && isLanguage(lang) ? lang : undefined;
};

export async function createHttpApp(options: HttpOptions): Promise<HttpApp> {
  const setSecurityHeaders = createSecurityHeaders();
  const app = Fastify({
    loggerInstance: options.logger,
    trustProxy: trustProxyOption(options.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: (error, request, reply) =>
      sendFrameworkError(error, request, reply, { logger: options.logger, setSecurityHeaders }),
  }).withTypeProvider<ZodTypeProvider>();
  const declaredRoutes: DeclaredRoute[] = [];

  app.setValidatorCompiler(validatorCompiler);
  // Responses are typed by the contracts at compile time; re-validating them at run time would
  // double the cost of every response on the hot path.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: options.uploadMaxBytes,
      files: MAX_FILES_PER_UPLOAD,
      fields: 20,
      fieldSize: 100_000,
    },
  });
  await registerOpenApi(app, { apiKeyPermissions: options.apiKeyPermissions });

  const missing: string[] = [];
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods)
      declaredRoutes.push({ method: String(method), url: route.url, permission });
    if (!permission) missing.push(`${String(route.method)} ${route.url}`);
  });
  app.addHook('onReady', async () => {
    if (missing.length > 0) {
      throw new Error(`Routes without a declared permission: ${missing.join(', ')}`);
    }
  });

  app.decorate('declaredRoutes', declaredRoutes);
  app.decorateRequest('principal', undefined);
  app.decorateRequest('lang', 'vi');
  app.decorateRequest('rateLimitAdmission', undefined);

  app.addHook('onRequest', async (request, reply) => setSecurityHeaders(request, reply));

  const limiter = createRateLimiter({
    db: options.db,
    clock: options.clock,
    logger: options.logger,
  });
  app.addHook('onRequest', async (request, reply) => {
    request.lang = negotiateLanguage(request.headers['accept-language']);
    // A download link carries the UI's language (`?lang=`), which the browser's header may not be.
    const asked = langParam(request.query);
    if (asked) request.lang = asked;
    const limit = request.routeOptions.config?.rateLimit;
    if (limit) {
      // request.ip is the socket's address, or the client named by the trusted proxies only.
      const key = `${request.method} ${request.routeOptions.url ?? request.url}|${request.ip}`;
      const result = await limiter.hit(key, limit);
      if (!result.admission) {
        void reply.header('retry-after', String(result.retryAfterSeconds));
        throw new AppError('rate_limited', { params: { seconds: result.retryAfterSeconds } });
      }
      request.rateLimitAdmission = result.admission;
    }
  });
  // Settled before the answer leaves, so the client's next request sees the counts it caused.
  app.addHook('onSend', async (request, reply) => {
    const admission = request.rateLimitAdmission;
    if (!admission) return;
    request.rateLimitAdmission = undefined;
    await limiter
      .settle(admission, reply.statusCode)
      .catch((error: unknown) => options.logger.warn({ err: error }, 'rate-limit settle failed'));
  });

  // Before validation: an anonymous or unauthorised caller learns nothing about the schema.
  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission) {
      // Unmatched requests go on to the not-found handler, which answers 404, 405 or 414.
      if (request.is404) return;
      throw new AppError('not_found');
    }
    if (permission === 'public' && !request.routeOptions.config?.identify) return;
    const principal = await options.authenticator.authenticate(request);
    request.principal = principal;
    if (permission === 'public') {
      if (principal?.kind === 'user' && UNSAFE_METHODS.has(request.method))
        if (request.headers['x-csrf-token'] !== principal.csrfToken)
          throw new AppError('csrf_failed');
      return;
    }
    if (
      principal?.kind === 'user' &&
      !request.headers['accept-language'] &&
      !langParam(request.query) &&
      isLanguage(principal.locale)
    ) {
      request.lang = principal.locale;
    }
    if (!principal) throw new AppError('unauthenticated');
    if (principal.kind === 'user' && UNSAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== principal.csrfToken)
        throw new AppError('csrf_failed');
    }
    if (permission !== 'authenticated' && !principal.permissions.has(permission)) {
      throw new AppError('forbidden');
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    options.metrics.httpRequests.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) =>
    sendError(error, request, reply, options.logger),
  );
  app.setNotFoundHandler((request, reply) => sendUnmatched(app, request, reply, options.logger));
  return app;
}

/**
 * Fastify trusts no hop count (a number would trust nothing), so a count of proxies becomes a
 * function of the hop: the socket's peer is hop 0, and each trusted hop names the one before.
 * X-Forwarded-For values to the left of the last trusted hop are the client's own words and are
 * never believed.
 */
function trustProxyOption(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
