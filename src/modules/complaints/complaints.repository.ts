import type { Executor, Tx } from '../../platform/db/index.ts';
import type { Language } from '../../platform/i18n.ts';
import { customerNameOf, customerTierOf } from '../customers/index.ts';
import type { ClockKind } from '../kernel/index.ts';
import { userNameOf } from '../org/index.ts';
import { reasonNamesOf } from '../reasons/index.ts';
import type { DueSummary } from '../sla/index.ts';
import type { Channel, ComplaintStatus, Severity } from './domain/status.ts';

export type Complaint = {
  orgId: string;
  id: string;
  reference: string;
  status: ComplaintStatus;
  channel: Channel;
  reasonId: string | null;
  reasonNames: Record<string, string> | null;
  severity: Severity;
  productRef: string | null;
  orderRef: string | null;
  description: string;
  askText: string | null;
  askAmount: number | null;
  askCurrency: string | null;
  language: Language;
  customerId: string;
  intakeAgentId: string | null;
  intakeAgentName: string | null;
  ownerId: string | null;
  ownerName: string | null;
  confirmedFactVersion: number | null;
  acknowledgedAt: Date | null;
  createdAt: Date;
  /** The last change of the complaint's own fields (status, owner, classification, facts). */
  updatedAt: Date;
  /** When the customer confirmed the facts version in force, if they did. */
  confirmedAt: Date | null;
  policyId: string | null;
  nextDueAt: Date | null;
  nextDueClock: ClockKind | null;
  isBreached: boolean;
  isPaused: boolean;
  committedDueAt: Date | null;
  committedDepartmentId: string | null;
  /** The contact points given with this complaint: its mail goes here. */
  contactEmail: string | null;
  contactPhone: string | null;
  closedAt: Date | null;
};

const toNumber = (v: string | null): number | null => (v === null ? null : Number(v));

/** A complaint with the names a screen shows, taken from their owners' query functions. */
export function complaintQuery(db: Executor, orgId: string) {
  return db
    .selectFrom('complaints as c')
    .where('c.org_id', '=', orgId)
    .select((eb) => [
      'c.org_id',
      'c.id',
      'c.reference',
      'c.status',
      'c.channel',
      'c.reason_id',
      reasonNamesOf(eb.ref('c.org_id'), eb.ref('c.reason_id')).as('reason_names'),
      'c.severity',
      'c.product_ref',
      'c.order_ref',
      'c.description',
      'c.ask_text',
      'c.ask_amount',
      'c.ask_currency',
      'c.language',
      'c.customer_id',
      'c.intake_agent_id',
      userNameOf(eb.ref('c.org_id'), eb.ref('c.intake_agent_id')).as('intake_agent_name'),
      'c.owner_id',
      userNameOf(eb.ref('c.org_id'), eb.ref('c.owner_id')).as('owner_name'),
      'c.confirmed_fact_version',
      eb
        .selectFrom('complaint_fact_versions as f')
        .select('f.confirmed_at')
        .whereRef('f.org_id', '=', 'c.org_id')
        .whereRef('f.complaint_id', '=', 'c.id')
        .whereRef('f.version', '=', 'c.confirmed_fact_version')
        .as('confirmed_at'),
      'c.acknowledged_at',
      'c.created_at',
      'c.updated_at',
      'c.policy_id',
      'c.next_due_at',
      'c.next_due_clock',
      'c.is_breached',
      'c.is_paused',
      'c.committed_due_at',
      'c.committed_department_id',
      'c.contact_email',
      'c.contact_phone',
      'c.closed_at',
    ]);
}

type ComplaintRow = Awaited<
  ReturnType<ReturnType<typeof complaintQuery>['executeTakeFirstOrThrow']>
>;

export const toComplaint = (r: ComplaintRow): Complaint => ({
  orgId: r.org_id,
  id: r.id,
  reference: r.reference,
  status: r.status as ComplaintStatus,
  channel: r.channel as Channel,
  reasonId: r.reason_id,
  reasonNames: (r.reason_names as Record<string, string> | null) ?? null,
  severity: r.severity as Severity,
  productRef: r.product_ref,
  orderRef: r.order_ref,
  description: r.description,
  askText: r.ask_text,
  askAmount: toNumber(r.ask_amount),
  askCurrency: r.ask_currency,
  language: r.language as Language,
  customerId: r.customer_id,
  intakeAgentId: r.intake_agent_id,
  intakeAgentName: r.intake_agent_name,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  confirmedFactVersion: r.confirmed_fact_version,
  acknowledgedAt: r.acknowledged_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  confirmedAt: r.confirmed_at,
  policyId: r.policy_id,
  nextDueAt: r.next_due_at,
  nextDueClock: r.next_due_clock as ClockKind | null,
  isBreached: r.is_breached,
  isPaused: r.is_paused,
  committedDueAt: r.committed_due_at,
  committedDepartmentId: r.committed_department_id,
  contactEmail: r.contact_email,
  contactPhone: r.contact_phone,
  closedAt: r.closed_at,
});

export async function findComplaint(
  db: Executor,
  orgId: string,
  id: string,
): Promise<Complaint | undefined> {
  const r = await complaintQuery(db, orgId).where('c.id', '=', id).executeTakeFirst();
  return r ? toComplaint(r) : undefined;
}

