import { expressionBuilder, type Expression, type Selectable } from 'kysely';
import type { Database, Executor, Tx } from '../../platform/db/index.ts';
import type { ReasonsTable } from '../../platform/db/schema.ts';
import { attempt, isForeignKeyViolation, isUniqueViolation } from '../../platform/db/savepoint.ts';
import type { ReasonView } from './reasons.contract.ts';

const toView = (r: Selectable<ReasonsTable>): ReasonView => {
  const names = r.names as Record<string, string>;
  return {
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    names: { vi: names.vi ?? r.code, en: names.en ?? r.code, zh: names.zh ?? r.code },
    active: r.is_active,
    sortOrder: r.sort_order,
  };
};

export type ReasonFields = {
  parentId: string | null;
  code: string;
  names: ReasonView['names'];
  active: boolean;
  sortOrder: number;
};

export async function findReason(
  db: Executor,
  orgId: string,
  id: string,
): Promise<ReasonView | undefined> {
  const r = await db
    .selectFrom('reasons')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toView(r) : undefined;
}

export async function listReasons(db: Executor, orgId: string): Promise<ReasonView[]> {
  const rows = await db
    .selectFrom('reasons')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('sort_order')
    .orderBy('code')
    .execute();
  return rows.map(toView);
}

/** Inserts a reason; undefined when its code is taken. */
export async function insertReason(
  tx: Tx,
  orgId: string,
  r: ReasonFields,
): Promise<ReasonView | undefined> {
  const row = await tx
    .insertInto('reasons')
    .values({
      org_id: orgId,
      parent_id: r.parentId,
      code: r.code,
      names: JSON.stringify(r.names),
      is_active: r.active,
      sort_order: r.sortOrder,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toView(row) : undefined;
}

/** Updates a reason; undefined when the new code is taken by another. */
export async function updateReason(
  tx: Tx,
  orgId: string,
  id: string,
  r: Partial<ReasonFields>,
): Promise<ReasonView | undefined> {
  const row = await attempt(tx, isUniqueViolation, () =>
    tx
      .updateTable('reasons')
      .set({
        ...(r.parentId !== undefined ? { parent_id: r.parentId } : {}),
        ...(r.code !== undefined ? { code: r.code } : {}),
        ...(r.names !== undefined ? { names: JSON.stringify(r.names) } : {}),
        ...(r.active !== undefined ? { is_active: r.active } : {}),
        ...(r.sortOrder !== undefined ? { sort_order: r.sortOrder } : {}),
      })
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return row ? toView(row) : undefined;
}

/**
 * Deletes a reason unless a complaint or a child reason still points at it (their foreign keys
 * refuse); then nothing changes and the answer is false.
 */
export async function deleteReasonUnlessReferenced(
  tx: Tx,
  orgId: string,
  id: string,
): Promise<boolean> {
  const deleted = await attempt(tx, isForeignKeyViolation, () =>
    tx.deleteFrom('reasons').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst(),
  );
  return deleted !== undefined && Number(deleted.numDeletedRows) > 0;
}

const eb = expressionBuilder<Database, never>();

/** A reason's names ({ vi, en, zh }), as a correlated subquery for other modules' lists. */
export function reasonNamesOf(orgId: Expression<string>, reasonId: Expression<string | null>) {
  return eb
    .selectFrom('reasons')
    .select('reasons.names')
    .where('reasons.org_id', '=', orgId)
    .where('reasons.id', '=', reasonId);
}
