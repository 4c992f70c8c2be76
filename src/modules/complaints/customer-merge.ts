import type { Scope } from '../../platform/actor.ts';
import { invalidField } from '../../platform/errors.ts';
import { customerChanged, type CustomerView } from '../customers/index.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import * as repo from './complaints.repository.ts';

/**
 * Two records of one person become one: the agent compares a possible duplicate with the
 * record it may copy, and merges. The complaints move first (this module owns them), then the
 * customers module folds the record in. Each complaint keeps the contact points given with it.
 */
export function createCustomerMerge(
  deps: Pick<ComplaintDeps, 'db' | 'clock' | 'customers' | 'jobs'>,
) {
  const { db, clock, customers, jobs } = deps;
  return {
    async mergeCustomers(
      scope: Scope,
      fromId: string,
      intoId: string,
    ): Promise<{ customer: CustomerView; movedComplaints: number }> {
      if (fromId === intoId) throw invalidField('intoId');
      return db.transaction().execute(async (tx) => {
        await customers.getCustomer(tx, scope.orgId, fromId);
        await customers.getCustomer(tx, scope.orgId, intoId).catch(() => {
          throw invalidField('intoId');
        });
        const movedComplaints = await repo.moveToCustomer(
          tx,
          scope.orgId,
          fromId,
          intoId,
          clock.now(),
        );
        const customer = await customers.absorb(tx, scope, fromId, intoId);
        // The moved complaints are now found by the merged record's name and contact points.
        await jobs.enqueue(
          tx,
          customerChanged,
          { orgId: scope.orgId, customerId: intoId },
          { key: intoId },
        );
        return { customer, movedComplaints };
      });
    },
  };
}
