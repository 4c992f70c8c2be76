import { sql } from 'kysely';
import type { Actor } from '../../platform/actor.ts';
import type { Executor, Tx } from '../../platform/db/index.ts';
import { userNameOf } from '../org/index.ts';
import { reasonNamesOf } from '../reasons/index.ts';
import type { LocalisedText } from './domain/types.ts';
import type { LinkSource, ProblemStatus, WindowUnit } from './domain/vocabulary.ts';

// The problem records, their linked complaints and their history.

export type Problem = {
  id: string;
  reference: string;
  title: LocalisedText;
  description: LocalisedText;
  reasonId: string | null;
  reasonNames: Record<string, string> | null;
  products: string[];
  orders: string[];
  ownerId: string;
  ownerName: string | null;
  status: ProblemStatus;
  windowLength: number;
  windowUnit: WindowUnit;
  threshold: number;
  monitoringStartedAt: Date | null;
  monitoringEndsAt: Date | null;
  closedAt: Date | null;
  override: { reason: string; byId: string | null; byName: string | null; at: Date } | null;
  createdAt: Date;
  updatedAt: Date;
  linkedComplaints: number;
  openActions: number;
};

export async function nextNumber(tx: Tx, orgId: string, year: number): Promise<number> {
  const row = await tx
    .insertInto('problem_sequences')
    .values({ org_id: orgId, year, last_value: 1 })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'year'])
        .doUpdateSet((eb) => ({ last_value: eb('problem_sequences.last_value', '+', 1) })),
    )
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return row.last_value;
}

export type NewProblem = {
  reference: string;
  title: LocalisedText;
  description: LocalisedText;
  reasonId: string | null;
  products: string[];
  orders: string[];
  ownerId: string;
  windowLength: number;
  windowUnit: WindowUnit;
  threshold: number;
  createdBy: string | null;
  at: Date;
};

