import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { customerNameOf } from '../customers/index.ts';
import { userNameOf } from '../org/index.ts';
import { complaintEvents } from './domain/events.ts';
import { defaultEscalationRules, type EscalationRules } from './domain/early-escalation.ts';
import type {
  FollowUpKind,
  FollowUpStatus,
  UpdateMethod,
  VerificationOutcome,
} from './domain/follow-ups.ts';

// The follow-up tasks of step 6 and each org's settings for them.

export type FollowUp = {
  id: string;
  complaintId: string;
  reference: string;
  customerName: string | null;
  complaintStatus: string;
  kind: FollowUpKind;
  fixedAt: Date;
  assigneeId: string | null;
  assigneeName: string | null;
  status: FollowUpStatus;
  dueAt: Date | null;
  attempts: number;
  nextAttemptAt: Date | null;
  outcome: 'reached' | VerificationOutcome | null;
  method: UpdateMethod | 'portal' | null;
  note: string | null;
  doneBy: string | null;
  doneByName: string | null;
  doneAt: Date | null;
  createdAt: Date;
};

export type FollowUpSettings = {
  escalation: EscalationRules;
  managerUpdate: boolean;
  verification: boolean;
  fallbackUserId: string | null;
  retryHours: number[];
  maxAttempts: number;
};

export const defaultFollowUpSettings: FollowUpSettings = {
  escalation: defaultEscalationRules,
  managerUpdate: true,
  verification: true,
  fallbackUserId: null,
  retryHours: [4, 24],
  maxAttempts: 3,
};

export async function findSettings(db: Executor, orgId: string): Promise<FollowUpSettings> {
  const r = await db
    .selectFrom('follow_up_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!r) return defaultFollowUpSettings;
  return {
    escalation: { ...defaultEscalationRules, ...(r.escalation as Partial<EscalationRules>) },
    managerUpdate: r.manager_update,
    verification: r.verification,
    fallbackUserId: r.fallback_user_id,
    retryHours: r.retry_hours,
    maxAttempts: r.max_attempts,
  };
}

export async function saveSettings(
  tx: Tx,
  orgId: string,
  s: FollowUpSettings,
  at: Date,
): Promise<void> {
  const values = {
    manager_update: s.managerUpdate,
    verification: s.verification,
    fallback_user_id: s.fallbackUserId,
    retry_hours: s.retryHours,
    max_attempts: s.maxAttempts,
    escalation: JSON.stringify(s.escalation),
    updated_at: at,
  };
  await tx
    .insertInto('follow_up_settings')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

function baseQuery(db: Executor, orgId: string) {
  return db
    .selectFrom('follow_ups as f')
    .innerJoin('complaints as c', (j) =>
      j.onRef('c.org_id', '=', 'f.org_id').onRef('c.id', '=', 'f.complaint_id'),
    )
    .selectAll('f')
    .select((eb) => [
      'c.reference',
      'c.status as complaint_status',
      customerNameOf(eb.ref('c.org_id'), eb.ref('c.customer_id')).as('customer_name'),
      userNameOf(eb.ref('f.org_id'), eb.ref('f.assignee_id')).as('assignee_name'),
      userNameOf(eb.ref('f.org_id'), eb.ref('f.done_by')).as('done_by_name'),
    ])
    .where('f.org_id', '=', orgId);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const toFollowUp = (r: Row): FollowUp => ({
  id: r.id,
  complaintId: r.complaint_id,
  reference: r.reference,
  customerName: r.customer_name,
  complaintStatus: r.complaint_status,
  kind: r.kind as FollowUpKind,
  fixedAt: r.fixed_at,
  assigneeId: r.assignee_id,
  assigneeName: r.assignee_name,
  status: r.status as FollowUpStatus,
  dueAt: r.due_at,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  outcome: r.outcome as FollowUp['outcome'],
  method: r.method as FollowUp['method'],
  note: r.note,
  doneBy: r.done_by,
  doneByName: r.done_by_name,
  doneAt: r.done_at,
  createdAt: r.created_at,
});

/** The follow-ups of one case, newest fix first. */
export async function listForComplaint(
  db: Executor,
  orgId: string,
  complaintId: string,
): Promise<FollowUp[]> {
  const rows = await baseQuery(db, orgId)
    .where('f.complaint_id', '=', complaintId)
    .orderBy('f.fixed_at', 'desc')
    .orderBy('f.kind')
    .execute();
  return rows.map(toFollowUp);
}

export async function findFollowUp(
  db: Executor,
  orgId: string,
  id: string,
): Promise<FollowUp | undefined> {
  const r = await baseQuery(db, orgId).where('f.id', '=', id).executeTakeFirst();
  return r ? toFollowUp(r) : undefined;
}

/** The open follow-ups, nearest due first (no due last): one person's, or the org's. */
export async function listDue(
  db: Executor,
  orgId: string,
  filter: { assigneeId: string | null; kind: FollowUpKind | null; limit: number },
): Promise<FollowUp[]> {
  let q = baseQuery(db, orgId).where('f.status', '=', 'due');
  if (filter.assigneeId) q = q.where('f.assignee_id', '=', filter.assigneeId);
  if (filter.kind) q = q.where('f.kind', '=', filter.kind);
  const rows = await q
    .orderBy(sql`coalesce(f.next_attempt_at, f.due_at)`, sql`asc nulls last`)
    .orderBy('f.created_at')
    .limit(filter.limit)
    .execute();
  return rows.map(toFollowUp);
}

/** Open follow-ups of the case (to cancel on a reopen, to move with the clocks). */
export async function openOfComplaint(
  tx: Executor,
  orgId: string,
  complaintId: string,
): Promise<{ id: string; kind: FollowUpKind; fixedAt: Date; dueAt: Date | null }[]> {
  const rows = await tx
    .selectFrom('follow_ups')
    .select(['id', 'kind', 'fixed_at', 'due_at'])
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .where('status', '=', 'due')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as FollowUpKind,
    fixedAt: r.fixed_at,
    dueAt: r.due_at,
  }));
}

