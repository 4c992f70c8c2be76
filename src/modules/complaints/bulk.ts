import type { Scope } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Language } from '../../platform/i18n.ts';
import type { CaseUpdates } from './case-updates.ts';
import type { CaseWork } from './case-work.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import type { BulkActionRequest, BulkActionResponse } from './queue.contract.ts';

type Result = BulkActionResponse['results'][number];

/**
 * One action on many cases. Each case goes through the one-case use case in its own
 * transaction, so it gets the same checks, events and clocks, and one refusal (another org's
 * case, a move the status table forbids, an owner only a manager may set) stops only that case.
 * Adding an action is a case in `apply`.
 */
export function createBulk(
  deps: Pick<ComplaintDeps, 'db'> & { work: CaseWork; updates: CaseUpdates },
) {
  const { db, work, updates } = deps;

  async function apply(scope: Scope, id: string, request: BulkActionRequest): Promise<boolean> {
    switch (request.action) {
      case 'assign':
        return updates.update(scope, id, { ownerId: request.ownerId }, { bulk: true });
      case 'changeStatus':
        return updates.changeStatus(scope, id, request.status, request.note, { bulk: true });
    }
  }

  return {
    async bulk(
      scope: Scope,
      request: BulkActionRequest,
      lang: Language,
    ): Promise<BulkActionResponse> {
      // A bad owner is a bad request, named once, not a refusal per case.
      if (request.action === 'assign')
        await work.assertUser(db, scope.orgId, request.ownerId, 'ownerId');
      const results: Result[] = [];
      for (const id of [...new Set(request.ids)]) {
        try {
          const changed = await apply(scope, id, request);
          results.push({ id, outcome: changed ? 'changed' : 'unchanged' });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          results.push({
            id,
            outcome: 'refused',
            error: {
              code: error.code,
              message: error.localizedMessage(lang),
              ...(error.field ? { field: error.field } : {}),
            },
          });
        }
      }
      const count = (outcome: Result['outcome']) =>
        results.filter((r) => r.outcome === outcome).length;
      return {
        action: request.action,
        results,
        changed: count('changed'),
        unchanged: count('unchanged'),
        refused: count('refused'),
      };
    },
  };
}
