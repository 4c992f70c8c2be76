import type { Executor, Tx } from '../../platform/db/index.ts';
import { nameIn, type Names } from '../../platform/contract/names.ts';
import type { Language } from '../../platform/i18n.ts';
import { departmentNameOf, userNameOf } from '../org/index.ts';
import type { Target } from '../sla/index.ts';
import type { DeadlineRequestStatus } from './domain/deadline-request.ts';

// Task types (the catalogue), deadline requests to departments, and commitments (the promise
// ledger): the tables of step 4.

export type TaskType = {
  id: string;
  /** The name in the org's default language; `names` has one per language. */
  name: string;
  names: Names;
  departmentId: string | null;
  departmentName: string | null;
  durationAmount: number;
  durationUnit: Target['unit'];
  calendarId: string | null;
  isActive: boolean;
};

export type TaskTypeFields = Omit<TaskType, 'id' | 'departmentName'>;

export async function listTaskTypes(db: Executor, orgId: string): Promise<TaskType[]> {
  const rows = await db
    .selectFrom('task_types as t')
    .selectAll('t')
    .select((eb) =>
      departmentNameOf(eb.ref('t.org_id'), eb.ref('t.department_id')).as('department_name'),
    )
    .where('t.org_id', '=', orgId)
    .orderBy('t.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    names: (r.names ?? {}) as Names,
    departmentId: r.department_id,
    departmentName: r.department_name,
    durationAmount: r.duration_amount,
    durationUnit: r.duration_unit as Target['unit'],
    calendarId: r.calendar_id,
    isActive: r.is_active,
  }));
}

const taskTypeColumns = (t: TaskTypeFields) => ({
  name: t.name,
  names: JSON.stringify(t.names),
  department_id: t.departmentId,
  duration_amount: t.durationAmount,
  duration_unit: t.durationUnit,
  calendar_id: t.calendarId,
  is_active: t.isActive,
});