/** Whether the fix at `fixedAt` already made its tasks. */
export async function hasTasksFor(
  tx: Executor,
  orgId: string,
  complaintId: string,
  fixedAt: Date,
): Promise<boolean> {
  const r = await tx
    .selectFrom('follow_ups')
    .select('id')
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .where('fixed_at', '=', fixedAt)
    .executeTakeFirst();
  return r !== undefined;
}

export async function insertFollowUps(
  tx: Tx,
  rows: {
    orgId: string;
    complaintId: string;
    kind: FollowUpKind;
    fixedAt: Date;
    assigneeId: string | null;
    dueAt: Date | null;
    createdAt: Date;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insertInto('follow_ups')
    .values(
      rows.map((r) => ({
        org_id: r.orgId,
        complaint_id: r.complaintId,
        kind: r.kind,
        fixed_at: r.fixedAt,
        assignee_id: r.assigneeId,
        due_at: r.dueAt,
        created_at: r.createdAt,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function setDue(tx: Tx, orgId: string, id: string, dueAt: Date | null): Promise<void> {
  await tx
    .updateTable('follow_ups')
    .set({ due_at: dueAt })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** A reopen ends the follow-ups of the fix it undoes. */
export async function cancelOpen(tx: Tx, orgId: string, complaintId: string): Promise<number> {
  const r = await tx
    .updateTable('follow_ups')
    .set({ status: 'cancelled' })
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .where('status', '=', 'due')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Ends an open task; false when it was no longer open (someone else ended it first). */
export async function finish(
  tx: Tx,
  orgId: string,
  id: string,
  f: {
    status: 'done' | 'skipped';
    outcome: FollowUp['outcome'];
    method: FollowUp['method'];
    note: string | null;
    doneBy: string | null;
    at: Date;
    attempts?: number;
  },
): Promise<boolean> {
  const r = await tx
    .updateTable('follow_ups')
    .set({
      status: f.status,
      outcome: f.outcome,
      method: f.method,
      note: f.note,
      done_by: f.doneBy,
      done_at: f.at,
      next_attempt_at: null,
      ...(f.attempts !== undefined ? { attempts: f.attempts } : {}),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'due')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** One failed try of a call-back: it stays due, for another try later. */
export async function recordTry(
  tx: Tx,
  orgId: string,
  id: string,
  attempts: number,
  nextAttemptAt: Date,
): Promise<void> {
  await tx
    .updateTable('follow_ups')
    .set({ attempts, next_attempt_at: nextAttemptAt })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'due')
    .execute();
}

/** Every follow-up of fixes in [from, to), for the report. */
export async function listForReport(
  db: Executor,
  orgId: string,
  from: Date,
  to: Date,
): Promise<FollowUp[]> {
  const rows = await baseQuery(db, orgId)
    .where('f.fixed_at', '>=', from)
    .where('f.fixed_at', '<', to)
    .where('f.status', '!=', 'cancelled')
    .execute();
  return rows.map(toFollowUp);
}

/** Every follow-up of the given cases (cancelled ones left out), for the analytics page. */
export async function listForComplaints(
  db: Executor,
  orgId: string,
  complaintIds: readonly string[],
): Promise<FollowUp[]> {
  if (complaintIds.length === 0) return [];
  const rows = await baseQuery(db, orgId)
    .where('f.complaint_id', 'in', complaintIds)
    .where('f.status', '!=', 'cancelled')
    .execute();
  return rows.map(toFollowUp);
}

/** Whether the customer or a call-back already said how the latest fix went. */
export async function fixAnswered(tx: Executor, orgId: string, complaintId: string) {
  const r = await tx
    .selectFrom('complaint_events as v')
    .select('v.id')
    .where('v.org_id', '=', orgId)
    .where('v.complaint_id', '=', complaintId)
    .where('v.type', '=', complaintEvents.verificationRecorded)
    .where(({ eb, selectFrom }) =>
      eb(
        'v.id',
        '>',
        selectFrom('complaint_events as f')
          .select(sql<string>`max(f.id)`.as('id'))
          .where('f.org_id', '=', orgId)
          .where('f.complaint_id', '=', complaintId)
          .where('f.type', '=', complaintEvents.fixed),
      ),
    )
    .executeTakeFirst();
  return r !== undefined;
}

/** Whether the case was already escalated before the customer asked. */
export async function wasEscalated(tx: Executor, orgId: string, complaintId: string) {
  const r = await tx
    .selectFrom('complaint_events')
    .select('id')
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .where('type', '=', complaintEvents.escalatedEarly)
    .executeTakeFirst();
  return r !== undefined;
}

/** What the customer wrote about the case after it was received, oldest first. */
export async function customerMessages(
  tx: Executor,
  orgId: string,
  complaintId: string,
): Promise<string[]> {
  const rows = await tx
    .selectFrom('complaint_events')
    .select(sql<string>`data->>'body'`.as('body'))
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .where('type', '=', complaintEvents.messageReceived)
    .where('actor_type', '=', 'customer')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.body ?? '');
}

export async function userName(tx: Executor, orgId: string, userId: string) {
  const r = await tx
    .selectNoFrom((eb) => userNameOf(eb.val(orgId), eb.val(userId)).as('name'))
    .executeTakeFirst();
  return r?.name ?? null;
}
