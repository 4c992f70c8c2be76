import type { Selectable } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { SavedViewsTable } from '../../platform/db/schema.ts';
import { attempt, isUniqueViolation } from '../../platform/db/savepoint.ts';

export type StoredView = {
  id: string;
  name: string;
  /** As saved; the use case parses it against today's query schema. */
  query: Record<string, unknown>;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
};

const toView = (r: Selectable<SavedViewsTable>): StoredView => ({
  id: r.id,
  name: r.name,
  query: r.query,
  isDefault: r.is_default,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** One person's views, by name. */
export async function listViews(db: Executor, orgId: string, userId: string) {
  const rows = await db
    .selectFrom('saved_views')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .orderBy('name')
    .execute();
  return rows.map(toView);
}

/** A view of this person's; another person's is undefined, as a missing one is. */
export async function findView(db: Executor, orgId: string, userId: string, id: string) {
  const row = await db
    .selectFrom('saved_views')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toView(row) : undefined;
}

/** Only one default per person: making one the default clears the others. */
export async function clearDefault(tx: Tx, orgId: string, userId: string): Promise<void> {
  await tx
    .updateTable('saved_views')
    .set({ is_default: false })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('is_default', '=', true)
    .execute();
}

/** Undefined when the person already has a view of that name. */
export async function insertView(
  tx: Tx,
  orgId: string,
  userId: string,
  v: { name: string; query: Record<string, unknown>; isDefault: boolean; at: Date },
): Promise<StoredView | undefined> {
  const row = await attempt(tx, isUniqueViolation, () =>
    tx
      .insertInto('saved_views')
      .values({
        org_id: orgId,
        user_id: userId,
        name: v.name,
        query: JSON.stringify(v.query),
        is_default: v.isDefault,
        created_at: v.at,
        updated_at: v.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return row ? toView(row) : undefined;
}

/** Undefined when the new name is taken by another of the person's views. */
export async function updateView(
  tx: Tx,
  orgId: string,
  userId: string,
  id: string,
  v: { name?: string; query?: Record<string, unknown>; isDefault?: boolean; at: Date },
): Promise<StoredView | undefined> {
  const row = await attempt(tx, isUniqueViolation, () =>
    tx
      .updateTable('saved_views')
      .set({
        updated_at: v.at,
        ...(v.name !== undefined ? { name: v.name } : {}),
        ...(v.query !== undefined ? { query: JSON.stringify(v.query) } : {}),
        ...(v.isDefault !== undefined ? { is_default: v.isDefault } : {}),
      })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
  return row ? toView(row) : undefined;
}

export async function deleteView(
  tx: Tx,
  orgId: string,
  userId: string,
  id: string,
): Promise<boolean> {
  const r = await tx
    .deleteFrom('saved_views')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