/** Inserts a task type; undefined when its name is taken. */
export async function insertTaskType(
  tx: Tx,
  orgId: string,
  t: TaskTypeFields,
): Promise<string | undefined> {
  const row = await tx
    .insertInto('task_types')
    .values({ org_id: orgId, ...taskTypeColumns(t) })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function isTaskTypeNameTaken(
  db: Executor,
  orgId: string,
  name: string,
  exceptId: string,
): Promise<boolean> {
  const clash = await db
    .selectFrom('task_types')
    .select('id')
    .where('org_id', '=', orgId)
    .where('name', '=', name)
    .where('id', '!=', exceptId)
    .executeTakeFirst();
  return clash !== undefined;
}

export async function updateTaskType(
  tx: Tx,
  orgId: string,
  id: string,
  t: TaskTypeFields,
): Promise<void> {
  await tx
    .updateTable('task_types')
    .set(taskTypeColumns(t))
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export type DeadlineRequest = {
  id: string;
  complaintId: string;
  departmentId: string;
  departmentName: string;
  requestedBy: string | null;
  requestedByName: string | null;
  question: string;
  status: DeadlineRequestStatus;
  answerDueAt: Date | null;
  answerNote: string | null;
  answeredByName: string | null;
  answeredAt: Date | null;
  createdAt: Date;
};

export async function insertDeadlineRequest(
  tx: Tx,
  r: {
    orgId: string;
    complaintId: string;
    departmentId: string;
    requestedBy: string | null;
    question: string;
    createdAt: Date;
  },
): Promise<string> {
  const row = await tx
    .insertInto('deadline_requests')
    .values({
      org_id: r.orgId,
      complaint_id: r.complaintId,
      department_id: r.departmentId,
      requested_by: r.requestedBy,
      question: r.question,
      status: 'open',
      answer_due_at: null,
      answer_note: null,
      answered_by: null,
      answered_at: null,
      created_at: r.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type DeadlineRequestFilter = {
  ids?: string[];
  complaintId?: string;
  departmentIds?: string[];
  requestedBy?: string;
  status?: string;
};

function filtered(db: Executor, orgId: string, filter: DeadlineRequestFilter) {
  let query = db.selectFrom('deadline_requests as r').where('r.org_id', '=', orgId);
  if (filter.ids) query = query.where('r.id', 'in', filter.ids);
  if (filter.complaintId) query = query.where('r.complaint_id', '=', filter.complaintId);
  if (filter.departmentIds) query = query.where('r.department_id', 'in', filter.departmentIds);
  if (filter.requestedBy) query = query.where('r.requested_by', '=', filter.requestedBy);
  if (filter.status && filter.status !== 'all') query = query.where('r.status', '=', filter.status);
  return query;
}

const matchesNothing = (filter: DeadlineRequestFilter) =>
  filter.departmentIds?.length === 0 || filter.ids?.length === 0;

/**
 * Deadline requests, newest first (ties by id, so pages do not overlap). All that match, or the
 * page asked for: nothing is cut off unasked.
 */
export async function listDeadlineRequests(
  db: Executor,
  orgId: string,
  filter: DeadlineRequestFilter,
  page?: { limit: number; offset: number },
): Promise<DeadlineRequest[]> {
  if (matchesNothing(filter)) return [];
  let query = filtered(db, orgId, filter)
    .selectAll('r')
    .select((eb) => [
      departmentNameOf(eb.ref('r.org_id'), eb.ref('r.department_id')).as('department_name'),
      userNameOf(eb.ref('r.org_id'), eb.ref('r.requested_by')).as('requested_by_name'),
      userNameOf(eb.ref('r.org_id'), eb.ref('r.answered_by')).as('answered_by_name'),
    ])
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc');
  if (page) query = query.limit(page.limit).offset(page.offset);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    complaintId: r.complaint_id,
    departmentId: r.department_id,
    departmentName: r.department_name ?? '',
    requestedBy: r.requested_by,
    requestedByName: r.requested_by_name,
    question: r.question,
    status: r.status as DeadlineRequest['status'],
    answerDueAt: r.answer_due_at,
    answerNote: r.answer_note,
    answeredByName: r.answered_by_name,
    answeredAt: r.answered_at,
    createdAt: r.created_at,
  }));
}

/** How many deadline requests match, for the total beside a page. */
export async function countDeadlineRequests(
  db: Executor,
  orgId: string,
  filter: DeadlineRequestFilter,
): Promise<number> {
  if (matchesNothing(filter)) return 0;
  const row = await filtered(db, orgId, filter)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findDeadlineRequest(
  db: Executor,
  orgId: string,
  id: string,
): Promise<DeadlineRequest | undefined> {
  return (await listDeadlineRequests(db, orgId, { ids: [id] }))[0];
}

/** Records the answer of an open request; false when it was no longer open. */
export async function answerDeadlineRequest(
  tx: Tx,
  orgId: string,
  id: string,
  answer: { dueAt: Date; note: string | null; answeredBy: string | null; at: Date },
): Promise<boolean> {
  const updated = await tx
    .updateTable('deadline_requests')
    .set({
      status: 'answered',
      answer_due_at: answer.dueAt,
      answer_note: answer.note,
      answered_by: answer.answeredBy,
      answered_at: answer.at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export type Commitment = {
  id: string;
  complaintId: string;
  sequence: number;
  dueAt: Date;
  taskTypeId: string | null;
  taskTypeName: string | null;
  deadlineRequestId: string | null;
  departmentId: string | null;
  committedBy: string | null;
  committedByName: string | null;
  committedAt: Date;
  reason: string | null;
  customerMessage: string | null;
  /** For a re-commitment a pause made: when the pause began. */
  pauseFrom: Date | null;
};

export async function latestCommitment(
  db: Executor,
  orgId: string,
  complaintId: string,
): Promise<{ sequence: number; dueAt: Date } | undefined> {
  const row = await db
    .selectFrom('commitments')
    .select(['sequence', 'due_at'])
    .where('org_id', '=', orgId)
    .where('complaint_id', '=', complaintId)
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { sequence: row.sequence, dueAt: row.due_at } : undefined;
}

export async function insertCommitment(
  tx: Tx,
  orgId: string,
  c: Omit<Commitment, 'id' | 'taskTypeName' | 'committedByName'>,
): Promise<void> {
  await tx
    .insertInto('commitments')
    .values({
      org_id: orgId,
      complaint_id: c.complaintId,
      sequence: c.sequence,
      due_at: c.dueAt,
      task_type_id: c.taskTypeId,
      deadline_request_id: c.deadlineRequestId,
      department_id: c.departmentId,
      committed_by: c.committedBy,
      committed_at: c.committedAt,
      reason: c.reason,
      customer_message: c.customerMessage,
      pause_from: c.pauseFrom,
    })
    .execute();
}

/**
 * Commitments of one complaint, or every commitment of the complaints that had one made in
 * [from, to) (a promise's later changes belong to it), in promise order. Task type names are in
 * `lang` (else the org's default language).
 */
export async function listCommitments(
  db: Executor,
  orgId: string,
  filter: { complaintId?: string; complaintIds?: readonly string[]; from?: Date; to?: Date },
  lang?: Language,
): Promise<Commitment[]> {
  let query = db
    .selectFrom('commitments as m')
    .selectAll('m')
    .select((eb) => [
      eb
        .selectFrom('task_types as t')
        .select('t.name')
        .whereRef('t.org_id', '=', 'm.org_id')
        .whereRef('t.id', '=', 'm.task_type_id')
        .as('task_type_name'),
      eb
        .selectFrom('task_types as t')
        .select('t.names')
        .whereRef('t.org_id', '=', 'm.org_id')
        .whereRef('t.id', '=', 'm.task_type_id')
        .as('task_type_names'),
      userNameOf(eb.ref('m.org_id'), eb.ref('m.committed_by')).as('committed_by_name'),
    ])
    .where('m.org_id', '=', orgId);
  if (filter.complaintId) query = query.where('m.complaint_id', '=', filter.complaintId);
  if (filter.complaintIds) {
    if (filter.complaintIds.length === 0) return [];
    query = query.where('m.complaint_id', 'in', filter.complaintIds);
  }
  if (filter.from || filter.to) {
    const { from, to } = filter;
    query = query.where('m.complaint_id', 'in', (eb) => {
      let inRange = eb
        .selectFrom('commitments as r')
        .select('r.complaint_id')
        .where('r.org_id', '=', orgId);
      if (from) inRange = inRange.where('r.committed_at', '>=', from);
      if (to) inRange = inRange.where('r.committed_at', '<', to);
      return inRange;
    });
  }
  const rows = await query.orderBy('m.complaint_id').orderBy('m.sequence').execute();
  return rows.map((r) => ({
    id: r.id,
    complaintId: r.complaint_id,
    sequence: r.sequence,
    dueAt: r.due_at,
    taskTypeId: r.task_type_id,
    taskTypeName:
      r.task_type_name === null || lang === undefined
        ? r.task_type_name
        : nameIn((r.task_type_names ?? {}) as Names, lang, r.task_type_name),
    deadlineRequestId: r.deadline_request_id,
    departmentId: r.department_id,
    committedBy: r.committed_by,
    committedByName: r.committed_by_name,
    committedAt: r.committed_at,
    reason: r.reason,
    customerMessage: r.customer_message,
    pauseFrom: r.pause_from,
  }));
}
