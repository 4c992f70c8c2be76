import fastifySwagger from '@fastify/swagger';
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z, type ZodType } from 'zod';
import { errorResponse } from '../contract/fields.ts';
import type { HttpApp } from './app.ts';
import type { RoutePermission } from './principal.ts';

declare module 'fastify' {
  interface FastifySchema {
    /**
     * For the API document only: the body by content type, for a handler that reads its own
     * body (multipart parts as they stream). The server does not validate against it.
     */
    documentedBody?: Record<string, ZodType>;
  }
}

type JsonSchema = Record<string, unknown>;
type Security = Record<string, string[]>[];

const ERROR_SCHEMA = 'ErrorResponse';
const errorRef = { $ref: `#/components/schemas/${ERROR_SCHEMA}` };

const refusals = {
  400: 'Invalid input: `field` names the first bad field and `errors` lists every one, each with a message in the language of Accept-Language',
  401: 'Not signed in: no, an expired or a revoked session or API key',
  403: 'Not allowed for this role or API key, or a session request without its X-CSRF-Token',
  404: 'Not found, or a record of another org',
  409: 'A conflict (changed or duplicate data) or a transition the status does not allow',
  413: 'The body or a file is too large',
  415: 'A content type or file type that is not accepted',
  429: 'Too many requests from this address; Retry-After says when to try again',
  '4XX': 'Any other refusal, in the same shape',
} as const;
type Refusal = keyof typeof refusals;

const toJsonSchema = (schema: ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _, ...json } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  });
  return json;
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function refusalsOf(schema: FastifySchema, route: RouteOptions): Refusal[] {
  const permission = route.config?.permission;
  const isPublic = permission === 'public';
  const methods = [route.method].flat().map(String);
  const hasBody = Boolean(schema.body ?? schema.documentedBody ?? schema.consumes);
  const codes: Refusal[] = [];
  if (hasBody || schema.params || schema.querystring) codes.push(400);
  if (!isPublic) codes.push(401, 403);
  if (schema.params) codes.push(404);
  if (!isPublic && methods.some((m) => UNSAFE.has(m))) codes.push(409);
  if (hasBody) codes.push(413, 415);
  if (route.config?.rateLimit) codes.push(429);
  codes.push('4XX');
  return codes;
}

function securityOf(
  permission: RoutePermission | undefined,
  apiKeyPermissions: ReadonlySet<string>,
): Security {
  if (permission === 'public') return [];
  if (permission === 'authenticated' || (permission && apiKeyPermissions.has(permission)))
    return [{ session: [] }, { apiKey: [] }];
  return [{ session: [] }];
}

/**
 * The OpenAPI 3.1 document at /api/openapi.json, generated from the zod schemas the server
 * validates with. Each operation also gets, from its route: its security (none for public
 * routes; the session cookie, and an API key where keys hold the permission), its refusals
 * with the one error body, and the body of a handler that reads its own multipart parts.
 */
export async function registerOpenApi(
  app: HttpApp,
  options: { apiKeyPermissions: ReadonlySet<string> },
): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ombud API',
        version: '1',
        description:
          'Complaint handling. Authenticate with `Authorization: Bearer <API key>`. Creates accept an `Idempotency-Key` header. Every refusal is `{ "error": { "code", "message", "field" } }`, with the message in the language of `Accept-Language` (vi, en, zh).',
      },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API key, created by an admin and shown once.',
          },
          session: {
            type: 'apiKey',
            in: 'cookie',
            name: 'ombud_session',
            description:
              'The cookie of a signed-in person (POST /api/auth/login). Requests that change anything also carry the `X-CSRF-Token` header with the token the sign-in returned.',
          },
        },
        schemas: { [ERROR_SCHEMA]: toJsonSchema(errorResponse, 'output') },
      },
    },
    transform: (input) => {
      const { schema, route } = input;
      if (!schema || schema.hide) return jsonSchemaTransform(input);
      const { documentedBody, ...validated } = schema;
      const transformed = jsonSchemaTransform({ ...input, schema: validated });
      const out = transformed.schema as FastifySchema & { security?: Security };
      out.security ??= securityOf(route.config?.permission, options.apiKeyPermissions);
      if (documentedBody) {
        out.body = {
          content: Object.fromEntries(
            Object.entries(documentedBody).map(([type, body]) => [
              type,
              { schema: toJsonSchema(body, 'input') },
            ]),
          ),
        };
      }
      const declared = (out.response ?? {}) as Record<string, unknown>;
      const responses: Record<string, unknown> = Object.keys(declared).some((c) =>
        c.startsWith('2'),
      )
        ? {}
        : { 200: { description: 'Done' } };
      for (const code of refusalsOf(schema, route)) {
        responses[code] = {
          description: refusals[code],
          ...errorRef,
          ...(code === 429
            ? { headers: { 'retry-after': { type: 'integer', description: 'Seconds to wait' } } }
            : {}),
        };
      }
      out.response = { ...responses, ...declared };
      return { schema: out, url: transformed.url };
    },
  });
}