export async function insertProblem(tx: Tx, orgId: string, p: NewProblem): Promise<string> {
  const row = await tx
    .insertInto('problems')
    .values({
      org_id: orgId,
      reference: p.reference,
      title: JSON.stringify(p.title),
      description: JSON.stringify(p.description),
      reason_id: p.reasonId,
      products: p.products,
      orders: p.orders,
      owner_id: p.ownerId,
      window_length: p.windowLength,
      window_unit: p.windowUnit,
      recurrence_threshold: p.threshold,
      created_by: p.createdBy,
      created_at: p.at,
      updated_at: p.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type ProblemFilter = {
  ids?: readonly string[];
  statuses?: readonly ProblemStatus[];
  ownerId?: string;
  reasonId?: string;
  q?: string;
};

function problemQuery(db: Executor, orgId: string, filter: ProblemFilter) {
  let q = db.selectFrom('problems as p').where('p.org_id', '=', orgId);
  if (filter.ids) q = q.where('p.id', 'in', filter.ids.length ? [...filter.ids] : [orgId]);
  if (filter.statuses) q = q.where('p.status', 'in', [...filter.statuses]);
  if (filter.ownerId) q = q.where('p.owner_id', '=', filter.ownerId);
  if (filter.reasonId) q = q.where('p.reason_id', '=', filter.reasonId);
  if (filter.q?.trim()) {
    const like = `%${filter.q
      .trim()
      .toLowerCase()
      .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where('p.search_text', 'like', like);
  }
  return q;
}

export async function listProblems(
  db: Executor,
  orgId: string,
  filter: ProblemFilter,
  page: { limit: number; offset: number } = { limit: 1000, offset: 0 },
  lock = false,
): Promise<Problem[]> {
  let q = problemQuery(db, orgId, filter)
    .selectAll('p')
    .select((eb) => [
      userNameOf(eb.ref('p.org_id'), eb.ref('p.owner_id')).as('owner_name'),
      userNameOf(eb.ref('p.org_id'), eb.ref('p.override_by')).as('override_by_name'),
      reasonNamesOf(eb.ref('p.org_id'), eb.ref('p.reason_id')).as('reason_names'),
      eb
        .selectFrom('problem_complaints as l')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('l.org_id', '=', 'p.org_id')
        .whereRef('l.problem_id', '=', 'p.id')
        .as('linked_count'),
      eb
        .selectFrom('problem_actions as a')
        .select(sql<string>`count(*)`.as('n'))
        .whereRef('a.org_id', '=', 'p.org_id')
        .whereRef('a.problem_id', '=', 'p.id')
        .where('a.status', 'in', ['open', 'in_progress'])
        .as('open_actions'),
    ])
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id')
    .limit(page.limit)
    .offset(page.offset);
  if (lock) q = q.forUpdate('p');
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    title: r.title,
    description: r.description,
    reasonId: r.reason_id,
    reasonNames: r.reason_names ?? null,
    products: r.products,
    orders: r.orders,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    status: r.status as ProblemStatus,
    windowLength: r.window_length,
    windowUnit: r.window_unit as WindowUnit,
    threshold: r.recurrence_threshold,
    monitoringStartedAt: r.monitoring_started_at,
    monitoringEndsAt: r.monitoring_ends_at,
    closedAt: r.closed_at,
    override:
      r.override_reason && r.override_at
        ? {
            reason: r.override_reason,
            byId: r.override_by,
            byName: r.override_by_name ?? null,
            at: r.override_at,
          }
        : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    linkedComplaints: Number(r.linked_count ?? 0),
    openActions: Number(r.open_actions ?? 0),
  }));
}

export async function countProblems(
  db: Executor,
  orgId: string,
  filter: ProblemFilter,
): Promise<number> {
  const r = await problemQuery(db, orgId, filter)
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const findProblem = async (db: Executor, orgId: string, id: string, lock = false) =>
  (await listProblems(db, orgId, { ids: [id] }, undefined, lock))[0];

export type ProblemChange = Partial<{
  title: LocalisedText;
  description: LocalisedText;
  reasonId: string | null;
  products: string[];
  orders: string[];
  ownerId: string;
  status: ProblemStatus;
  windowLength: number;
  windowUnit: WindowUnit;
  threshold: number;
  monitoringStartedAt: Date | null;
  monitoringEndsAt: Date | null;
  closedAt: Date | null;
  override: { reason: string; byId: string | null; at: Date } | null;
}>;

export async function updateProblem(
  tx: Tx,
  orgId: string,
  id: string,
  c: ProblemChange,
  at: Date,
): Promise<void> {
  await tx
    .updateTable('problems')
    .set({
      ...(c.title !== undefined ? { title: JSON.stringify(c.title) } : {}),
      ...(c.description !== undefined ? { description: JSON.stringify(c.description) } : {}),
      ...(c.reasonId !== undefined ? { reason_id: c.reasonId } : {}),
      ...(c.products !== undefined ? { products: c.products } : {}),
      ...(c.orders !== undefined ? { orders: c.orders } : {}),
      ...(c.ownerId !== undefined ? { owner_id: c.ownerId } : {}),
      ...(c.status !== undefined ? { status: c.status } : {}),
      ...(c.windowLength !== undefined ? { window_length: c.windowLength } : {}),
      ...(c.windowUnit !== undefined ? { window_unit: c.windowUnit } : {}),
      ...(c.threshold !== undefined ? { recurrence_threshold: c.threshold } : {}),
      ...(c.monitoringStartedAt !== undefined
        ? { monitoring_started_at: c.monitoringStartedAt }
        : {}),
      ...(c.monitoringEndsAt !== undefined ? { monitoring_ends_at: c.monitoringEndsAt } : {}),
      ...(c.closedAt !== undefined ? { closed_at: c.closedAt } : {}),
      ...(c.override !== undefined
        ? {
            override_reason: c.override?.reason ?? null,
            override_by: c.override?.byId ?? null,
            override_at: c.override?.at ?? null,
          }
        : {}),
      updated_at: at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

// Linked complaints.

export type ComplaintLink = {
  complaintId: string;
  problemId: string;
  source: LinkSource;
  linkedAt: Date;
};

export async function linksOf(
  db: Executor,
  orgId: string,
  by: { problemIds?: readonly string[]; complaintIds?: readonly string[] },
  lock = false,
): Promise<ComplaintLink[]> {
  let q = db.selectFrom('problem_complaints').selectAll().where('org_id', '=', orgId);
  if (by.problemIds)
    q = q.where('problem_id', 'in', by.problemIds.length ? [...by.problemIds] : [orgId]);
  if (by.complaintIds)
    q = q.where('complaint_id', 'in', by.complaintIds.length ? [...by.complaintIds] : [orgId]);
  if (lock) q = q.forUpdate();
  const rows = await q.orderBy('linked_at').orderBy('complaint_id').execute();
  return rows.map((r) => ({
    complaintId: r.complaint_id,
    problemId: r.problem_id,
    source: r.source as LinkSource,
    linkedAt: r.linked_at,
  }));
}

/** Links (or moves) complaints to a problem; those already on it are left as they are. */
export async function upsertLinks(
  tx: Tx,
  orgId: string,
  problemId: string,
  complaintIds: readonly string[],
  source: LinkSource,
  by: string | null,
  at: Date,
): Promise<void> {
  if (complaintIds.length === 0) return;
  await tx
    .insertInto('problem_complaints')
    .values(
      complaintIds.map((complaintId) => ({
        org_id: orgId,
        complaint_id: complaintId,
        problem_id: problemId,
        source,
        linked_by: by,
        linked_at: at,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['org_id', 'complaint_id']).doUpdateSet((eb) => ({
        problem_id: eb.ref('excluded.problem_id'),
        source: eb.ref('excluded.source'),
        linked_by: eb.ref('excluded.linked_by'),
        linked_at: eb.ref('excluded.linked_at'),
      })),
    )
    .execute();
}

export async function deleteLink(
  tx: Tx,
  orgId: string,
  problemId: string,
  complaintId: string,
): Promise<boolean> {
  const r = await tx
    .deleteFrom('problem_complaints')
    .where('org_id', '=', orgId)
    .where('problem_id', '=', problemId)
    .where('complaint_id', '=', complaintId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

// The problem's own history.

export type ProblemEvent = {
  id: string;
  problemId: string;
  kind: string;
  actorName: string | null;
  data: Record<string, unknown>;
  at: Date;
};

export async function addEvent(
  tx: Tx,
  orgId: string,
  problemId: string,
  actor: Actor,
  kind: string,
  data: Record<string, unknown>,
  at: Date,
): Promise<void> {
  await tx
    .insertInto('problem_events')
    .values({
      org_id: orgId,
      problem_id: problemId,
      kind,
      actor_id: actor.type === 'user' ? actor.id : null,
      actor_name: actor.name,
      data: JSON.stringify(data),
      created_at: at,
    })
    .execute();
}

export async function listEvents(
  db: Executor,
  orgId: string,
  filter: { problemId?: string; kind?: string; from?: Date; to?: Date },
): Promise<ProblemEvent[]> {
  let q = db.selectFrom('problem_events').selectAll().where('org_id', '=', orgId);
  if (filter.problemId) q = q.where('problem_id', '=', filter.problemId);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.from) q = q.where('created_at', '>=', filter.from);
  if (filter.to) q = q.where('created_at', '<', filter.to);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({
    id: String(r.id),
    problemId: r.problem_id,
    kind: r.kind,
    actorName: r.actor_name,
    data: r.data,
    at: r.created_at,
  }));
}
