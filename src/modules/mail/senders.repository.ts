import type { Executor, Tx } from '../../platform/db/index.ts';

/** An org's own sender; the DKIM key only where the mail is signed, never in a view. */
export type MailSender = {
  fromName: string | null;
  fromAddress: string | null;
  dkim: { domain: string; selector: string; privateKey: string } | null;
  updatedAt: Date;
};

export async function findSender(db: Executor, orgId: string): Promise<MailSender | undefined> {
  const r = await db
    .selectFrom('mail_senders')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    fromName: r.from_name,
    fromAddress: r.from_address,
    dkim:
      r.dkim_domain && r.dkim_selector && r.dkim_private_key
        ? { domain: r.dkim_domain, selector: r.dkim_selector, privateKey: r.dkim_private_key }
        : null,
    updatedAt: r.updated_at,
  };
}

export async function saveSender(
  tx: Tx,
  orgId: string,
  sender: Omit<MailSender, 'updatedAt'>,
  at: Date,
): Promise<void> {
  const values = {
    from_name: sender.fromName,
    from_address: sender.fromAddress,
    dkim_domain: sender.dkim?.domain ?? null,
    dkim_selector: sender.dkim?.selector ?? null,
    dkim_private_key: sender.dkim?.privateKey ?? null,
    updated_at: at,
  };
  await tx
    .insertInto('mail_senders')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

export async function listAddresses(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('mail_addresses')
    .select('address')
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('address')
    .execute();
  return rows.map((r) => r.address);
}

/** The org an address belongs to, if any. */
export async function orgOfAddress(db: Executor, address: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('mail_addresses')
    .select('org_id')
    .where('address', '=', address.toLowerCase())
    .executeTakeFirst();
  return r?.org_id;
}

/** False when the address is taken already (by this org or another). */
export async function insertAddress(
  tx: Tx,
  orgId: string,
  address: string,
  at: Date,
): Promise<boolean> {
  const r = await tx
    .insertInto('mail_addresses')
    .values({ address, org_id: orgId, created_at: at })
    .onConflict((oc) => oc.column('address').doNothing())
    .returning('address')
    .executeTakeFirst();
  return r !== undefined;
}

export async function deleteAddress(tx: Tx, orgId: string, address: string): Promise<boolean> {
  const r = await tx
    .deleteFrom('mail_addresses')
    .where('org_id', '=', orgId)
    .where('address', '=', address)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
