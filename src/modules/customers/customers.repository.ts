import { sql } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import { foldedContains } from '../../platform/db/search.ts';
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
  createdAt: r.created_at,
});

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
    .forUpdate()
    .execute();
  return rows.map(toCustomer);
}

export async function insertCustomer(
  db: Executor,
  orgId: string,
  c: Omit<Customer, 'id' | 'orgId' | 'createdAt'>,
): Promise<Customer> {
  const r = await db
    .insertInto('customers')
    .values({
      org_id: orgId,
      name: c.name,
      phone: c.phone,
      email: c.email,
      external_id: c.externalId,
      tier: c.tier,
      customer_since: c.customerSince,
      preferred_language: c.preferredLanguage,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toCustomer(r);
}

export async function updateCustomer(
  db: Executor,
  orgId: string,
  id: string,
  c: Partial<Omit<Customer, 'id' | 'orgId' | 'createdAt'>>,
  at: Date,
): Promise<Customer | undefined> {
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
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return r ? toCustomer(r) : undefined;
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
