import type { Scope } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../audit/index.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import { roleDefaultQueue } from './domain/queue-defaults.ts';
import {
  savedViewQuery,
  type SavedView,
  type SavedViewList,
  type SavedViewQuery,
} from './queue.contract.ts';
import * as repo from './saved-views.repository.ts';
import type { StoredView } from './saved-views.repository.ts';

/** A view saved under an older shape of the query keeps what still parses. */
const queryOf = (stored: Record<string, unknown>): SavedViewQuery => {
  const parsed = savedViewQuery.safeParse(stored);
  return parsed.success ? parsed.data : savedViewQuery.parse({});
};

const toView = (v: StoredView): SavedView => ({
  id: v.id,
  name: v.name,
  query: queryOf(v.query),
  isDefault: v.isDefault,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
});

/** Views are a person's own: an API key has none, and another person's view answers 404. */
function ownerOf(scope: Scope): string {
  if (scope.actor.type !== 'user' || !scope.actor.id) throw new AppError('forbidden');
  return scope.actor.id;
}

/** Each person's saved views of the queue: a name, the filters and sort, one the default. */
export function createSavedViews(deps: Pick<ComplaintDeps, 'db' | 'clock'>) {
  const { db, clock } = deps;

  const audit = (
    scope: Scope,
    action: string,
    id: string,
    before: SavedView | undefined,
    after: SavedView | undefined,
  ) => ({
    orgId: scope.orgId,
    actor: scope.actor,
    action,
    entityType: 'saved_view',
    entityId: id,
    ...(before ? { before } : {}),
    ...(after ? { after } : {}),
  });

  return {
    async listViews(scope: Scope): Promise<SavedViewList> {
      const userId = ownerOf(scope);
      const items = (await repo.listViews(db, scope.orgId, userId)).map(toView);
      const chosen = items.find((v) => v.isDefault);
      const byRole = roleDefaultQueue({
        assign: scope.permissions.has('complaint:assign'),
        update: scope.permissions.has('complaint:update'),
      });
      return {
        items,
        defaultQuery: chosen?.query ?? savedViewQuery.parse(byRole),
        defaultViewId: chosen?.id ?? null,
      };
    },

    async createView(
      scope: Scope,
      input: { name: string; query: SavedViewQuery; isDefault: boolean },
    ): Promise<SavedView> {
      const userId = ownerOf(scope);
      return db.transaction().execute(async (tx) => {
        if (input.isDefault) await repo.clearDefault(tx, scope.orgId, userId);
        const stored = await repo.insertView(tx, scope.orgId, userId, {
          ...input,
          at: clock.now(),
        });
        if (!stored) throw new AppError('conflict', { field: 'name' });
        const view = toView(stored);
        await recordAudit(tx, audit(scope, 'saved_view.created', view.id, undefined, view));
        return view;
      });
    },

    async updateView(
      scope: Scope,
      id: string,
      input: {
        name?: string | undefined;
        query?: SavedViewQuery | undefined;
        isDefault?: boolean | undefined;
      },
    ): Promise<SavedView> {
      const userId = ownerOf(scope);
      return db.transaction().execute(async (tx) => {
        const before = await repo.findView(tx, scope.orgId, userId, id);
        if (!before) throw new AppError('not_found');
        if (input.isDefault) await repo.clearDefault(tx, scope.orgId, userId);
        const stored = await repo.updateView(tx, scope.orgId, userId, id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.query !== undefined ? { query: input.query } : {}),
          ...(input.isDefault !== undefined ? { isDefault: input.isDefault } : {}),
          at: clock.now(),
        });
        if (!stored) throw new AppError('conflict', { field: 'name' });
        const view = toView(stored);
        await recordAudit(tx, audit(scope, 'saved_view.updated', id, toView(before), view));
        return view;
      });
    },

    async removeView(scope: Scope, id: string): Promise<void> {
      const userId = ownerOf(scope);
      await db.transaction().execute(async (tx) => {
        const before = await repo.findView(tx, scope.orgId, userId, id);
        if (!before || !(await repo.deleteView(tx, scope.orgId, userId, id)))
          throw new AppError('not_found');
        await recordAudit(tx, audit(scope, 'saved_view.deleted', id, toView(before), undefined));
      });
    },
  };
}
