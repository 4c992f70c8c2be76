import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app.ts';
import { scopeOf } from '../../platform/actor.ts';
import { uuid } from '../../platform/contract/fields.ts';
import {
  apiKeyView,
  createApiKeyRequest,
  createApiKeyResponse,
  loginRequest,
  meResponse,
  updateMeRequest,
  type ApiKeyView,
} from './auth.contract.ts';
import { SESSION_COOKIE, type AuthService } from './auth.service.ts';
import type { ApiKeyRecord } from './auth.repository.ts';

const toApiKeyView = (k: ApiKeyRecord): ApiKeyView => ({
  id: k.id,
  name: k.name,
  lastFour: k.lastFour,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

export function registerAuthRoutes(
  app: HttpApp,
  deps: { auth: AuthService; cookieSecure: boolean | undefined },
) {
  const { auth } = deps;

  app.post('/api/auth/login', {
    config: { permission: 'public', rateLimit: { max: 20, windowMs: 60_000 } },
    schema: { tags: ['auth'], body: loginRequest, response: { 200: meResponse } },
    handler: async (request, reply) => {
      const result = await auth.login({
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      void reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.cookieSecure ?? request.protocol === 'https',
        expires: result.expiresAt,
      });
      return result.me;
    },
  });

  app.post('/api/auth/logout', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'] },
    handler: async (request, reply) => {
      await auth.logout(request.cookies[SESSION_COOKIE]);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  });

  app.get('/api/auth/me', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], response: { 200: meResponse } },
    handler: async (request) => auth.me(request.principal!),
  });

  app.patch('/api/auth/me', {
    config: { permission: 'authenticated' },
    schema: { tags: ['auth'], body: updateMeRequest },
    handler: async (request) => {
      await auth.updateLocale(request.principal!, request.body.locale);
      return auth.me(request.principal!);
    },
  });

  app.get('/api/api-keys', {
    config: { permission: 'apikey:admin' },
    schema: { tags: ['auth'], response: { 200: z.object({ items: z.array(apiKeyView) }) } },
    handler: async (request) => ({
      items: (await auth.listApiKeys(request.principal!.orgId)).map(toApiKeyView),
    }),
  });

  app.post('/api/api-keys', {
    config: { permission: 'apikey:admin' },
    schema: { tags: ['auth'], body: createApiKeyRequest, response: { 201: createApiKeyResponse } },
    handler: async (request, reply) => {
      const scope = scopeOf(request.principal);
      const { key, token } = await auth.createApiKey(scope.orgId, scope.actor, request.body.name);
      return reply.status(201).send({ apiKey: toApiKeyView(key), token });
    },
  });

  app.delete('/api/api-keys/:id', {
    config: { permission: 'apikey:admin' },
    schema: { tags: ['auth'], params: z.object({ id: uuid }) },
    handler: async (request) => {
      const scope = scopeOf(request.principal);
      await auth.revokeApiKey(scope.orgId, scope.actor, request.params.id);
      return { ok: true };
    },
  });
}
