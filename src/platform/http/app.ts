import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import {
  jsonSchemaTransform,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError, httpStatusOf } from '../errors.ts';
import { negotiateLanguage, translate, type Language, isLanguage } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/index.ts';
import type { Principal, RoutePermission } from './principal.ts';
import { createRateLimiter, type Admission, type RateLimit } from './rate-limit.ts';
import { localizeValidationError } from './validation-errors.ts';
import { createSecurityHeaders } from './security-headers.ts';
import type { Metrics } from '../metrics.ts';
import type { TrustProxy } from '../config.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** Requests per window per client address, counted across every process. */
    rateLimit?: RateLimit;
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
};

/**
 * The HTTP shell: zod validation, OpenAPI, cookies, uploads, security headers, the permission
 * gate, CSRF, rate limits and the one error handler. Modules add their routes to the returned app.
 */
export async function createHttpApp(options: HttpOptions): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: options.logger,
    trustProxy: trustProxyOption(options.trustProxy),
    bodyLimit: 2 * 1024 * 1024,
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  const declaredRoutes: DeclaredRoute[] = [];

  app.setValidatorCompiler(validatorCompiler);
  // Responses are typed by the contracts at compile time; re-validating them at run time would
  // double the cost of every response on the hot path.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, {
    limits: { fileSize: options.uploadMaxBytes, files: 10, fields: 20, fieldSize: 100_000 },
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ombud API',
        version: '1',
        description:
          'Complaint handling. Authenticate with `Authorization: Bearer <API key>`. Creates accept an `Idempotency-Key` header.',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'ombud_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

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

  const setSecurityHeaders = createSecurityHeaders();
  app.addHook('onRequest', async (request, reply) => setSecurityHeaders(request, reply));

  const limiter = createRateLimiter({
    db: options.db,
    clock: options.clock,
    logger: options.logger,
  });
  app.addHook('onRequest', async (request, reply) => {
    request.lang = negotiateLanguage(request.headers['accept-language']);
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
    if (!permission) throw new AppError('not_found');
    if (permission === 'public') return;
    const principal = await options.authenticator.authenticate(request);
    request.principal = principal;
    if (
      principal?.kind === 'user' &&
      !request.headers['accept-language'] &&
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
  app.setNotFoundHandler((request, reply) =>
    sendError(new AppError('not_found'), request, reply, options.logger),
  );
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

function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger) {
  const lang = request.lang ?? 'vi';
  if (error instanceof AppError) {
    return reply.status(httpStatusOf[error.code]).send({
      error: {
        code: error.code,
        message: error.localizedMessage(lang),
        ...(error.field ? { field: error.field } : {}),
      },
    });
  }
  const localized = localizeValidationError(error, lang);
  if (localized)
    return reply.status(400).send({ error: { code: 'validation_failed', ...localized } });
  const fastifyError = error as FastifyError;
  const status = fastifyError.statusCode ?? 500;
  if (status === 413 || fastifyError.code === 'FST_REQ_FILE_TOO_LARGE') {
    return reply.status(413).send({
      error: {
        code: 'payload_too_large',
        message: translate(lang, 'error.payload_too_large', { max: '' }),
      },
    });
  }
  if (status === 415) {
    return reply.status(415).send({
      error: {
        code: 'unsupported_media_type',
        message: translate(lang, 'error.unsupported_media_type', {
          type: String(request.headers['content-type'] ?? ''),
        }),
      },
    });
  }
  if (status >= 400 && status < 500) {
    // Malformed JSON, bad multipart framing and the like: the client's fault, never a 500.
    return reply.status(400).send({
      error: { code: 'validation_failed', message: translate(lang, 'error.validation_failed') },
    });
  }
  logger.error({ err: error, url: request.url }, 'unhandled error');
  return reply
    .status(500)
    .send({ error: { code: 'internal', message: translate(lang, 'error.internal') } });
}
