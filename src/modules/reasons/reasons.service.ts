import type { Db, Executor, Tx } from '../../platform/db/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import { recordAudit } from '../audit/index.ts';
import type { ReasonView } from './reasons.contract.ts';
import * as repo from './reasons.repository.ts';
import { wouldCreateCycle } from '../kernel/index.ts';
import { reasonRenamed } from './reasons.jobs.ts';

export type ReasonService = ReturnType<typeof createReasonService>;

/** The reason taxonomy: a tree an admin manages, named in all three languages. */
export function createReasonService(deps: { db: Db; jobs: JobQueue }) {
  const { db, jobs } = deps;

  async function assertParent(
    tx: Executor,
    orgId: string,
    id: string | null,
    parentId: string | null | undefined,
  ) {
    if (!parentId) return;
    const all = await repo.listReasons(tx, orgId);
    const parentOf = new Map(all.map((r) => [r.id, r.parentId]));
    if (!parentOf.has(parentId) || (id !== null && wouldCreateCycle(id, parentId, parentOf)))
      throw invalidField('parentId');
  }

  async function create(
    tx: Tx,
    orgId: string,
    actor: Actor,
    input: {
      parentId?: string | null | undefined;
      code: string;
      names: ReasonView['names'];
      active: boolean;
      sortOrder: number;
    },
  ): Promise<ReasonView> {
    await assertParent(tx, orgId, null, input.parentId);
    const view = await repo.insertReason(tx, orgId, { ...input, parentId: input.parentId ?? null });
    if (!view) throw new AppError('conflict', { field: 'code' });
    await recordAudit(tx, {
      orgId,
      actor,
      action: 'reason.created',
      entityType: 'reason',
      entityId: view.id,
      after: view,
    });
    return view;
  }

  return {
    list: (orgId: string) => repo.listReasons(db, orgId),
    find: (executor: Executor, orgId: string, id: string) => repo.findReason(executor, orgId, id),
    async localized(orgId: string, lang: Language, activeOnly = true) {
      return (await repo.listReasons(db, orgId))
        .filter((r) => !activeOnly || r.active)
        .map((r) => ({ id: r.id, parentId: r.parentId, name: r.names[lang] }));
    },

    /** In the caller's transaction: provisioning adds the starting taxonomy with the org. */
    createIn: create,

    create: (orgId: string, actor: Actor, input: Parameters<typeof create>[3]) =>
      db.transaction().execute((tx) => create(tx, orgId, actor, input)),

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
        const before = await repo.findReason(tx, orgId, id);
        if (!before) throw new AppError('not_found');
        if (input.parentId !== undefined) await assertParent(tx, orgId, id, input.parentId);
        const after = await repo.updateReason(tx, orgId, id, input);
        if (!after) throw new AppError('conflict', { field: 'code' });
        if (JSON.stringify(before.names) !== JSON.stringify(after.names))
          await jobs.enqueue(tx, reasonRenamed, { orgId, reasonId: id }, { key: id });
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
        const before = await repo.findReason(tx, orgId, id);
        if (!before) throw new AppError('not_found');
        const deleted = await repo.deleteReasonUnlessReferenced(tx, orgId, id);
        if (!deleted) await repo.updateReason(tx, orgId, id, { active: false });
        await recordAudit(tx, {
          orgId,
          actor,
          action: deleted ? 'reason.deleted' : 'reason.retired',
          entityType: 'reason',
          entityId: id,
          before,
        });
        return { retired: !deleted };
      });
    },
  };
}
