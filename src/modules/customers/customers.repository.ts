import { expressionBuilder, sql, type Expression } from 'kysely';
import type { Database, Executor, Tx } from '../../platform/db/index.ts';
import { foldedContains } from '../../platform/db/search.ts';
import { attempt, isUniqueViolation } from '../../platform/db/savepoint.ts';
import type { CustomersTable } from '../../platform/db/schema.ts';
import type { Selectable } from 'kysely';
import type { CustomerView } from './customers.contract.ts';

export type Customer = {
  id: string;
  orgId: string;
  name: string;
  phone: string | null;
  email: string | null;
  externalId: string | null;
  tier: string | null;
  customerSince: string | null;
  preferredLanguage: CustomerView['preferredLanguage'];
  possibleDuplicateOf: string | null;
  createdAt: Date;
};

export const toCustomer = (r: Selectable<CustomersTable>): Customer => ({
  id: r.id,
  orgId: r.org_id,
  name: r.name,
  phone: r.phone,
  email: r.email,
  externalId: r.external_id,
  tier: r.tier,
  customerSince: r.customer_since,
  preferredLanguage: r.preferred_language as Customer['preferredLanguage'],
  possibleDuplicateOf: r.possible_duplicate_of,
  createdAt: r.created_at,
});

/** The class of the advisory locks on a customer's identities (phone, e-mail, external id). */
const IDENTITY_LOCK_CLASS = 7301;

/**
 * Serialises the transactions that look up or create the same person: each takes a lock on
 * every identity it names, in one global order, so two requests that share a phone but differ
 * in e-mail wait for each other instead of locking the same rows in opposite orders.
 */
