import type { Selectable } from 'kysely';
import type { ApiKeysTable } from '../../platform/db/schema.ts';
import type { Executor } from '../../platform/db/index.ts';

export type UserCredentials = {
  orgId: string;
  id: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  departmentId: string | null;
  passwordHash: string | null;
  failedLoginCount: number;
  lockedUntil: Date | null;
  isActive: boolean;
  orgSlug: string;
  orgName: string;
};

const credentialColumns = [
  'users.org_id',
  'users.id',
  'users.email',
  'users.name',
  'users.role',
  'users.locale',
  'users.department_id',
  'users.password_hash',
  'users.failed_login_count',
  'users.locked_until',
  'users.is_active',
  'orgs.slug',
  'orgs.name as org_name',
] as const;

type CredentialRow = {
  org_id: string;
  id: string;
  email: string;
  name: string;
  role: string;
  locale: string;
  department_id: string | null;
  password_hash: string | null;
  failed_login_count: number;
  locked_until: Date | null;
  is_active: boolean;
  slug: string;
  org_name: string;
};

const toCredentials = (r: CredentialRow): UserCredentials => ({
  orgId: r.org_id,
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  locale: r.locale,
  departmentId: r.department_id,
  passwordHash: r.password_hash,
  failedLoginCount: r.failed_login_count,
  lockedUntil: r.locked_until,
  isActive: r.is_active,
  orgSlug: r.slug,
  orgName: r.org_name,
});

/** Sign-in is the one lookup that crosses orgs: the person types an e-mail, not an org id. */
export async function findUsersByEmail(
  db: Executor,
  email: string,
  orgSlug?: string,
): Promise<UserCredentials[]> {
  let query = db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(credentialColumns)
    .where('users.email', '=', email.toLowerCase());
  if (orgSlug) query = query.where('orgs.slug', '=', orgSlug);
  return (await query.limit(5).execute()).map(toCredentials);
}

export async function findUser(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<UserCredentials | undefined> {
  const row = await db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(credentialColumns)
    .where('users.org_id', '=', orgId)
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row ? toCredentials(row) : undefined;
}

export async function recordFailedLogin(
  db: Executor,
  orgId: string,
  userId: string,
  lockUntil: Date | null,
): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) => ({
      failed_login_count: eb('failed_login_count', '+', 1),
      ...(lockUntil ? { locked_until: lockUntil } : {}),
    }))
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute();
}

export async function recordSuccessfulLogin(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_login_count: 0, locked_until: null })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute();
}

export async function insertSession(
  db: Executor,
  session: {
    orgId: string;
    tokenHash: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      org_id: session.orgId,
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

export type SessionWithUser = { csrfToken: string; expiresAt: Date; user: UserCredentials };

export async function findSession(
  db: Executor,
  orgId: string,
  tokenHash: string,
): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', (j) =>
      j.onRef('users.org_id', '=', 'sessions.org_id').onRef('users.id', '=', 'sessions.user_id'),
    )
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select([...credentialColumns, 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.org_id', '=', orgId)
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row
    ? { csrfToken: row.csrf_token, expiresAt: row.expires_at, user: toCredentials(row) }
    : undefined;
}

export async function deleteSession(db: Executor, orgId: string, tokenHash: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('org_id', '=', orgId)
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSessionsOfUser(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
}

export async function updateLocale(
  db: Executor,
  orgId: string,
  userId: string,
  locale: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ locale, updated_at: new Date() })
    .where('org_id', '=', orgId)
    .where('id', '=', userId)
    .execute();
}

export type ApiKeyRecord = {
  id: string;
  orgId: string;
  name: string;
  lastFour: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const toApiKey = (r: Selectable<ApiKeysTable>): ApiKeyRecord => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  lastFour: r.last_four,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export async function insertApiKey(
  db: Executor,
  key: { orgId: string; name: string; keyHash: string; lastFour: string; createdBy: string | null },
): Promise<ApiKeyRecord> {
  const r = await db
    .insertInto('api_keys')
    .values({
      org_id: key.orgId,
      name: key.name,
      key_hash: key.keyHash,
      last_four: key.lastFour,
      created_by: key.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toApiKey(r);
}

export async function findActiveApiKey(
  db: Executor,
  orgId: string,
  keyHash: string,
): Promise<ApiKeyRecord | undefined> {
  const r = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return r ? toApiKey(r) : undefined;
}

export async function listApiKeys(db: Executor, orgId: string): Promise<ApiKeyRecord[]> {
  const rows = await db
    .selectFrom('api_keys')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toApiKey);
}

export async function revokeApiKey(
  db: Executor,
  orgId: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function touchApiKey(
  db: Executor,
  orgId: string,
  id: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
