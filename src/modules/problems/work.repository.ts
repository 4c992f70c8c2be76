import type { Executor, Tx } from '../../platform/db/index.ts';
import { departmentNameOf, userNameOf } from '../org/index.ts';
import type { ActionKind, ActionStatus, RootCauseCategory } from './domain/vocabulary.ts';

// The work on a problem: its root cause, the responsibility chain, the actions and evidence.

export type RootCause = {
  problemId: string;
  category: RootCauseCategory;
  analysis: string;
  fiveWhys: { why: string; answer: string }[];
  fishbone: Record<string, string[]> | null;
  updatedAt: Date;
  updatedByName: string | null;
};

export async function listRootCauses(
  db: Executor,
  orgId: string,
  problemIds?: readonly string[],
): Promise<RootCause[]> {
  let q = db
    .selectFrom('problem_root_causes as r')
    .selectAll('r')
    .select((eb) => userNameOf(eb.ref('r.org_id'), eb.ref('r.updated_by')).as('by_name'))
    .where('r.org_id', '=', orgId);
  if (problemIds) q = q.where('r.problem_id', 'in', problemIds.length ? [...problemIds] : [orgId]);
  return (await q.execute()).map((r) => ({
    problemId: r.problem_id,
    category: r.category as RootCauseCategory,
    analysis: r.analysis,
    fiveWhys: r.five_whys,
    fishbone: r.fishbone,
    updatedAt: r.updated_at,
    updatedByName: r.by_name ?? null,
  }));
}

export async function saveRootCause(
  tx: Tx,
  orgId: string,
  problemId: string,
  r: Omit<RootCause, 'problemId' | 'updatedAt' | 'updatedByName'>,
  by: string | null,
  at: Date,
): Promise<void> {
  const values = {
    category: r.category,
    analysis: r.analysis,
    five_whys: JSON.stringify(r.fiveWhys),
    fishbone: r.fishbone ? JSON.stringify(r.fishbone) : null,
    updated_by: by,
    updated_at: at,
  };
  await tx
    .insertInto('problem_root_causes')
    .values({ org_id: orgId, problem_id: problemId, ...values })
    .onConflict((oc) => oc.columns(['org_id', 'problem_id']).doUpdateSet(values))
    .execute();
}

export type ChainLink = {
  id: string;
  position: number;
  departmentId: string | null;
  departmentName: string | null;
  userId: string | null;
  personName: string | null;
  role: string;
  acknowledgement: string | null;
  acknowledgedAt: Date | null;
  acknowledgedById: string | null;
  acknowledgedByName: string | null;
  onBehalf: boolean;
};

export async function listChain(
  db: Executor,
  orgId: string,
  problemId: string,
  lock = false,
): Promise<ChainLink[]> {
  let q = db
    .selectFrom('problem_chain_links as c')
    .selectAll('c')
    .select((eb) => [
      departmentNameOf(eb.ref('c.org_id'), eb.ref('c.department_id')).as('department_name'),
      userNameOf(eb.ref('c.org_id'), eb.ref('c.user_id')).as('user_name'),
      userNameOf(eb.ref('c.org_id'), eb.ref('c.acknowledged_by')).as('ack_name'),
    ])
    .where('c.org_id', '=', orgId)
    .where('c.problem_id', '=', problemId)
    .orderBy('c.position');
  if (lock) q = q.forUpdate('c');
  return (await q.execute()).map((r) => ({
    id: r.id,
    position: r.position,
    departmentId: r.department_id,
    departmentName: r.department_name ?? null,
    userId: r.user_id,
    personName: r.person_name ?? r.user_name ?? null,
    role: r.role,
    acknowledgement: r.acknowledgement,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedById: r.acknowledged_by,
    acknowledgedByName: r.ack_name ?? null,
    onBehalf: r.on_behalf,
  }));
}

/**
 * Replaces the chain with the given ordered links. A link kept for the same person and
 * department keeps its acknowledgement; a changed one starts unacknowledged.
 */
export async function replaceChain(
  tx: Tx,
  orgId: string,
  problemId: string,
  links: readonly {
    departmentId: string | null;
    userId: string | null;
    personName: string | null;
    role: string;
    kept: ChainLink | undefined;
    previousId: string | undefined;
  }[],
): Promise<void> {
  await tx
    .deleteFrom('problem_chain_links')
    .where('org_id', '=', orgId)
    .where('problem_id', '=', problemId)
    .execute();
  if (links.length === 0) return;
  await tx
    .insertInto('problem_chain_links')
    .values(
      links.map((l, i) => ({
        org_id: orgId,
        // A link keeps its id by its place in the chain, so a link being acknowledged while
        // the chain is saved again is still found.
        ...(links[i]?.previousId ? { id: links[i].previousId } : {}),
        problem_id: problemId,
        position: i + 1,
        department_id: l.departmentId,
        user_id: l.userId,
        person_name: l.userId ? null : l.personName,
        role: l.role,
        acknowledgement: l.kept?.acknowledgement ?? null,
        acknowledged_at: l.kept?.acknowledgedAt ?? null,
        acknowledged_by: l.kept?.acknowledgedById ?? null,
        on_behalf: l.kept?.onBehalf ?? false,
      })),
    )
    .execute();
}

