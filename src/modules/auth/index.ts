export { createAuthService, SESSION_COOKIE, type AuthService } from './auth.service.ts';
export { createAuthenticator } from './authenticator.ts';
export { registerAuthRoutes } from './auth.routes.ts';
export { hashPassword } from './passwords.ts';
export { deleteSessionsOfUser } from './auth.repository.ts';
export {
  roles,
  isRole,
  rolePermissions,
  permissions,
  type Role,
  type Permission,
} from './domain/permissions.ts';
