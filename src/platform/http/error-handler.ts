import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, httpStatusOf } from '../errors.ts';
import { negotiateLanguage, translate } from '../i18n.ts';
import type { Logger } from '../logger.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { fieldLabelsOf, type FieldLabels } from '../contract/labels.ts';
import { fieldIssuesOfValidation, localizeIssue } from './validation-errors.ts';

/** What a client is told to wait when the database is away: about one restart. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Longer path segments are refused before routing (414); shorter ones meet the schemas. */
export const MAX_PARAM_LENGTH = 500;

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

type RouteFinder = {
  findRoute(route: { method: string; url: string }): { params: unknown } | null;
};

/**
 * The methods a known path takes. The web app's catch-all (`/*`) serves pages, not this path,
 * so a match through it does not count.
 */
function allowedMethods(router: RouteFinder, pathname: string): string[] {
  return METHODS.filter((method) => {
    const found = router.findRoute({ method, url: pathname });
    return found !== null && !Object.hasOwn((found.params ?? {}) as object, '*');
  });
}

/**
 * What a request that matched no route gets: 414 for an over-long path segment, 405 with
 * `Allow` when the path exists for other methods, 404 otherwise, all in the normal shape.
 */
export function sendUnmatched(
  router: RouteFinder,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Logger,
) {
  const pathname = request.url.split('?')[0] ?? '/';
  if (pathname.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH))
    return sendError(new AppError('uri_too_long'), request, reply, logger);
  const allowed = allowedMethods(router, pathname);
  if (allowed.length > 0) {
    void reply.header('allow', allowed.join(', '));
    return sendError(
      new AppError('method_not_allowed', {
        params: { method: request.method, allowed: allowed.join(', ') },
      }),
      request,
      reply,
      logger,
    );
  }
  return sendError(new AppError('not_found'), request, reply, logger);
}

/**
 * Errors Fastify meets before routing (a malformed or over-long URL). No hook has run, so the
 * language and the security headers are set here.
 */
export function sendFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { logger: Logger; setSecurityHeaders: (r: FastifyRequest, p: FastifyReply) => void },
) {
  request.lang = negotiateLanguage(request.headers['accept-language']);
  deps.setSecurityHeaders(request, reply);
  const appError =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('uri_too_long')
      : error.code === 'FST_ERR_BAD_URL'
        ? new AppError('validation_failed', { messageKey: 'error.bad_url' })
        : undefined;
  return sendError(appError ?? error, request, reply, deps.logger);
}

/**
 * The labels of the fields a route takes, from the schemas it validates with or documents (a
 * handler that reads its own multipart body documents it).
 */
function routeLabels(request: FastifyRequest): FieldLabels {
  const schema = (request.routeOptions.schema ?? {}) as Record<string, unknown>;
  const documented = Object.values((schema.documentedBody ?? {}) as Record<string, unknown>);
  return Object.assign(
    {},
    ...[schema.params, schema.querystring, ...documented, schema.body].map(fieldLabelsOf),
  ) as FieldLabels;
}

const inputOf = (request: FastifyRequest, context: unknown): unknown =>
  context === 'querystring'
    ? request.query
    : context === 'params'
      ? request.params
      : context === 'headers'
        ? request.headers
        : request.body;

/**
 * The one error handler: every refusal is `{ error: { code, message, field?, errors? } }`,
 * localised. A refused field is named by its label in the reader's language; `errors` lists
 * every refused field (the first is also `field` and `message`), so a form can mark them all.
 */
export function sendError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Logger,
) {
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
    if (error.problems.length === 0)
      return reply
        .status(httpStatusOf[error.code])
        .send({ error: { code: error.code, message: error.localizedMessage(lang) } });
    const labels = routeLabels(request);
    const errors = error.problems.map((p) => localizeIssue(p, lang, labels));
    return reply.status(httpStatusOf[error.code]).send({
      error: { code: error.code, ...errors[0]!, errors },
    });
  }
  const issues = fieldIssuesOfValidation(
    error,
    inputOf(request, (error as { validationContext?: unknown }).validationContext),
  );
  if (issues) {
    const labels = routeLabels(request);
    const errors = issues.map((p) => localizeIssue(p, lang, labels));
    return reply.status(400).send({ error: { code: 'validation_failed', ...errors[0]!, errors } });
  }
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
