export { createAuthService, SESSION_COOKIE, type AuthService } from './auth.service.ts';
export { createAuthenticator } from './authenticator.ts';
export { registerAuthRoutes } from './auth.routes.ts';
