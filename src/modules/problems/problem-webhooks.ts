import type { Tx } from '../../platform/db/index.ts';
import type { ProblemDeps } from './problems.deps.ts';
import { findProblem } from './problems.repository.ts';

/** The problem events an org's webhooks hear of, by the kind on the problem's history. */
const hooks = { created: 'problem.created', 'status.changed': 'problem.status_changed' } as const;

/** Queues the webhooks of a problem event, in the transaction that records it. */
export function createProblemWebhooks(deps: Pick<ProblemDeps, 'webhooks'>) {
  return async function problemWebhook(
    tx: Tx,
    orgId: string,
    problemId: string,
    kind: keyof typeof hooks,
    change: Record<string, unknown> = {},
  ): Promise<void> {
    await deps.webhooks.enqueue(tx, {
      orgId,
      type: hooks[kind],
      resource: async () => {
        const p = await findProblem(tx, orgId, problemId);
        return {
          problem: p && {
            id: p.id,
            reference: p.reference,
            title: p.title,
            status: p.status,
            reasonId: p.reasonId,
            ownerId: p.ownerId,
            products: p.products,
            orders: p.orders,
            linkedComplaints: p.linkedComplaints,
            monitoringEndsAt: p.monitoringEndsAt?.toISOString() ?? null,
            closedAt: p.closedAt?.toISOString() ?? null,
            createdAt: p.createdAt.toISOString(),
          },
          ...(kind === 'status.changed' && { change }),
        };
      },
    });
  };
}
