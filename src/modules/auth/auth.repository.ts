import type { Selectable } from 'kysely';
import type { ApiKeysTable } from '../../platform/db/schema.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';

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
    credentialsVersion: number;
    createdAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      credentials_version: session.credentialsVersion,
      created_at: session.createdAt,
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

export type Session = {
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  credentialsVersion: number;
};

export async function findSession(
  db: Executor,
  orgId: string,
  tokenHash: string,
): Promise<Session | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'expires_at', 'credentials_version'])
    .where('org_id', '=', orgId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row
    ? {
        userId: row.user_id,
        csrfToken: row.csrf_token,
        expiresAt: row.expires_at,
        credentialsVersion: row.credentials_version,
      }
    : undefined;
}

export async function deleteSession(db: Executor, orgId: string, tokenHash: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where('org_id', '=', orgId)
    .where('token_hash', '=', tokenHash)
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
  /** The role the key acts as; none for the integration permissions. */
  role: string | null;
};

const toApiKey = (r: Selectable<ApiKeysTable>): ApiKeyRecord => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  lastFour: r.last_four,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  role: r.role,
});

export async function insertApiKey(
  db: Tx,
  key: {
    orgId: string;
    name: string;
    keyHash: string;
    lastFour: string;
    createdBy: string | null;
    role?: string | null;
  },
): Promise<ApiKeyRecord> {
  const r = await db
    .insertInto('api_keys')
    .values({
      org_id: key.orgId,
      name: key.name,
      key_hash: key.keyHash,
      last_four: key.lastFour,
      created_by: key.createdBy,
      role: key.role ?? null,
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

export async function revokeApiKey(db: Tx, orgId: string, id: string, at: Date): Promise<boolean> {
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

/** The throttle state of one e-mail from one address ('*': from every address). */
export type ThrottleState = {
  failures: number;
  firstFailureAt: Date;
  lastFailureAt: Date;
  blockedUntil: Date | null;
  alertedAt: Date | null;
};

export async function findThrottle(
  db: Executor,
  email: string,
  ips: readonly string[],
): Promise<Map<string, ThrottleState & { lastSuccessAt: Date | null }>> {
  const rows = await db
    .selectFrom('sign_in_throttle')
    .selectAll()
    .where('email', '=', email)
    .where('ip', 'in', [...ips])
    .execute();
  return new Map(
    rows.map((r) => [
      r.ip,
      {
        failures: r.failures,
        firstFailureAt: r.first_failure_at ?? new Date(0),
        lastFailureAt: r.last_failure_at ?? new Date(0),
        blockedUntil: r.blocked_until,
        alertedAt: r.alerted_at,
        lastSuccessAt: r.last_success_at,
      },
    ]),
  );
}

export async function saveThrottle(
  db: Executor,
  email: string,
  ip: string,
  state: ThrottleState,
): Promise<void> {
  const values = {
    failures: state.failures,
    first_failure_at: state.firstFailureAt,
    last_failure_at: state.lastFailureAt,
    blocked_until: state.blockedUntil,
    alerted_at: state.alertedAt,
  };
  await db
    .insertInto('sign_in_throttle')
    .values({ email, ip, ...values })
    .onConflict((oc) => oc.columns(['email', 'ip']).doUpdateSet(values))
    .execute();
}

/** A successful sign-in clears the address's failures and remembers it as the person's. */
export async function recordSuccess(
  db: Executor,
  email: string,
  ip: string,
  at: Date,
): Promise<void> {
  const values = {
    failures: 0,
    first_failure_at: null,
    last_failure_at: null,
    blocked_until: null,
    last_success_at: at,
  };
  await db
    .insertInto('sign_in_throttle')
    .values({ email, ip, ...values, alerted_at: null })
    .onConflict((oc) => oc.columns(['email', 'ip']).doUpdateSet(values))
    .execute();
}
