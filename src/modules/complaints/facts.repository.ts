import { sql, type Selectable } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { ComplaintFactVersionsTable } from '../../platform/db/schema.ts';
import { userNameOf } from '../org/index.ts';

const toNumber = (v: string | null): number | null => (v === null ? null : Number(v));

export type FactVersion = {
  version: number;
  whatHappened: string;
  occurredAt: Date | null;
  productRef: string | null;
  orderRef: string | null;
  askText: string;
  askAmount: number | null;
  askCurrency: string | null;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
  sentAt: Date | null;
  confirmedAt: Date | null;
  /** The read-back as sent to the customer, with every value it showed then. */
  sentText: string | null;
  /** Exactly the text the customer confirmed. */
  confirmedText: string | null;
  confirmationVia: 'portal' | 'verbal' | null;
  confirmedBy: string | null;
  confirmationMethod: string | null;
  confirmationNote: string | null;
};

const toFact = (
  r: Selectable<ComplaintFactVersionsTable> & { created_by_name: string | null },
): FactVersion => ({
  version: r.version,
  whatHappened: r.what_happened,
  occurredAt: r.occurred_at,
  productRef: r.product_ref,
  orderRef: r.order_ref,
  askText: r.ask_text,
  askAmount: toNumber(r.ask_amount),
  askCurrency: r.ask_currency,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  confirmedAt: r.confirmed_at,
  sentText: r.sent_text,
  confirmedText: r.confirmed_text,
  confirmationVia: r.confirmation_via as FactVersion['confirmationVia'],
  confirmedBy: r.confirmed_by,
  confirmationMethod: r.confirmation_method,
  confirmationNote: r.confirmation_note,
});

export async function listFactVersions(
  db: Executor,
  orgId: string,
  complaintId: string,
): Promise<FactVersion[]> {
  const rows = await db
    .selectFrom('complaint_fact_versions as f')
    .selectAll('f')
    .select((eb) => userNameOf(eb.ref('f.org_id'), eb.ref('f.created_by')).as('created_by_name'))
    .where('f.org_id', '=', orgId)
    .where('f.complaint_id', '=', complaintId)
    .orderBy('f.version', 'desc')
    .execute();
  return rows.map(toFact);
}

export async function insertFactVersion(
  tx: Tx,
  orgId: string,
  complaintId: string,
  f: Omit<
    FactVersion,
    | 'version'
    | 'createdByName'
    | 'sentAt'
    | 'confirmedAt'
    | 'sentText'
    | 'confirmedText'
    | 'confirmationVia'
    | 'confirmedBy'
    | 'confirmationMethod'
    | 'confirmationNote'
  >,
): Promise<number> {
  const r = await tx
    .insertInto('complaint_fact_versions')
    .values((eb) => ({
      org_id: orgId,
      complaint_id: complaintId,
      version: eb
        .selectFrom('complaint_fact_versions')
        .select(sql<number>`coalesce(max(version), 0) + 1`.as('v'))
        .where('org_id', '=', orgId)
        .where('complaint_id', '=', complaintId),
      what_happened: f.whatHappened,
      occurred_at: f.occurredAt,
      product_ref: f.productRef,
      order_ref: f.orderRef,
      ask_text: f.askText,
      ask_amount: f.askAmount,
      ask_currency: f.askCurrency,
      created_by: f.createdBy,
      created_at: f.createdAt,
    }))
    .returning('version')
    .executeTakeFirstOrThrow();
  return r.version;
}

export async function markFactSent(
  tx: Tx,
  orgId: string,
  complaintId: string,
  version: number,
  at: Date,
  text: string,
): Promise<void> {
  await tx
    .updateTable('complaint_fact_versions')
    .set({ sent_at: at, sent_text: text })
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .where('version', '=', version)
    .execute();
}

export async function markFactConfirmed(
  tx: Tx,
  orgId: string,
  complaintId: string,
  version: number,
  c: {
    at: Date;
    via: 'portal' | 'verbal';
    by: string | null;
    method: string;
    note: string | null;
    text: string;
  },
): Promise<void> {
  await tx
    .updateTable('complaint_fact_versions')
    .set({
      confirmed_at: c.at,
      confirmed_text: c.text,
      confirmation_via: c.via,
      confirmed_by: c.by,
      confirmation_method: c.method,
      confirmation_note: c.note,
    })
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .where('version', '=', version)
    .where('confirmed_at', 'is', null)
    .execute();
}
