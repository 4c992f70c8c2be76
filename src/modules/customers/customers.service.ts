import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor, Tx } from '../../platform/db/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { searchTerms } from '../../platform/db/search.ts';
import * as repo from './customers.repository.ts';
import type { Customer } from './customers.repository.ts';
import type { CustomerInput, CustomerView } from './customers.contract.ts';
import { normalizePhone } from './domain/phone.ts';
import { mergeCustomer } from './domain/merge.ts';

export type CustomerService = ReturnType<typeof createCustomerService>;

export const toCustomerView = (c: Customer): CustomerView => ({
  id: c.id,
  name: c.name,
  phone: c.phone,
  email: c.email,
  externalId: c.externalId,
  tier: c.tier,
  customerSince: c.customerSince,
  preferredLanguage: c.preferredLanguage,
  createdAt: c.createdAt.toISOString(),
});

export function createCustomerService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  function identities(input: CustomerInput, fieldPrefix: string) {
    const phone = input.phone ? normalizePhone(input.phone) : null;
    if (input.phone && !phone) {
      throw invalidField(`${fieldPrefix}phone`, 'field.invalid_phone', { value: input.phone });
    }
    const email = input.email ? input.email.toLowerCase() : null;
    const externalId = input.externalId ?? null;
    if (!phone && !email && !externalId)
      throw invalidField(`${fieldPrefix}phone`, 'field.contact_required');
    return { phone: phone ?? null, email, externalId };
  }

  /**
   * Finds the customer by external id, then phone, then e-mail, and fills in what was missing;
   * creates one when nobody matches. Runs in the caller's transaction.
   */
  async function upsert(
    tx: Tx,
    orgId: string,
    input: CustomerInput,
    fieldPrefix = '',
  ): Promise<Customer> {
    const ids = identities(input, fieldPrefix);
    for (let attempt = 0; attempt < 3; attempt++) {
      const candidates = await repo.findByIdentities(tx, orgId, ids);
      const decision = mergeCustomer(candidates, ids, input);
      if (decision.kind === 'unchanged')
        return candidates.find((c) => c.id === decision.customer.id)!;
      if (decision.kind === 'update') {
        const updated = await repo.updateCustomer(
          tx,
          orgId,
          decision.customer.id,
          decision.patch,
          clock.now(),
        );
        if (updated) return updated;
        continue;
      }
      const inserted = await repo.insertCustomer(tx, orgId, {
        name: input.name,
        phone: ids.phone,
        email: ids.email,
        externalId: ids.externalId,
        tier: input.tier ?? null,
        customerSince: input.customerSince ?? null,
        preferredLanguage: input.preferredLanguage ?? 'vi',
      });
      // Another request created the same person a moment ago: loop and take theirs.
      if (inserted) return inserted;
    }
    throw new AppError('conflict');
  }

  return {
    upsert,
    async upsertCustomer(orgId: string, input: CustomerInput): Promise<CustomerView> {
      return toCustomerView(await db.transaction().execute((tx) => upsert(tx, orgId, input)));
    },
    async getCustomer(orgId: string, id: string): Promise<CustomerView> {
      const c = await repo.findCustomer(db, orgId, id);
      if (!c) throw new AppError('not_found');
      return toCustomerView(c);
    },
    findCustomer: (executor: Executor, orgId: string, id: string) =>
      repo.findCustomer(executor, orgId, id),
    findCustomers: (executor: Executor, orgId: string, ids: readonly string[]) =>
      repo.findCustomers(executor, orgId, ids),
    async search(orgId: string, q: string, limit = 25): Promise<CustomerView[]> {
      const rows = await repo.searchCustomers(db, orgId, {
        terms: searchTerms(q),
        phone: normalizePhone(q) ?? null,
        limit,
      });
      return rows.map(toCustomerView);
    },
  };
}