export async function acknowledgeLink(
  tx: Tx,
  orgId: string,
  linkId: string,
  a: { text: string; by: string | null; onBehalf: boolean; at: Date },
): Promise<void> {
  await tx
    .updateTable('problem_chain_links')
    .set({
      acknowledgement: a.text,
      acknowledged_at: a.at,
      acknowledged_by: a.by,
      on_behalf: a.onBehalf,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', linkId)
    .execute();
}

export type Action = {
  id: string;
  problemId: string;
  kind: ActionKind;
  description: string;
  ownerId: string;
  ownerName: string | null;
  dueAt: Date;
  clockStartedAt: Date;
  status: ActionStatus;
  doneAt: Date | null;
  createdAt: Date;
};

export type ActionFilter = {
  ids?: readonly string[];
  problemIds?: readonly string[];
  ownerId?: string;
  statuses?: readonly ActionStatus[];
  kind?: ActionKind;
};

export async function listActions(
  db: Executor,
  orgId: string,
  filter: ActionFilter,
  lock = false,
): Promise<Action[]> {
  let q = db
    .selectFrom('problem_actions as a')
    .selectAll('a')
    .select((eb) => userNameOf(eb.ref('a.org_id'), eb.ref('a.owner_id')).as('owner_name'))
    .where('a.org_id', '=', orgId);
  if (filter.ids) q = q.where('a.id', 'in', filter.ids.length ? [...filter.ids] : [orgId]);
  if (filter.problemIds)
    q = q.where('a.problem_id', 'in', filter.problemIds.length ? [...filter.problemIds] : [orgId]);
  if (filter.ownerId) q = q.where('a.owner_id', '=', filter.ownerId);
  if (filter.statuses) q = q.where('a.status', 'in', [...filter.statuses]);
  if (filter.kind) q = q.where('a.kind', '=', filter.kind);
  if (lock) q = q.forUpdate('a');
  const rows = await q.orderBy('a.due_at').orderBy('a.id').execute();
  return rows.map((r) => ({
    id: r.id,
    problemId: r.problem_id,
    kind: r.kind as ActionKind,
    description: r.description,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    dueAt: r.due_at,
    clockStartedAt: r.clock_started_at,
    status: r.status as ActionStatus,
    doneAt: r.done_at,
    createdAt: r.created_at,
  }));
}

export async function insertAction(
  tx: Tx,
  orgId: string,
  a: {
    problemId: string;
    kind: ActionKind;
    description: string;
    ownerId: string;
    dueAt: Date;
    createdBy: string | null;
    at: Date;
  },
): Promise<string> {
  const r = await tx
    .insertInto('problem_actions')
    .values({
      org_id: orgId,
      problem_id: a.problemId,
      kind: a.kind,
      description: a.description,
      owner_id: a.ownerId,
      due_at: a.dueAt,
      clock_started_at: a.at,
      created_by: a.createdBy,
      created_at: a.at,
      updated_at: a.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateAction(
  tx: Tx,
  orgId: string,
  id: string,
  c: Partial<{
    description: string;
    ownerId: string;
    dueAt: Date;
    clockStartedAt: Date;
    status: ActionStatus;
    doneAt: Date | null;
  }>,
  at: Date,
): Promise<void> {
  await tx
    .updateTable('problem_actions')
    .set({
      ...(c.description !== undefined ? { description: c.description } : {}),
      ...(c.ownerId !== undefined ? { owner_id: c.ownerId } : {}),
      ...(c.dueAt !== undefined ? { due_at: c.dueAt } : {}),
      ...(c.clockStartedAt !== undefined ? { clock_started_at: c.clockStartedAt } : {}),
      ...(c.status !== undefined ? { status: c.status } : {}),
      ...(c.doneAt !== undefined ? { done_at: c.doneAt } : {}),
      updated_at: at,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export type Evidence = {
  id: string;
  actionId: string;
  note: string;
  byId: string | null;
  byName: string | null;
  at: Date;
};

export async function listEvidence(
  db: Executor,
  orgId: string,
  actionIds: readonly string[],
): Promise<Evidence[]> {
  if (actionIds.length === 0) return [];
  const rows = await db
    .selectFrom('problem_action_evidence as e')
    .selectAll('e')
    .select((eb) => userNameOf(eb.ref('e.org_id'), eb.ref('e.created_by')).as('by_name'))
    .where('e.org_id', '=', orgId)
    .where('e.action_id', 'in', [...actionIds])
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    actionId: r.action_id,
    note: r.note,
    byId: r.created_by,
    byName: r.by_name ?? null,
    at: r.created_at,
  }));
}

export async function insertEvidence(
  tx: Tx,
  orgId: string,
  e: { actionId: string; note: string; by: string | null; at: Date },
): Promise<void> {
  await tx
    .insertInto('problem_action_evidence')
    .values({
      org_id: orgId,
      action_id: e.actionId,
      note: e.note,
      created_by: e.by,
      created_at: e.at,
    })
    .execute();
}
