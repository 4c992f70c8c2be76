import type { FastifyRequest } from 'fastify';
import type { Authenticator } from '../../platform/http/app.ts';
import { SESSION_COOKIE, type AuthService } from './auth.service.ts';

/** API keys come as a bearer token; people come with the session cookie. */
export function createAuthenticator(auth: AuthService): Authenticator {
  return {
    async authenticate(request: FastifyRequest) {
      const header = request.headers.authorization;
      if (header?.startsWith('Bearer ')) return auth.fromApiKey(header.slice(7).trim());
      const token = request.cookies[SESSION_COOKIE];
      return token ? auth.fromSessionToken(token) : undefined;
    },
  };
}
