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
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { AppError, httpStatusOf } from '../errors.ts';
import { negotiateLanguage, translate, type Language, isLanguage } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../clock.ts';
import type { Principal, RoutePermission } from './principal.ts';
import { createRateLimiter } from './rate-limit.ts';
import { MAX_FILES_PER_UPLOAD } from './multipart.ts';
import { localizeValidationError } from './validation-errors.ts';
import type { Metrics } from '../metrics.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: RoutePermission;
    /** Requests per window per client address. */
    rateLimit?: { max: number; windowMs: number };
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
  clock: Clock;
  authenticator: Authenticator;
  metrics: Metrics;
  uploadMaxBytes: number;
  trustProxy: boolean;
};

/**
 * The HTTP shell: zod validation, OpenAPI, cookies, uploads, the permission gate, CSRF, rate
 * limits and the one error handler. Modules add their routes to the returned app.
 */
export async function createHttpApp(options: HttpOptions): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: options.logger,
    trustProxy: options.trustProxy,
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
    limits: {
      fileSize: options.uploadMaxBytes,
      files: MAX_FILES_PER_UPLOAD,
      fields: 20,
      fieldSize: 100_000,
    },
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

  const limiter = createRateLimiter();
  app.addHook('onRequest', async (request, reply) => {
    request.lang = negotiateLanguage(request.headers['accept-language']);
    const limit = request.routeOptions.config?.rateLimit;
    if (limit) {
      const key = `${request.routeOptions.url ?? request.url}|${request.ip}`;
      const result = limiter.hit(key, limit.max, limit.windowMs, options.clock.now().getTime());
      if (!result.allowed) {
        void reply.header('retry-after', String(result.retryAfterSeconds));
        throw new AppError('rate_limited', { params: { seconds: result.retryAfterSeconds } });
      }
    }
  });

  // Before validation: an anonymous or unauthorised caller learns nothing about the schema.
  app.addHook('preValidation', async (request) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission) throw new AppError('not_found');
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

/** What a client is told to wait when the database is away: about one restart. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply, logger: Logger) {
  const lang = request.lang ?? 'vi';
  // A refused upload is still arriving: answer now and close, rather than read the rest of it.
  if (!request.raw.readableEnded) void reply.header('connection', 'close');
  if (isDatabaseUnavailable(error)) {
    // The database is restarting or failing over: a retry will work, so say so, without a stack.
    logger.warn({ url: request.url, reason: (error as Error).message }, 'database unavailable');
    const unavailable = new AppError('unavailable', {
      params: { seconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
    });
    return sendError(
      unavailable,
      request,
      reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS)),
      logger,
    );
  }
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
