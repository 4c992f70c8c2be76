import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Executor, Tx } from '../../platform/db/index.ts';
import type { JobQueue } from '../../platform/jobs/index.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { searchTerms } from '../../platform/db/search.ts';
import * as repo from './customers.repository.ts';
import type { Customer } from './customers.repository.ts';
import type { CustomerInput, CustomerView, UpdateCustomerRequest } from './customers.contract.ts';
import { normalizePhone, type PhoneCountry } from './domain/phone.ts';
import { matchKnown, mergeCustomer, trustedSources, type Source } from './domain/merge.ts';
import type { Actor, Scope } from '../../platform/actor.ts';
import { recordAudit } from '../audit/index.ts';
import { customerChanged } from './customers.jobs.ts';
import { orgCountryOf } from '../org/index.ts';

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
  possibleDuplicateOf: c.possibleDuplicateOf,
  createdAt: c.createdAt.toISOString(),
});

export function createCustomerService(deps: { db: Db; clock: Clock; jobs: JobQueue }) {
  const { db, clock, jobs } = deps;

  /** Complaints are found by their customer's name and contact points. */
  const searchChanged = (tx: Tx, orgId: string, customerId: string) =>
    jobs.enqueue(tx, customerChanged, { orgId, customerId }, { key: customerId });

  /** Numbers written without a country code are the org's country's. */
  const countryOf = async (executor: Executor, orgId: string) =>
    (await orgCountryOf(executor, orgId)) as PhoneCountry;

  function identities(input: CustomerInput, fieldPrefix: string, country: PhoneCountry) {
    const phone = input.phone ? normalizePhone(input.phone, country) : null;
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
   * The customer a complaint is about (see domain/merge.ts): an agreeing record is reused and
   * may gain missing contact points; conflicting input gets a record of its own, marked as a
   * possible duplicate. Never overwrites what is known. Runs in the caller's transaction.
   */
  async function upsert(
    tx: Tx,
    orgId: string,
    input: CustomerInput,
    source: Source,
    fieldPrefix = '',
    /** The org's country, when the caller has read the org already. */
    country?: PhoneCountry,
  ): Promise<Customer> {
    return (await upsertWithOutcome(tx, orgId, input, source, fieldPrefix, country)).customer;
  }

  /** {@link upsert}, saying whether the record was made, given contact points, or left as it was. */
  async function upsertWithOutcome(
    tx: Tx,
    orgId: string,
    input: CustomerInput,
    source: Source,
    fieldPrefix = '',
    country?: PhoneCountry,
  ): Promise<{ customer: Customer; outcome: 'created' | 'updated' | 'unchanged' }> {
    const ids = identities(input, fieldPrefix, country ?? (await countryOf(tx, orgId)));
    await repo.lockIdentities(tx, orgId, ids);
    for (let attempt = 0; attempt < 3; attempt++) {
      const candidates = await repo.findByIdentities(tx, orgId, ids);
      const decision = mergeCustomer(candidates, ids, input, source);
      if (decision.kind === 'use') {
        const chosen = candidates.find((c) => c.id === decision.customer.id)!;
        if (Object.keys(decision.patch).length === 0)
          return { customer: chosen, outcome: 'unchanged' };
        const updated = await repo.updateCustomer(
          tx,
          orgId,
          chosen.id,
          decision.patch,
          clock.now(),
        );
        if (updated) {
          await searchChanged(tx, orgId, updated.id);
          return { customer: updated, outcome: 'updated' };
        }
        continue;
      }
      const inserted = await repo.insertCustomer(tx, orgId, {
        name: input.name,
        phone: ids.phone,
        email: ids.email,
        externalId: trustedSources.includes(source) ? ids.externalId : null,
        tier: trustedSources.includes(source) ? (input.tier ?? null) : null,
        customerSince: trustedSources.includes(source) ? (input.customerSince ?? null) : null,
        preferredLanguage: input.preferredLanguage ?? 'vi',
        possibleDuplicateOf: decision.possibleDuplicateOf,
      });
      // Another request created the same person a moment ago: loop and take theirs.
      if (inserted) return { customer: inserted, outcome: 'created' };
    }
    throw new AppError('conflict');
  }

  async function getCustomer(executor: Executor, orgId: string, id: string): Promise<Customer> {
    const c = await repo.findCustomer(executor, orgId, id);
    if (!c) throw new AppError('not_found');
    return c;
  }

  /**
   * Leaves the customer out of surveys, or back in: staff (kept in the audit trail) or the
   * customer through a survey's unsubscribe link (then `tx` is the survey's change).
   */
  async function setSurveyOptOut(
    tx: Tx,
    orgId: string,
    actor: Actor,
    id: string,
    value: boolean,
  ): Promise<void> {
    const before = await repo.surveyOptOutOf(tx, orgId, id);
    if (before === undefined) throw new AppError('not_found');
    if (before === value) return;
    await repo.setSurveyOptOut(tx, orgId, id, value, clock.now());
    await recordAudit(tx, {
      orgId,
      actor,
      action: 'customer.survey_opt_out',
      entityType: 'customer',
      entityId: id,
      before: { surveyOptOut: before },
      after: { surveyOptOut: value },
    });
  }

  /**
   * The known customer that contact points name, for input that gives no name (see
   * `matchKnown`); undefined when none fits. Refuses input with no usable contact point.
   */
  async function matchByContact(
    tx: Tx,
    orgId: string,
    input: Omit<CustomerInput, 'name'>,
    fieldPrefix = '',
    country?: PhoneCountry,
  ): Promise<Customer | undefined> {
    const ids = identities(
      { ...input, name: '' },
      fieldPrefix,
      country ?? (await countryOf(tx, orgId)),
    );
    await repo.lockIdentities(tx, orgId, ids);
    const candidates = await repo.findByIdentities(tx, orgId, ids);
    const found = matchKnown(candidates, ids);
    return found ? candidates.find((c) => c.id === found.id) : undefined;
  }

  /**
   * {@link upsert} (or, for an input without a name, {@link matchByContact}) for many inputs
   * at once, in the caller's transaction: one lock over every identity and one read of every
   * candidate, then the same decision per input in order, so an input sees the records made
   * for the ones before it. Each answer is the customer, the refusal of that input, or
   * undefined when a nameless input names nobody.
   */
  async function upsertMany(
    tx: Tx,
    orgId: string,
    inputs: readonly {
      input: Omit<CustomerInput, 'name'> & { name?: string | null };
      prefix: string;
    }[],
    source: Source,
    country: PhoneCountry,
  ): Promise<(Customer | AppError | undefined)[]> {
    const idsOf = inputs.map(({ input, prefix }) => {
      try {
        return identities({ ...input, name: input.name ?? '' }, prefix, country);
      } catch (error) {
        if (error instanceof AppError) return error;
        throw error;
      }
    });
    const valid = idsOf.filter((i): i is Exclude<typeof i, AppError> => !(i instanceof AppError));
    await repo.lockIdentities(tx, orgId, valid);
    const pool = valid.length > 0 ? await repo.findByAnyIdentity(tx, orgId, valid) : [];
    const out: (Customer | AppError | undefined)[] = [];
    const created: Customer[] = [];
    for (const [k, { input, prefix }] of inputs.entries()) {
      const ids = idsOf[k]!;
      if (ids instanceof AppError) {
        out.push(ids);
        continue;
      }
      const related = pool.filter(
        (c) =>
          (ids.phone !== null && c.phone === ids.phone) ||
          (ids.email !== null && c.email === ids.email) ||
          (ids.externalId !== null && c.externalId === ids.externalId),
      );
      if (!input.name || input.name.trim() === '') {
        const found = matchKnown(related, ids);
        out.push(found ? related.find((c) => c.id === found.id) : undefined);
        continue;
      }
      const named = { ...input, name: input.name };
      const decision = mergeCustomer(related, ids, named, source);
      let answer: Customer | undefined;
      if (decision.kind === 'use') {
        const chosen = related.find((c) => c.id === decision.customer.id)!;
        // One made earlier in this batch is not written yet: it takes the patch as it is.
        const isNew = created.includes(chosen);
        answer =
          Object.keys(decision.patch).length === 0 || isNew
            ? Object.assign(chosen, decision.patch)
            : await repo.updateCustomer(tx, orgId, chosen.id, decision.patch, clock.now());
        if (answer && answer !== chosen) await searchChanged(tx, orgId, answer.id);
      } else {
        // Written with the others at the end; later inputs already see it.
        answer = {
          id: randomUUID(),
          orgId,
          createdAt: clock.now(),
          name: named.name,
          phone: ids.phone,
          email: ids.email,
          externalId: trustedSources.includes(source) ? ids.externalId : null,
          tier: trustedSources.includes(source) ? (named.tier ?? null) : null,
          customerSince: trustedSources.includes(source) ? (named.customerSince ?? null) : null,
          preferredLanguage: named.preferredLanguage ?? 'vi',
          possibleDuplicateOf: decision.possibleDuplicateOf,
        };
        created.push(answer);
      }
      // Taken by someone else a moment ago: the one-by-one path reads again and decides.
      answer ??= await upsert(tx, orgId, named, source, prefix, country);
      const at = pool.findIndex((c) => c.id === answer.id);
      if (at >= 0) pool[at] = answer;
      else pool.push(answer);
      out.push(answer);
    }
    // All identities are locked, so only a writer that takes no lock can have come between.
    if ((await repo.insertCustomersWithIds(tx, orgId, created)) !== created.length)
      throw new AppError('conflict');
    return out;
  }

  return {
    upsert,
    upsertWithOutcome,
    matchByContact,
    upsertMany,
    countryOf,
    /** POST /api/customers: staff or an integration record a customer (same rules as intake). */
    async upsertCustomer(scope: Scope, input: CustomerInput): Promise<CustomerView> {
      const source: Source = scope.actor.type === 'api' ? 'api' : 'staff';
      return toCustomerView(
        await db.transaction().execute((tx) => upsert(tx, scope.orgId, input, source)),
      );
    },
    /** Whether the customer is left out of satisfaction surveys; 404 for another org's. */
    async surveyOptOut(orgId: string, id: string, executor: Executor = db): Promise<boolean> {
      const value = await repo.surveyOptOutOf(executor, orgId, id);
      if (value === undefined) throw new AppError('not_found');
      return value;
    },

    setSurveyOptOut,

    changeSurveyOptOut(scope: Scope, id: string, value: boolean): Promise<void> {
      return db
        .transaction()
        .execute((tx) => setSurveyOptOut(tx, scope.orgId, scope.actor, id, value));
    },
    getCustomer,
    getCustomerView: async (orgId: string, id: string) =>
      toCustomerView(await getCustomer(db, orgId, id)),

    /** A staff edit (customer:update): any field may change, and every change is audited. */
    async updateCustomer(
      scope: Scope,
      id: string,
      patch: UpdateCustomerRequest,
    ): Promise<CustomerView> {
      return db.transaction().execute(async (tx) => {
        const before = await getCustomer(tx, scope.orgId, id);
        const changes: Partial<Customer> = {};
        if (patch.name !== undefined) changes.name = patch.name;
        if (patch.phone !== undefined) {
          const phone =
            patch.phone === null
              ? null
              : normalizePhone(patch.phone, await countryOf(tx, scope.orgId));
          if (patch.phone !== null && !phone)
            throw invalidField('phone', 'field.invalid_phone', { value: patch.phone });
          changes.phone = phone ?? null;
        }
        if (patch.email !== undefined) changes.email = patch.email?.toLowerCase() ?? null;
        if (patch.externalId !== undefined) changes.externalId = patch.externalId;
        if (patch.tier !== undefined) changes.tier = patch.tier;
        if (patch.customerSince !== undefined) changes.customerSince = patch.customerSince;
        if (patch.preferredLanguage !== undefined)
          changes.preferredLanguage = patch.preferredLanguage;
        const changed = (Object.keys(changes) as (keyof Customer)[]).filter(
          (k) => changes[k] !== before[k],
        );
        if (changed.length === 0) return toCustomerView(before);
        const after = await repo.updateCustomer(tx, scope.orgId, id, changes, clock.now());
        if (!after) {
          const taken = (['phone', 'email', 'externalId'] as const).find((k) =>
            changed.includes(k),
          );
          throw new AppError('conflict', { field: taken ?? 'phone' });
        }
        if (changed.some((k) => ['name', 'phone', 'email', 'externalId'].includes(k)))
          await searchChanged(tx, scope.orgId, id);
        await recordAudit(tx, {
          orgId: scope.orgId,
          actor: scope.actor,
          action: 'customer.updated',
          entityType: 'customer',
          entityId: id,
          before: Object.fromEntries(changed.map((k) => [k, before[k]])),
          after: Object.fromEntries(changed.map((k) => [k, after[k]])),
        });
        return toCustomerView(after);
      });
    },

    /** The records that may be the same person: its possible duplicates, or the one it copies. */
    async duplicates(orgId: string, id: string): Promise<CustomerView[]> {
      const customer = await getCustomer(db, orgId, id);
      const primaryId = customer.possibleDuplicateOf ?? customer.id;
      const primary = primaryId === id ? customer : await repo.findCustomer(db, orgId, primaryId);
      const copies = await repo.listDuplicatesOf(db, orgId, primaryId);
      return [...(primary ? [primary] : []), ...copies]
        .filter((c) => c.id !== id)
        .map(toCustomerView);
    },

    /**
     * The last part of merging `from` into `into`, once the modules above have moved their
     * records (complaints) to `into`: `into` takes the contact points it lacks, other copies
     * point at `into`, and `from` is gone. In the caller's transaction; audited.
     */
    async absorb(tx: Tx, scope: Scope, fromId: string, intoId: string): Promise<CustomerView> {
      const from = await getCustomer(tx, scope.orgId, fromId);
      const into = await getCustomer(tx, scope.orgId, intoId);
      await repo.repointDuplicates(tx, scope.orgId, fromId, intoId);
      await repo.deleteCustomer(tx, scope.orgId, fromId);
      const fill: Partial<Customer> = {};
      if (!into.phone && from.phone) fill.phone = from.phone;
      if (!into.email && from.email) fill.email = from.email;
      if (!into.externalId && from.externalId) fill.externalId = from.externalId;
      if (!into.tier && from.tier) fill.tier = from.tier;
      if (!into.customerSince && from.customerSince) fill.customerSince = from.customerSince;
      if (into.possibleDuplicateOf === fromId) fill.possibleDuplicateOf = null;
      // A point another customer holds stays where it is: the merge never takes it over.
      const merged =
        (Object.keys(fill).length > 0
          ? await repo.updateCustomer(tx, scope.orgId, intoId, fill, clock.now())
          : undefined) ?? (await getCustomer(tx, scope.orgId, intoId));
      await recordAudit(tx, {
        orgId: scope.orgId,
        actor: scope.actor,
        action: 'customer.merged',
        entityType: 'customer',
        entityId: intoId,
        before: { merged: toCustomerView(from), into: toCustomerView(into) },
        after: toCustomerView(merged),
      });
      return toCustomerView(merged);
    },
    findCustomer: (executor: Executor, orgId: string, id: string) =>
      repo.findCustomer(executor, orgId, id),
    findCustomers: (executor: Executor, orgId: string, ids: readonly string[]) =>
      repo.findCustomers(executor, orgId, ids),
    /** The ids of the customers an e-mail or phone number belongs to; never refuses the input. */
    async customersByContact(
      executor: Executor,
      orgId: string,
      contact: { email?: string | null | undefined; phone?: string | null | undefined },
    ): Promise<string[]> {
      const phone = contact.phone
        ? (normalizePhone(contact.phone, await countryOf(executor, orgId)) ?? null)
        : null;
      const email = contact.email ? contact.email.trim().toLowerCase() : null;
      return repo.findByContact(executor, orgId, { phone, email: email || null });
    },
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
