import { randomBytes } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { MailService } from '../mail/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/http/principal.ts';
import type { Actor } from '../../platform/actor.ts';
import { isLanguage } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/index.ts';
import { apiKeyPermissions, isRole, rolePermissions, type Role } from '../kernel/index.ts';
import type { OrgService, UserCredentials } from '../org/index.ts';
import * as repo from './auth.repository.ts';
import type { MeResponse } from './auth.contract.ts';
import {
  afterAccountFailure,
  afterFailure,
  KNOWN_ADDRESS_DAYS,
  SESSION_DAYS,
  waitSeconds,
} from './domain/sign-in.ts';
import { securityAlert } from './domain/security-alert.ts';
import { hashToken, issueToken, orgIdOfToken } from '../../platform/tokens.ts';
import { burnPasswordCheck, verifyPassword } from '../../platform/passwords.ts';

export const SESSION_COOKIE = 'ombud_session';
const API_KEY_PREFIX = 'omb_';

export type AuthService = ReturnType<typeof createAuthService>;

/** The throttle row that counts an account's failures from every address. */
const ACCOUNT_ROW = '*';

export function createAuthService(deps: {
  db: Db;
  clock: Clock;
  org: OrgService;
  mail: MailService;
}) {
  const { db, clock, org, mail } = deps;

  /** Tells the person, in their language, that someone is trying passwords on their account. */
  async function alertBeingGuessed(tx: Tx, user: UserCredentials, failures: number, ip: string) {
    const lang = isLanguage(user.locale) ? user.locale : 'vi';
    const text = securityAlert(lang, { name: user.name, failures, ip, org: user.orgName });
    await mail.queue(tx, {
      orgId: user.orgId,
      complaintId: null,
      kind: 'security',
      to: user.email,
      subject: text.subject,
      text: text.body,
    });
  }

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
    /**
     * Verifies the password and returns a new session. Wrong passwords are throttled per
     * account and address with growing waits (domain/sign-in.ts); unknown accounts get the same
     * answers and timing as known ones; the person is told by e-mail when their account is
     * being guessed.
     */
    async login(input: {
      email: string;
      password: string;
      org?: string | undefined;
      ip: string;
      userAgent: string | null;
    }) {
      const email = input.email.trim().toLowerCase();
      const now = clock.now();
      const throttle = await repo.findThrottle(db, email, [input.ip, ACCOUNT_ROW]);
      const address = throttle.get(input.ip);
      const account = throttle.get(ACCOUNT_ROW);
      const isKnownAddress =
        address?.lastSuccessAt !== null &&
        address?.lastSuccessAt !== undefined &&
        now.getTime() - address.lastSuccessAt.getTime() < KNOWN_ADDRESS_DAYS * 86_400_000;
      const wait = waitSeconds(
        address && address.failures > 0 ? address : undefined,
        account,
        isKnownAddress,
        now,
      );
      if (wait > 0) throw new AppError('rate_limited', { params: { seconds: wait } });
      const candidates = await org.findCredentialsByEmail(email, input.org || undefined);
      if (candidates.length > 1)
        throw new AppError('validation_failed', { field: 'org', messageKey: 'field.required' });
      const user = candidates[0];
      const isValid =
        user?.passwordHash && user.isActive
          ? await verifyPassword(user.passwordHash, input.password)
          : (await burnPasswordCheck(input.password), false);
      if (!isValid) {
        await db.transaction().execute(async (tx) => {
          await repo.saveThrottle(
            tx,
            email,
            input.ip,
            afterFailure(address && address.failures > 0 ? address : undefined, now),
          );
          const counted = afterAccountFailure(account, now);
          await repo.saveThrottle(tx, email, ACCOUNT_ROW, counted.row);
          if (counted.shouldAlert && user?.isActive)
            await alertBeingGuessed(tx, user, counted.row.failures, input.ip);
        });
        throw new AppError('invalid_credentials');
      }
      if (!user) throw new AppError('invalid_credentials');
      await repo.recordSuccess(db, email, input.ip, now);
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
        permissions: new Set(
          key.role && isRole(key.role) ? rolePermissions[key.role] : apiKeyPermissions,
        ),
      };
    },

    async createApiKey(orgId: string, actor: Actor, name: string, role?: Role) {
      const { token, hash } = issueToken(orgId, API_KEY_PREFIX);
      return await db.transaction().execute(async (tx) => {
        const key = await repo.insertApiKey(tx, {
          orgId,
          name,
          keyHash: hash,
          lastFour: token.slice(-4),
          createdBy: actor.type === 'user' ? actor.id : null,
          role: role ?? null,
        });
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'apikey.created',
          entityType: 'api_key',
          entityId: key.id,
          after: { name, role: role ?? null },
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
