import type { Tx } from '../../platform/db/index.ts';
import { nationalDigits } from '../customers/index.ts';
import type { ComplaintDeps } from './complaints.deps.ts';
import { buildSearchText } from './domain/search-text.ts';
import * as repo from './search-index.repository.ts';
import type { SearchNameSource } from './search-index.repository.ts';

/** Complaints rebuilt per transaction when a reason, a customer or the whole org changes. */
const BATCH = 500;

/**
 * Keeps each complaint's search text current: rebuilt in the transaction of a change to the
 * case, and in batches when something it is found by changes elsewhere (a reason's names, a
 * customer, a task type), from a coalesced job.
 */
export function createSearchIndex(deps: Pick<ComplaintDeps, 'db' | 'customers'>) {
  const { db, customers } = deps;

  /** Rebuilds the texts of these complaints, in the caller's transaction (rows locked here). */
  async function rebuild(tx: Tx, orgId: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await repo.lockForSearch(tx, orgId, ids);
    const rows = await repo.loadSearchRows(tx, orgId, ids);
    const [people, facts] = await Promise.all([
      customers.findCustomers(
        tx,
        orgId,
        rows.map((r) => r.customerId),
      ),
      repo.loadSearchFacts(tx, orgId, ids),
    ]);
    await repo.writeSearchTexts(
      tx,
      orgId,
      rows.map((r) => {
        const customer = people.get(r.customerId);
        return {
          id: r.id,
          text: buildSearchText({
            complaint: r,
            customer: customer
              ? {
                  ...customer,
                  nationalPhone: customer.phone ? (nationalDigits(customer.phone) ?? null) : null,
                }
              : null,
            reasonNames: r.reasonNames,
            taskTypeNames: r.taskTypeNames,
            facts: facts.get(r.id) ?? [],
          }),
        };
      }),
    );
  }

  /** Every matching complaint, one batch per transaction so no lock is held for long. */
  async function rebuildWhere(
    orgId: string,
    filter: { reasonId?: string; customerId?: string },
  ): Promise<number> {
    let afterId: string | null = null;
    let count = 0;
    for (;;) {
      const ids = await repo.searchBatchIds(db, orgId, filter, afterId, BATCH);
      if (ids.length === 0) return count;
      await db.transaction().execute((tx) => rebuild(tx, orgId, ids));
      count += ids.length;
      afterId = ids.at(-1)!;
    }
  }

  return {
    rebuild,
    rebuildOrg: (orgId: string) => rebuildWhere(orgId, {}),
    rebuildReason: (orgId: string, reasonId: string) => rebuildWhere(orgId, { reasonId }),
    rebuildCustomer: (orgId: string, customerId: string) => rebuildWhere(orgId, { customerId }),

    /**
     * The names another module files complaints under (the task types of their commitments),
     * kept with each complaint so its text can be rebuilt without asking that module. In the
     * caller's transaction.
     */
    async fileUnder(
      tx: Tx,
      orgId: string,
      source: SearchNameSource,
      entries: readonly { complaintId: string; names: readonly string[] }[],
    ): Promise<void> {
      const ids = entries.map((e) => e.complaintId);
      await repo.lockForSearch(tx, orgId, ids);
      for (const e of entries)
        await repo.setSearchNames(tx, orgId, e.complaintId, source, [...new Set(e.names)].sort());
      await rebuild(tx, orgId, ids);
    },
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
