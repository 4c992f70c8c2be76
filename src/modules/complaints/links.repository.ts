import type { Executor, Tx } from '../../platform/db/index.ts';

// The customer's private links (only their hashes), and the idempotency keys of creates.

/** The complaint of a live (not revoked) link. */
export async function findComplaintIdByToken(
  db: Executor,
  orgId: string,
  tokenHash: string,
): Promise<string | undefined> {
  const r = await db
    .selectFrom('tracking_links')
    .select('complaint_id')
    .where('org_id', '=', orgId)
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return r?.complaint_id;
}

/** Revokes a complaint's live links, all of them or all but one. Returns how many. */
export async function revokeTrackingLinks(
  tx: Tx,
  orgId: string,
  complaintId: string,
  at: Date,
  exceptHash: string | null,
): Promise<number> {
  let query = tx
    .updateTable('tracking_links')
    .set({ revoked_at: at })
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .where('revoked_at', 'is', null);
  if (exceptHash) query = query.where('token_hash', '!=', exceptHash);
  const r = await query.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function insertTrackingLink(
  tx: Tx,
  orgId: string,
  complaintId: string,
  tokenHash: string,
  at: Date,
): Promise<void> {
  await insertTrackingLinkWrite(tx, orgId, complaintId, tokenHash, at).execute();
}

export const insertTrackingLinkWrite = (
  tx: Tx,
  orgId: string,
  complaintId: string,
  tokenHash: string,
  at: Date,
) =>
  tx.insertInto('tracking_links').values({
    org_id: orgId,
    token_hash: tokenHash,
    complaint_id: complaintId,
    created_at: at,
    revoked_at: null,
  });

export async function claimIdempotencyKey(
  tx: Tx,
  orgId: string,
  key: string,
  requestHash: string,
): Promise<{ claimed: true } | { claimed: false; requestHash: string; response: unknown }> {
  const inserted = await tx
    .insertInto('idempotency_keys')
    .values({ org_id: orgId, key, request_hash: requestHash, status_code: null, response: null })
    .onConflict((oc) => oc.columns(['org_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { claimed: true };
  const existing = await tx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response'])
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return { claimed: false, requestHash: existing.request_hash, response: existing.response };
}

export async function storeIdempotentResponse(
  tx: Tx,
  orgId: string,
  key: string,
  response: unknown,
): Promise<void> {
  await storeIdempotentResponseWrite(tx, orgId, key, response).execute();
}

export const storeIdempotentResponseWrite = (
  tx: Tx,
  orgId: string,
  key: string,
  response: unknown,
) =>
  tx
    .updateTable('idempotency_keys')
    .set({ status_code: 201, response: JSON.stringify(response) })
    .where('org_id', '=', orgId)
    .where('key', '=', key);
