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
  db: Tx,
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