export async function findComplaints(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<Complaint[]> {
  if (ids.length === 0) return [];
  const rows = await complaintQuery(db, orgId)
    .where('c.id', 'in', [...new Set(ids)])
    .execute();
  return rows.map(toComplaint);
}

/** Locks the row for the rest of the transaction: changes to one complaint are serialised. */
export async function lockComplaint(tx: Tx, orgId: string, id: string): Promise<boolean> {
  const r = await tx
    .selectFrom('complaints')
    .select('id')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return r !== undefined;
}

/** The next reference number; rolled back with the transaction, so numbers never skip. */
export async function nextSequence(tx: Tx, orgId: string, year: number): Promise<number> {
  const r = await tx
    .insertInto('complaint_sequences')
    .values({ org_id: orgId, year, last_value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'year'])
        .doUpdateSet((eb) => ({ last_value: eb('complaint_sequences.last_value', '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return r.last_value;
}

export type ComplaintPatch = Partial<{
  status: ComplaintStatus;
  reasonId: string | null;
  severity: Severity;
  productRef: string | null;
  orderRef: string | null;
  ownerId: string | null;
  confirmedFactVersion: number | null;
  acknowledgedAt: Date;
  committedDueAt: Date;
  committedDepartmentId: string | null;
  closedAt: Date | null;
}>;

export async function updateComplaint(
  tx: Tx,
  orgId: string,
  id: string,
  patch: ComplaintPatch,
  at: Date,
): Promise<void> {
  await tx
    .updateTable('complaints')
    .set({
      updated_at: at,
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.reasonId !== undefined ? { reason_id: patch.reasonId } : {}),
      ...(patch.severity !== undefined ? { severity: patch.severity } : {}),
      ...(patch.productRef !== undefined ? { product_ref: patch.productRef } : {}),
      ...(patch.orderRef !== undefined ? { order_ref: patch.orderRef } : {}),
      ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
      ...(patch.confirmedFactVersion !== undefined
        ? { confirmed_fact_version: patch.confirmedFactVersion }
        : {}),
      ...(patch.acknowledgedAt !== undefined ? { acknowledged_at: patch.acknowledgedAt } : {}),
      ...(patch.committedDueAt !== undefined ? { committed_due_at: patch.committedDueAt } : {}),
      ...(patch.committedDepartmentId !== undefined
        ? { committed_department_id: patch.committedDepartmentId }
        : {}),
      ...(patch.closedAt !== undefined ? { closed_at: patch.closedAt } : {}),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** The language the customer reads the case in: the portal's and the customer mail's. */
export async function setLanguage(
  executor: Executor,
  orgId: string,
  id: string,
  language: string,
): Promise<void> {
  await executor
    .updateTable('complaints')
    .set({ language })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Stores what the sla module derived, for sorting and filtering queues. */
export async function setDueSummary(
  tx: Tx,
  orgId: string,
  id: string,
  due: DueSummary,
): Promise<void> {
  await tx
    .updateTable('complaints')
    .set({
      policy_id: due.policyId,
      next_due_at: due.nextDueAt,
      next_due_clock: due.nextDueClock,
      is_breached: due.isBreached,
      is_paused: due.isPaused,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** What the clocks need of a complaint besides its events. */
export async function findClockFacts(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('complaints as c')
    .select((eb) => [
      'c.reference',
      'c.owner_id',
      'c.intake_agent_id',
      'c.reason_id',
      'c.severity',
      'c.channel',
      'c.policy_id',
      'c.imported_at',
      customerTierOf(eb.ref('c.org_id'), eb.ref('c.customer_id')).as('tier'),
      customerNameOf(eb.ref('c.org_id'), eb.ref('c.customer_id')).as('customer_name'),
    ])
    .where('c.org_id', '=', orgId)
    .where('c.id', '=', id)
    .executeTakeFirst();
}

/** Open complaints of an org, in id order after `afterId`, for recomputing in batches. */
export async function openComplaintIds(
  db: Executor,
  orgId: string,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  let query = db
    .selectFrom('complaints')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', 'not in', ['closed', 'cancelled']);
  if (afterId) query = query.where('id', '>', afterId);
  return (await query.orderBy('id').limit(limit).execute()).map((r) => r.id);
}

/** Reference and customer name per complaint, for other modules' lists. */
export async function findLabels(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<{ id: string; reference: string; customerName: string }[]> {
  const rows = await db
    .selectFrom('complaints as c')
    .select((eb) => [
      'c.id',
      'c.reference',
      customerNameOf(eb.ref('c.org_id'), eb.ref('c.customer_id')).as('customer_name'),
    ])
    .where('c.org_id', '=', orgId)
    .where('c.id', 'in', [...new Set(ids)])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    customerName: r.customer_name ?? '',
  }));
}

/** Moves every complaint of one customer to another (merging two records of one person). */
export async function moveToCustomer(
  tx: Tx,
  orgId: string,
  fromCustomerId: string,
  toCustomerId: string,
  at: Date,
): Promise<number> {
  const r = await tx
    .updateTable('complaints')
    .set({ customer_id: toCustomerId, updated_at: at })
    .where('org_id', '=', orgId)
    .where('customer_id', '=', fromCustomerId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The case a reference names (`KN-2026-000123`), in the org. */
export async function findIdByReference(
  db: Executor,
  orgId: string,
  reference: string,
): Promise<string | undefined> {
  const r = await db
    .selectFrom('complaints')
    .select('id')
    .where('org_id', '=', orgId)
    .where('reference', '=', reference)
    .executeTakeFirst();
  return r?.id;
}
