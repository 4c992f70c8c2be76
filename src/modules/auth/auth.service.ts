import { randomBytes } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/http/principal.ts';
import type { Actor } from '../../platform/actor.ts';
import { isLanguage } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/index.ts';
import { apiKeyPermissions, isRole, rolePermissions } from '../kernel/index.ts';
import type { OrgService, UserCredentials } from '../org/index.ts';
import * as repo from './auth.repository.ts';
import type { MeResponse } from './auth.contract.ts';
import { LOCK_MINUTES, MAX_FAILED_LOGINS, SESSION_DAYS } from './domain/sign-in.ts';
import { hashToken, issueToken, orgIdOfToken } from '../../platform/tokens.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/passwords.ts';

export const SESSION_COOKIE = 'ombud_session';
const API_KEY_PREFIX = 'omb_';

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: { db: Db; clock: Clock; org: OrgService }) {
  const { db, clock, org } = deps;

  function toMe(user: UserCredentials, csrfToken: string): MeResponse {
    const role = isRole(user.role) ? user.role : 'agent';
    return {
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        role,
        orgId: user.orgId,
        orgName: user.orgName,
        orgSlug: user.orgSlug,
        locale: isLanguage(user.locale) ? user.locale : 'vi',
        departmentId: user.departmentId,
        permissions: [...rolePermissions[role]],
      },
      csrfToken,
    };
  }

  return {
    /** Verifies the password, with a lockout after repeated failures; returns a new session. */
    async login(input: {
      email: string;
      password: string;
      org?: string | undefined;
      ip: string;
      userAgent: string | null;
    }) {
      const candidates = await org.findCredentialsByEmail(input.email, input.org || undefined);
      if (candidates.length > 1)
        throw new AppError('validation_failed', { field: 'org', messageKey: 'field.required' });
      const user = candidates[0];
      if (!user || !user.passwordHash || !user.isActive) {
        await burnPasswordCheck(input.password);
        throw new AppError('invalid_credentials');
      }
      const now = clock.now();
      if (user.lockedUntil && user.lockedUntil > now) {
        const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
        throw new AppError('account_locked', { params: { minutes } });
      }
      if (!(await verifyPassword(user.passwordHash, input.password))) {
        const willLock = user.failedLoginCount + 1 >= MAX_FAILED_LOGINS;
        await org.recordFailedSignIn(
          user.orgId,
          user.id,
          willLock ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null,
        );
        throw new AppError(willLock ? 'account_locked' : 'invalid_credentials', {
          params: { minutes: LOCK_MINUTES },
        });
      }
      await org.recordSuccessfulSignIn(user.orgId, user.id);
      const { token, hash } = issueToken(user.orgId);
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
      await repo.insertSession(db, {
        orgId: user.orgId,
        tokenHash: hash,
        userId: user.id,
        csrfToken,
        expiresAt,
        ip: input.ip,
        userAgent: input.userAgent,
        credentialsVersion: user.credentialsVersion,
        createdAt: now,
      });
      return { token, expiresAt, me: toMe(user, csrfToken) };
    },

    async logout(sessionToken: string | undefined): Promise<void> {
      const orgId = sessionToken ? orgIdOfToken(sessionToken) : undefined;
      if (sessionToken && orgId) await repo.deleteSession(db, orgId, hashToken(sessionToken));
    },

    async me(principal: Principal): Promise<MeResponse> {
      if (principal.kind !== 'user') throw new AppError('forbidden');
      const user = await org.findCredentials(principal.orgId, principal.userId);
      if (!user) throw new AppError('unauthenticated');
      return toMe(user, principal.csrfToken);
    },

    async updateLocale(principal: Principal, locale: string): Promise<void> {
      if (principal.kind !== 'user') throw new AppError('forbidden');
      await org.setLocale(principal.orgId, principal.userId, locale);
    },

    async fromSessionToken(token: string): Promise<Principal | undefined> {
      const orgId = orgIdOfToken(token);
      if (!orgId) return undefined;
      const tokenHash = hashToken(token);
      const session = await repo.findSession(db, orgId, tokenHash);
      if (!session) return undefined;
      const user = await org.findCredentials(orgId, session.userId);
      // A session ends when it expires, when its person leaves, and when their password changes.
      if (
        session.expiresAt <= clock.now() ||
        !user?.isActive ||
        user.credentialsVersion !== session.credentialsVersion
      ) {
        await repo.deleteSession(db, orgId, tokenHash);
        return undefined;
      }
      const role = isRole(user.role) ? user.role : 'agent';
      return {
        kind: 'user',
        orgId,
        userId: user.id,
        name: user.name,
        role,
        locale: user.locale,
        permissions: new Set(rolePermissions[role]),
        csrfToken: session.csrfToken,
        sessionId: tokenHash,
      };
    },

    async fromApiKey(token: string): Promise<Principal | undefined> {
      const orgId = orgIdOfToken(token, API_KEY_PREFIX);
      if (!orgId) return undefined;
      const key = await repo.findActiveApiKey(db, orgId, hashToken(token));
      if (!key) return undefined;
      const now = clock.now();
      if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000)
        await repo.touchApiKey(db, orgId, key.id, now);
      return {
        kind: 'api_key',
        orgId,
        apiKeyId: key.id,
        name: key.name,
        permissions: new Set(apiKeyPermissions),
      };
    },

    async createApiKey(orgId: string, actor: Actor, name: string) {
      const { token, hash } = issueToken(orgId, API_KEY_PREFIX);
      return await db.transaction().execute(async (tx) => {
        const key = await repo.insertApiKey(tx, {
          orgId,
          name,
          keyHash: hash,
          lastFour: token.slice(-4),
          createdBy: actor.type === 'user' ? actor.id : null,
        });
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'apikey.created',
          entityType: 'api_key',
          entityId: key.id,
          after: { name },
        });
        return { key, token };
      });
    },

    listApiKeys: (orgId: string) => repo.listApiKeys(db, orgId),

    async revokeApiKey(orgId: string, actor: Actor, id: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        if (!(await repo.revokeApiKey(tx, orgId, id, clock.now()))) throw new AppError('not_found');
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'apikey.revoked',
          entityType: 'api_key',
          entityId: id,
        });
      });
    },
  };
}
