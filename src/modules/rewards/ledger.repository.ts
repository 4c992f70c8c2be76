import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { userNameOf, departmentNameOf } from '../org/index.ts';
import { reasonNamesOf } from '../reasons/index.ts';
import type { ApprovalStatus, ClimbReason, GrantKind, GrantType } from './domain/vocabulary.ts';

// The ledger of grants and the approvals that wait for someone up the org chart.

export type NewGrant = {
  kind: GrantKind;
  type: GrantType;
  complaintId: string;
  customerId: string;
  reasonId: string | null;
  departmentId: string | null;
  budgetId: string | null;
  giftId: string | null;
  approvalId: string | null;
  amountMinor: number;
  currency: string;
  reference: string | null;
  note: string | null;
  grantedBy: string;
  approvedBy: string | null;
  approvalLevel: number;
  grantedAt: Date;
};

export type Grant = NewGrant & {
  id: string;
  departmentName: string | null;
  grantedByName: string | null;
  approvedByName: string | null;
  reasonNames: Record<string, string> | null;
};

export async function insertGrant(tx: Tx, orgId: string, g: NewGrant): Promise<string> {
  const r = await tx
    .insertInto('reward_grants')
    .values({
      org_id: orgId,
      kind: g.kind,
      grant_type: g.type,
      complaint_id: g.complaintId,
      customer_id: g.customerId,
      reason_id: g.reasonId,
      department_id: g.departmentId,
      budget_id: g.budgetId,
      gift_id: g.giftId,
      approval_id: g.approvalId,
      amount_minor: g.amountMinor,
      currency: g.currency,
      reference: g.reference,
      note: g.note,
      granted_by: g.grantedBy,
      approved_by: g.approvedBy,
      approval_level: g.approvalLevel,
      granted_at: g.grantedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function listGrants(
  db: Executor,
  orgId: string,
  filter: {
    ids?: string[];
    complaintId?: string;
    from?: Date;
    to?: Date;
    limit?: number;
    /** Keyset: only grants after this one in the ledger's order (newest first). */
    after?: { grantedAt: Date; id: string };
  },
): Promise<Grant[]> {
  let q = db
    .selectFrom('reward_grants as g')
    .selectAll('g')
    .select((eb) => [
      departmentNameOf(eb.ref('g.org_id'), eb.ref('g.department_id')).as('department_name'),
      userNameOf(eb.ref('g.org_id'), eb.ref('g.granted_by')).as('granted_by_name'),
      userNameOf(eb.ref('g.org_id'), eb.ref('g.approved_by')).as('approved_by_name'),
      reasonNamesOf(eb.ref('g.org_id'), eb.ref('g.reason_id')).as('reason_names'),
    ])
    .where('g.org_id', '=', orgId);
  if (filter.ids) q = q.where('g.id', 'in', filter.ids.length ? filter.ids : [orgId]);
  if (filter.complaintId) q = q.where('g.complaint_id', '=', filter.complaintId);
  if (filter.from) q = q.where('g.granted_at', '>=', filter.from);
  if (filter.to) q = q.where('g.granted_at', '<', filter.to);
  const after = filter.after;
  if (after)
    q = q
      .where('g.granted_at', '<=', after.grantedAt)
      .where(sql<boolean>`(g.granted_at, g.id) < (${after.grantedAt}, ${after.id})`);
  const rows = await q
    .orderBy('g.granted_at', 'desc')
    .orderBy('g.id', 'desc')
    .limit(filter.limit ?? 500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as GrantKind,
    type: r.grant_type as GrantType,
    complaintId: r.complaint_id,
    customerId: r.customer_id,
    reasonId: r.reason_id,
    departmentId: r.department_id,
    budgetId: r.budget_id,
    giftId: r.gift_id,
    approvalId: r.approval_id,
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
    reference: r.reference,
    note: r.note,
    grantedBy: r.granted_by,
    approvedBy: r.approved_by,
    approvalLevel: r.approval_level,
    grantedAt: r.granted_at,
    departmentName: r.department_name,
    grantedByName: r.granted_by_name,
    approvedByName: r.approved_by_name,
    reasonNames: (r.reason_names as Record<string, string> | null) ?? null,
  }));
}

/**
 * What one person granted (alone, or as the approver) of one kind since a day, in a currency:
 * the "spent so far" that per-period authority limits count.
 */
export async function spentBy(
  db: Executor,
  orgId: string,
  userId: string,
  kind: GrantKind,
  currency: string,
  since: Date,
): Promise<number> {
  const r = await db
    .selectFrom('reward_grants')
    .select(sql<string>`coalesce(sum(amount_minor), 0)`.as('total'))
    .where('org_id', '=', orgId)
    .where(sql<string>`coalesce(approved_by, granted_by)`, '=', userId)
    .where('kind', '=', kind)
    .where('currency', '=', currency)
    .where('granted_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(r.total);
}

export type Climb = { from: string | null; to: string | null; reason: ClimbReason; at: string };

export type Approval = {
  id: string;
  complaintId: string;
  kind: GrantKind;
  type: GrantType;
  giftId: string | null;
  amountMinor: number;
  currency: string;
  askMinor: number | null;
  reference: string | null;
  note: string | null;
  requestedBy: string;
  requestedByName: string | null;
  departmentId: string | null;
  status: ApprovalStatus;
  approverId: string | null;
  approverName: string | null;
  level: number;
  levelStartedAt: Date;
  climbs: Climb[];
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAmountMinor: number | null;
  declineReason: string | null;
  decidedAt: Date | null;
  createdAt: Date;
};

export type NewApproval = Pick<
  Approval,
  | 'complaintId'
  | 'kind'
  | 'type'
  | 'giftId'
  | 'amountMinor'
  | 'currency'
  | 'askMinor'
  | 'reference'
  | 'note'
  | 'requestedBy'
  | 'departmentId'
  | 'approverId'
  | 'createdAt'
>;

export async function insertApproval(tx: Tx, orgId: string, a: NewApproval): Promise<string> {
  const r = await tx
    .insertInto('approval_requests')
    .values({
      org_id: orgId,
      complaint_id: a.complaintId,
      kind: a.kind,
      grant_type: a.type,
      gift_id: a.giftId,
      amount_minor: a.amountMinor,
      currency: a.currency,
      ask_minor: a.askMinor,
      reference: a.reference,
      note: a.note,
      requested_by: a.requestedBy,
      department_id: a.departmentId,
      status: 'pending',
      approver_id: a.approverId,
      level: 1,
      level_started_at: a.createdAt,
      created_at: a.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export type ApprovalFilter = {
  ids?: string[];
  complaintId?: string;
  approverId?: string;
  requestedBy?: string;
  status?: ApprovalStatus;
  decidedFrom?: Date;
  decidedTo?: Date;
};

export async function listApprovals(
  db: Executor,
  orgId: string,
  filter: ApprovalFilter,
  lock = false,
): Promise<Approval[]> {
  let q = db
    .selectFrom('approval_requests as a')
    .selectAll('a')
    .select((eb) => [
      userNameOf(eb.ref('a.org_id'), eb.ref('a.requested_by')).as('requested_by_name'),
      userNameOf(eb.ref('a.org_id'), eb.ref('a.approver_id')).as('approver_name'),
      userNameOf(eb.ref('a.org_id'), eb.ref('a.decided_by')).as('decided_by_name'),
    ])
    .where('a.org_id', '=', orgId);
  if (filter.ids) q = q.where('a.id', 'in', filter.ids.length ? filter.ids : [orgId]);
  if (filter.complaintId) q = q.where('a.complaint_id', '=', filter.complaintId);
  if (filter.approverId) q = q.where('a.approver_id', '=', filter.approverId);
  if (filter.requestedBy) q = q.where('a.requested_by', '=', filter.requestedBy);
  if (filter.status) q = q.where('a.status', '=', filter.status);
  if (filter.decidedFrom) q = q.where('a.decided_at', '>=', filter.decidedFrom);
  if (filter.decidedTo) q = q.where('a.decided_at', '<', filter.decidedTo);
  q = q.orderBy('a.created_at', 'desc').limit(500);
  const rows = await (lock ? q.forUpdate('a') : q).execute();
  const n = (v: string | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    id: r.id,
    complaintId: r.complaint_id,
    kind: r.kind as GrantKind,
    type: r.grant_type as GrantType,
    giftId: r.gift_id,
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
    askMinor: n(r.ask_minor),
    reference: r.reference,
    note: r.note,
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    departmentId: r.department_id,
    status: r.status as ApprovalStatus,
    approverId: r.approver_id,
    approverName: r.approver_name,
    level: r.level,
    levelStartedAt: r.level_started_at,
    climbs: r.climbs as Climb[],
    decidedBy: r.decided_by,
    decidedByName: r.decided_by_name,
    decidedAmountMinor: n(r.decided_amount_minor),
    declineReason: r.decline_reason,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
  }));
}

/** Moves a pending approval to the next approver; false when it is no longer at `level`. */
export async function climbApproval(
  tx: Tx,
  orgId: string,
  id: string,
  level: number,
  change: { approverId: string; amountMinor: number; climb: Climb; at: Date },
): Promise<boolean> {
  const r = await tx
    .updateTable('approval_requests')
    .set({
      approver_id: change.approverId,
      amount_minor: change.amountMinor,
      level: level + 1,
      level_started_at: change.at,
      climbs: sql`climbs || ${JSON.stringify([change.climb])}::jsonb`,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('level', '=', level)
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function closeApproval(
  tx: Tx,
  orgId: string,
  id: string,
  change: {
    status: Exclude<ApprovalStatus, 'pending'>;
    decidedBy: string | null;
    decidedAmountMinor: number | null;
    declineReason: string | null;
    at: Date;
  },
): Promise<boolean> {
  const r = await tx
    .updateTable('approval_requests')
    .set({
      status: change.status,
      decided_by: change.decidedBy,
      decided_amount_minor: change.decidedAmountMinor,
      decline_reason: change.declineReason,
      decided_at: change.at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}