export async function lockIdentities(
  tx: Executor,
  orgId: string,
  ids:
    | { phone: string | null; email: string | null; externalId: string | null }
    | readonly { phone: string | null; email: string | null; externalId: string | null }[],
): Promise<void> {
  const keys = (Array.isArray(ids) ? ids : [ids]).flatMap((one) =>
    [
      one.externalId === null ? null : `${orgId}|x|${one.externalId}`,
      one.phone === null ? null : `${orgId}|p|${one.phone}`,
      one.email === null ? null : `${orgId}|e|${one.email}`,
    ].filter((k): k is string => k !== null),
  );
  if (keys.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${IDENTITY_LOCK_CLASS}, h)
    FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest(${keys}::text[]) AS k) AS locks
    ORDER BY h`.execute(tx);
}

/** Every candidate of many inputs at once (an import's batch). */
export async function findByAnyIdentity(
  db: Executor,
  orgId: string,
  ids: readonly { phone: string | null; email: string | null; externalId: string | null }[],
): Promise<Customer[]> {
  const pick = (k: 'phone' | 'email' | 'externalId') => [
    ...new Set(ids.map((i) => i[k]).filter((v): v is string => v !== null)),
  ];
  const [phones, emails, externalIds] = [pick('phone'), pick('email'), pick('externalId')];
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        ...(externalIds.length ? [eb('external_id', 'in', externalIds)] : []),
        ...(phones.length ? [eb('phone', 'in', phones)] : []),
        ...(emails.length ? [eb('email', 'in', emails)] : []),
        eb.val(false),
      ]),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map(toCustomer);
}

/** Candidates that share any identity; the service decides which one is the customer. */
export async function findByIdentities(
  db: Executor,
  orgId: string,
  ids: { phone: string | null; email: string | null; externalId: string | null },
): Promise<Customer[]> {
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        ...(ids.externalId ? [eb('external_id', '=', ids.externalId)] : []),
        ...(ids.phone ? [eb('phone', '=', ids.phone)] : []),
        ...(ids.email ? [eb('email', '=', ids.email)] : []),
        eb.val(false),
      ]),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map(toCustomer);
}

/**
 * Inserts a customer; undefined when another request created a primary record with the same
 * contact point a moment ago (possible duplicates share contact points freely).
 */
export async function insertCustomer(
  tx: Tx,
  orgId: string,
  c: Omit<Customer, 'id' | 'orgId' | 'createdAt'>,
): Promise<Customer | undefined> {
  const r = await tx
    .insertInto('customers')
    .values({
      possible_duplicate_of: c.possibleDuplicateOf,
      org_id: orgId,
      name: c.name,
      phone: c.phone,
      email: c.email,
      external_id: c.externalId,
      tier: c.tier,
      customer_since: c.customerSince,
      preferred_language: c.preferredLanguage,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
  return r ? toCustomer(r) : undefined;
}

/**
 * Inserts new customers with the ids the caller chose, in one statement; the count written.
 * Fewer than given means another writer took a contact point meanwhile.
 */
export async function insertCustomersWithIds(
  tx: Tx,
  orgId: string,
  customers: readonly Omit<Customer, 'orgId' | 'createdAt'>[],
): Promise<number> {
  if (customers.length === 0) return 0;
  const rows = await tx
    .insertInto('customers')
    .values(
      customers.map((c) => ({
        id: c.id,
        possible_duplicate_of: c.possibleDuplicateOf,
        org_id: orgId,
        name: c.name,
        phone: c.phone,
        email: c.email,
        external_id: c.externalId,
        tier: c.tier,
        customer_since: c.customerSince,
        preferred_language: c.preferredLanguage,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

/** Updates a customer; undefined when a contact point is held by another primary record. */
export async function updateCustomer(
  tx: Tx,
  orgId: string,
  id: string,
  c: Partial<Omit<Customer, 'id' | 'orgId' | 'createdAt'>>,
  at: Date,
): Promise<Customer | undefined> {
  const r = await attempt(tx, isUniqueViolation, () => updateCustomerRow(tx, orgId, id, c, at));
  return r ?? undefined;
}

async function updateCustomerRow(
  db: Tx,
  orgId: string,
  id: string,
  c: Partial<Omit<Customer, 'id' | 'orgId' | 'createdAt'>>,
  at: Date,
): Promise<Customer | null> {
  const r = await db
    .updateTable('customers')
    .set({
      updated_at: at,
      ...(c.name !== undefined ? { name: c.name } : {}),
      ...(c.phone !== undefined ? { phone: c.phone } : {}),
      ...(c.email !== undefined ? { email: c.email } : {}),
      ...(c.externalId !== undefined ? { external_id: c.externalId } : {}),
      ...(c.tier !== undefined ? { tier: c.tier } : {}),
      ...(c.customerSince !== undefined ? { customer_since: c.customerSince } : {}),
      ...(c.preferredLanguage !== undefined ? { preferred_language: c.preferredLanguage } : {}),
      ...(c.possibleDuplicateOf !== undefined
        ? { possible_duplicate_of: c.possibleDuplicateOf }
        : {}),
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return r ? toCustomer(r) : null;
}

/** The possible duplicates of a customer: records that point at it. */
export async function listDuplicatesOf(
  db: Executor,
  orgId: string,
  id: string,
): Promise<Customer[]> {
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('possible_duplicate_of', '=', id)
    .orderBy('created_at')
    .execute();
  return rows.map(toCustomer);
}

/** Points every possible duplicate of `fromId` at `toId` (before `fromId` is merged away). */
export async function repointDuplicates(
  tx: Tx,
  orgId: string,
  fromId: string,
  toId: string,
): Promise<void> {
  await tx
    .updateTable('customers')
    .set({ possible_duplicate_of: toId })
    .where('org_id', '=', orgId)
    .where('possible_duplicate_of', '=', fromId)
    .where('id', '!=', toId)
    .execute();
}

export async function deleteCustomer(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.deleteFrom('customers').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function findCustomer(
  db: Executor,
  orgId: string,
  id: string,
): Promise<Customer | undefined> {
  const r = await db
    .selectFrom('customers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toCustomer(r) : undefined;
}

export async function searchCustomers(
  db: Executor,
  orgId: string,
  q: { terms: string[]; phone: string | null; limit: number },
): Promise<Customer[]> {
  let query = db.selectFrom('customers').selectAll().where('org_id', '=', orgId);
  if (q.terms.length > 0 || q.phone) {
    query = query.where((eb) =>
      eb.or([
        ...(q.terms.length > 0
          ? [
              eb.and(
                q.terms.map((t) =>
                  eb(
                    foldedContains(
                      sql`coalesce(name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(external_id, '')`,
                      t,
                    ),
                    '=',
                    true,
                  ),
                ),
              ),
            ]
          : []),
        ...(q.phone ? [eb('phone', '=', q.phone)] : []),
      ]),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').limit(q.limit).execute();
  return rows.map(toCustomer);
}

/** The customers with this e-mail or phone number, without locking them (for suggestions). */
export async function findByContact(
  db: Executor,
  orgId: string,
  contact: { phone: string | null; email: string | null },
): Promise<string[]> {
  if (!contact.phone && !contact.email) return [];
  const rows = await db
    .selectFrom('customers')
    .select('id')
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        ...(contact.phone ? [eb('phone', '=', contact.phone)] : []),
        ...(contact.email ? [eb('email', '=', contact.email)] : []),
      ]),
    )
    .orderBy('created_at')
    .limit(10)
    .execute();
  return rows.map((r) => r.id);
}

export async function findCustomers(
  db: Executor,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, Customer>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, toCustomer(r)]));
}

const eb = expressionBuilder<Database, never>();

/** A customer's tier, as a correlated subquery for other modules' queries. */
export function customerTierOf(orgId: Expression<string>, customerId: Expression<string>) {
  return eb
    .selectFrom('customers')
    .select('customers.tier')
    .where('customers.org_id', '=', orgId)
    .where('customers.id', '=', customerId);
}

/** A customer's name, as a correlated subquery for other modules' lists. */
export function customerNameOf(orgId: Expression<string>, customerId: Expression<string>) {
  return eb
    .selectFrom('customers')
    .select('customers.name')
    .where('customers.org_id', '=', orgId)
    .where('customers.id', '=', customerId);
}

/** The customer's e-mail, as a subquery other modules put into their own queries. */
export function customerEmailOf(orgId: Expression<string>, customerId: Expression<string>) {
  return eb
    .selectFrom('customers')
    .select('customers.email')
    .where('customers.org_id', '=', orgId)
    .where('customers.id', '=', customerId);
}

/** Whether the customer asked not to be surveyed; undefined when there is no such customer. */
export async function surveyOptOutOf(
  db: Executor,
  orgId: string,
  id: string,
): Promise<boolean | undefined> {
  const r = await db
    .selectFrom('customers')
    .select('survey_opt_out')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r?.survey_opt_out;
}

export async function setSurveyOptOut(
  tx: Tx,
  orgId: string,
  id: string,
  value: boolean,
  at: Date,
): Promise<boolean> {
  const r = await tx
    .updateTable('customers')
    .set({ survey_opt_out: value, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}
