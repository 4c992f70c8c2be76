import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor } from '../../platform/db/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/index.ts';
import type { ReasonView } from './reasons.contract.ts';

export type ReasonService = ReturnType<typeof createReasonService>;

type Row = {
  id: string;
  parent_id: string | null;
  code: string;
  names: unknown;
  is_active: boolean;
  sort_order: number;
};
const toView = (r: Row): ReasonView => {
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

/** The reason taxonomy: a tree an admin manages, named in all three languages. */
export function createReasonService(deps: { db: Db; clock: Clock }) {
  const { db } = deps;

  const find = async (executor: Executor, orgId: string, id: string) => {
    const r = await executor
      .selectFrom('reasons')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? toView(r) : undefined;
  };

  async function list(orgId: string): Promise<ReasonView[]> {
    const rows = await db
      .selectFrom('reasons')
      .selectAll()
      .where('org_id', '=', orgId)
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
    return rows.map(toView);
  }

  async function assertParent(
    tx: Executor,
    orgId: string,
    id: string | null,
    parentId: string | null | undefined,
  ) {
    if (!parentId) return;
    if (!(await find(tx, orgId, parentId))) throw invalidField('parentId');
    let current: string | null = parentId;
    const seen = new Set<string>();
    while (current) {
      if (current === id || seen.has(current)) throw invalidField('parentId');
      seen.add(current);
      current = (await find(tx, orgId, current))?.parentId ?? null;
    }
  }

  return {
    list,
    find: (orgId: string, id: string) => find(db, orgId, id),
    async localized(orgId: string, lang: Language, activeOnly = true) {
      return (await list(orgId))
        .filter((r) => !activeOnly || r.active)
        .map((r) => ({ id: r.id, parentId: r.parentId, name: r.names[lang] }));
    },
    async create(
      orgId: string,
      actor: Actor,
      input: {
        parentId?: string | null | undefined;
        code: string;
        names: ReasonView['names'];
        active: boolean;
        sortOrder: number;
      },
    ) {
      return db.transaction().execute(async (tx) => {
        await assertParent(tx, orgId, null, input.parentId);
        const row = await tx
          .insertInto('reasons')
          .values({
            org_id: orgId,
            parent_id: input.parentId ?? null,
            code: input.code,
            names: JSON.stringify(input.names),
            is_active: input.active,
            sort_order: input.sortOrder,
          })
          .onConflict((oc) => oc.doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new AppError('conflict', { field: 'code' });
        const view = toView(row);
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'reason.created',
          entityType: 'reason',
          entityId: view.id,
          after: view,
        });
        return view;
      });
    },
    async update(
      orgId: string,
      actor: Actor,
      id: string,
      input: {
        parentId?: string | null | undefined;
        code?: string | undefined;
        names?: ReasonView['names'] | undefined;
        active?: boolean | undefined;
        sortOrder?: number | undefined;
      },
    ) {
      return db.transaction().execute(async (tx) => {
        const before = await find(tx, orgId, id);
        if (!before) throw new AppError('not_found');
        if (input.parentId !== undefined) await assertParent(tx, orgId, id, input.parentId);
        if (input.code && input.code !== before.code) {
          const clash = await tx
            .selectFrom('reasons')
            .select('id')
            .where('org_id', '=', orgId)
            .where('code', '=', input.code)
            .executeTakeFirst();
          if (clash) throw new AppError('conflict', { field: 'code' });
        }
        const row = await tx
          .updateTable('reasons')
          .set({
            ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
            ...(input.code !== undefined ? { code: input.code } : {}),
            ...(input.names !== undefined ? { names: JSON.stringify(input.names) } : {}),
            ...(input.active !== undefined ? { is_active: input.active } : {}),
            ...(input.sortOrder !== undefined ? { sort_order: input.sortOrder } : {}),
          })
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const after = toView(row);
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'reason.updated',
          entityType: 'reason',
          entityId: id,
          before,
          after,
        });
        return after;
      });
    },
    /** A reason in use is retired (inactive), never deleted, so old complaints keep their reason. */
    async remove(orgId: string, actor: Actor, id: string): Promise<{ retired: boolean }> {
      return db.transaction().execute(async (tx) => {
        const before = await find(tx, orgId, id);
        if (!before) throw new AppError('not_found');
        const used = await tx
          .selectFrom('complaints')
          .select('id')
          .where('org_id', '=', orgId)
          .where('reason_id', '=', id)
          .limit(1)
          .executeTakeFirst();
        const child = await tx
          .selectFrom('reasons')
          .select('id')
          .where('org_id', '=', orgId)
          .where('parent_id', '=', id)
          .limit(1)
          .executeTakeFirst();
        if (used || child) {
          await tx
            .updateTable('reasons')
            .set({ is_active: false })
            .where('org_id', '=', orgId)
            .where('id', '=', id)
            .execute();
          await recordAudit(tx, {
            orgId,
            actor,
            action: 'reason.retired',
            entityType: 'reason',
            entityId: id,
            before,
          });
          return { retired: true };
        }
        await tx.deleteFrom('reasons').where('org_id', '=', orgId).where('id', '=', id).execute();
        await recordAudit(tx, {
          orgId,
          actor,
          action: 'reason.deleted',
          entityType: 'reason',
          entityId: id,
          before,
        });
        return { retired: false };
      });
    },
  };
}
