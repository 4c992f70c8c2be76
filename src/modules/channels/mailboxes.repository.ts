import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';

export type Mailbox = {
  orgId: string;
  host: string;
  port: number;
  isSecure: boolean;
  username: string;
  password: string;
  folder: string;
  processedFolder: string | null;
  isEnabled: boolean;
  lastPolledAt: Date | null;
  lastError: string | null;
  receivedCount: number;
};

const columns = [
  'org_id',
  'host',
  'port',
  'is_secure',
  'username',
  'password',
  'folder',
  'processed_folder',
  'is_enabled',
  'last_polled_at',
  'last_error',
  'received_count',
] as const;

type Row = {
  org_id: string;
  host: string;
  port: number;
  is_secure: boolean;
  username: string;
  password: string;
  folder: string;
  processed_folder: string | null;
  is_enabled: boolean;
  last_polled_at: Date | null;
  last_error: string | null;
  received_count: string;
};

const toMailbox = (r: Row): Mailbox => ({
  orgId: r.org_id,
  host: r.host,
  port: r.port,
  isSecure: r.is_secure,
  username: r.username,
  password: r.password,
  folder: r.folder,
  processedFolder: r.processed_folder,
  isEnabled: r.is_enabled,
  lastPolledAt: r.last_polled_at,
  lastError: r.last_error,
  receivedCount: Number(r.received_count),
});

export async function findMailbox(db: Executor, orgId: string): Promise<Mailbox | undefined> {
  const r = await db
    .selectFrom('mail_mailboxes')
    .select(columns)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return r ? toMailbox(r) : undefined;
}

export async function saveMailbox(
  tx: Tx,
  m: Omit<Mailbox, 'lastPolledAt' | 'lastError' | 'receivedCount'>,
  at: Date,
): Promise<void> {
  const values = {
    host: m.host,
    port: m.port,
    is_secure: m.isSecure,
    username: m.username,
    password: m.password,
    folder: m.folder,
    processed_folder: m.processedFolder,
    is_enabled: m.isEnabled,
    last_error: null,
    updated_at: at,
  };
  await tx
    .insertInto('mail_mailboxes')
    .values({ org_id: m.orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

export async function deleteMailbox(tx: Tx, orgId: string): Promise<boolean> {
  const r = await tx.deleteFrom('mail_mailboxes').where('org_id', '=', orgId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Takes (or renews) the lease on the enabled mailboxes nobody else holds, for `seconds`; returns
 * the ones this worker now holds. A worker that stops renewing loses them when the lease ends.
 */
export async function leaseMailboxes(
  db: Executor,
  holder: string,
  now: Date,
  seconds: number,
): Promise<Mailbox[]> {
  const until = new Date(now.getTime() + seconds * 1000);
  const rows = await db
    .updateTable('mail_mailboxes')
    .set({ leased_by: holder, lease_until: until })
    .where('is_enabled', '=', true)
    .where((eb) =>
      eb.or([
        eb('lease_until', 'is', null),
        eb('lease_until', '<', now),
        eb('leased_by', '=', holder),
      ]),
    )
    .returning(columns)
    .execute();
  return rows.map(toMailbox);
}

export async function releaseMailboxes(db: Executor, holder: string): Promise<void> {
  await db
    .updateTable('mail_mailboxes')
    .set({ leased_by: null, lease_until: null })
    .where('leased_by', '=', holder)
    .execute();
}

export async function notePoll(
  db: Executor,
  orgId: string,
  outcome: { at: Date; received: number; error: string | null },
): Promise<void> {
  await db
    .updateTable('mail_mailboxes')
    .set({
      last_polled_at: outcome.at,
      last_error: outcome.error,
      received_count: sql<string>`received_count + ${outcome.received}`,
    })
    .where('org_id', '=', orgId)
    .execute();
}
