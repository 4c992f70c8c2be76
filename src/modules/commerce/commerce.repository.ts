import { sql } from 'kysely';
import type { Executor, Tx } from '../../platform/db/index.ts';
import type { RowStatus } from './commerce.contract.ts';

export type OrderRecord = {
  externalId: string;
  customerId: string;
  orderedAt: Date;
  amountMinor: number;
  currency: string;
  channel: string | null;
};
export type SubscriptionEventRecord = {
  externalId: string;
  customerId: string;
  subscriptionRef: string;
  kind: 'start' | 'renew' | 'cancel';
  plan: string | null;
  amountMinor: number | null;
  currency: string | null;
  occurredAt: Date;
};
export type ReferralRecord = {
  externalId: string;
  referrerId: string;
  referredId: string;
  referredAt: Date;
};

type Written = { inserted: boolean } | undefined;
const statusOf = (row: Written): Exclude<RowStatus, 'refused'> =>
  row === undefined ? 'unchanged' : row.inserted ? 'created' : 'updated';

type Status = Exclude<RowStatus, 'refused'>;

/** What each external id became; the ids the statement did not touch were unchanged. */
const statusesOf = (
  ids: readonly string[],
  written: readonly { external_id: string; inserted: boolean }[],
): Map<string, Status> => {
  const out = new Map<string, Status>(ids.map((id) => [id, 'unchanged']));
  for (const w of written) out.set(w.external_id, w.inserted ? 'created' : 'updated');
  return out;
};

/**
 * Rows from the org's systems, by their external ids, in one statement: a new id inserts, a
 * known one updates only when something differs (so a re-sent row is `unchanged`). The ids
 * must be distinct (one statement cannot change a row twice).
 */
export async function upsertOrders(
  tx: Tx,
  orgId: string,
  records: readonly OrderRecord[],
  at: Date,
): Promise<Map<string, Status>> {
  if (records.length === 0) return new Map();
  const written = await tx
    .insertInto('orders')
    .values(
      records.map((r) => ({
        org_id: orgId,
        external_id: r.externalId,
        customer_id: r.customerId,
        ordered_at: r.orderedAt,
        amount_minor: r.amountMinor,
        currency: r.currency,
        channel: r.channel,
        created_at: at,
        updated_at: at,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'external_id'])
        .doUpdateSet({
          customer_id: (eb) => eb.ref('excluded.customer_id'),
          ordered_at: (eb) => eb.ref('excluded.ordered_at'),
          amount_minor: (eb) => eb.ref('excluded.amount_minor'),
          currency: (eb) => eb.ref('excluded.currency'),
          channel: (eb) => eb.ref('excluded.channel'),
          updated_at: at,
        })
        .where(
          sql<boolean>`(orders.customer_id, orders.ordered_at, orders.amount_minor, orders.currency, orders.channel)
            IS DISTINCT FROM (excluded.customer_id, excluded.ordered_at, excluded.amount_minor, excluded.currency, excluded.channel)`,
        ),
    )
    .returning(['external_id', sql<boolean>`xmax = 0`.as('inserted')])
    .execute();
  return statusesOf(
    records.map((r) => r.externalId),
    written,
  );
}

export async function upsertSubscriptionEvents(
  tx: Tx,
  orgId: string,
  records: readonly SubscriptionEventRecord[],
  at: Date,
): Promise<Map<string, Status>> {
  if (records.length === 0) return new Map();
  const written = await tx
    .insertInto('subscription_events')
    .values(
      records.map((r) => ({
        org_id: orgId,
        external_id: r.externalId,
        customer_id: r.customerId,
        subscription_ref: r.subscriptionRef,
        kind: r.kind,
        plan: r.plan,
        amount_minor: r.amountMinor,
        currency: r.currency,
        occurred_at: r.occurredAt,
        created_at: at,
        updated_at: at,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'external_id'])
        .doUpdateSet({
          customer_id: (eb) => eb.ref('excluded.customer_id'),
          subscription_ref: (eb) => eb.ref('excluded.subscription_ref'),
          kind: (eb) => eb.ref('excluded.kind'),
          plan: (eb) => eb.ref('excluded.plan'),
          amount_minor: (eb) => eb.ref('excluded.amount_minor'),
          currency: (eb) => eb.ref('excluded.currency'),
          occurred_at: (eb) => eb.ref('excluded.occurred_at'),
          updated_at: at,
        })
        .where(
          sql<boolean>`(subscription_events.customer_id, subscription_events.subscription_ref, subscription_events.kind, subscription_events.plan, subscription_events.amount_minor, subscription_events.currency, subscription_events.occurred_at)
            IS DISTINCT FROM (excluded.customer_id, excluded.subscription_ref, excluded.kind, excluded.plan, excluded.amount_minor, excluded.currency, excluded.occurred_at)`,
        ),
    )
    .returning(['external_id', sql<boolean>`xmax = 0`.as('inserted')])
    .execute();
  return statusesOf(
    records.map((r) => r.externalId),
    written,
  );
}

export async function upsertReferral(
  tx: Tx,
  orgId: string,
  r: ReferralRecord,
  at: Date,
): Promise<Exclude<RowStatus, 'refused'>> {
  const row = await tx
    .insertInto('referrals')
    .values({
      org_id: orgId,
      external_id: r.externalId,
      referrer_customer_id: r.referrerId,
      referred_customer_id: r.referredId,
      referred_at: r.referredAt,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'external_id'])
        .doUpdateSet({
          referrer_customer_id: (eb) => eb.ref('excluded.referrer_customer_id'),
          referred_customer_id: (eb) => eb.ref('excluded.referred_customer_id'),
          referred_at: (eb) => eb.ref('excluded.referred_at'),
          updated_at: at,
        })
        .where(
          sql<boolean>`(referrals.referrer_customer_id, referrals.referred_customer_id, referrals.referred_at)
            IS DISTINCT FROM (excluded.referrer_customer_id, excluded.referred_customer_id, excluded.referred_at)`,
        ),
    )
    .returning(sql<boolean>`xmax = 0`.as('inserted'))
    .executeTakeFirst();
  return statusOf(row);
}

/**
 * Runs one row's writes inside a savepoint of the batch's transaction: when the row fails,
 * what it wrote is undone and the batch goes on, so each row commits whole or not at all.
 */
export async function inSavepoint<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  await sql`SAVEPOINT commerce_row`.execute(tx);
  try {
    const result = await fn();
    await sql`RELEASE SAVEPOINT commerce_row`.execute(tx);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT commerce_row`.execute(tx);
    throw error;
  }
}

/** Claims an Idempotency-Key, or reads what it answered before. */
export async function claimKey(
  tx: Tx,
  orgId: string,
  key: string,
  requestHash: string,
): Promise<{ claimed: true } | { claimed: false; requestHash: string; response: unknown }> {
  const inserted = await tx
    .insertInto('commerce_idempotency_keys')
    .values({ org_id: orgId, key, request_hash: requestHash, response: null })
    .onConflict((oc) => oc.columns(['org_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { claimed: true };
  const existing = await tx
    .selectFrom('commerce_idempotency_keys')
    .select(['request_hash', 'response'])
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { claimed: false, requestHash: existing.request_hash, response: existing.response };
}

export async function storeKeyResponse(
  tx: Tx,
  orgId: string,
  key: string,
  response: unknown,
): Promise<void> {
  await tx
    .updateTable('commerce_idempotency_keys')
    .set({ response: JSON.stringify(response) })
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .execute();
}

export async function ordersOf(db: Executor, orgId: string, customerId: string) {
  const rows = await db
    .selectFrom('orders')
    .select(['id', 'external_id', 'ordered_at', 'amount_minor', 'currency', 'channel'])
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .orderBy('ordered_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    orderedAt: new Date(r.ordered_at).toISOString(),
    amountMinor: Number(r.amount_minor),
    currency: r.currency,
    channel: r.channel,
  }));
}

/** Count and spend per currency over all of a customer's orders (not only the 500 listed). */
export async function orderTotalsOf(db: Executor, orgId: string, customerId: string) {
  const rows = await db
    .selectFrom('orders')
    .select((eb) => [
      'currency',
      eb.fn.countAll<string>().as('count'),
      eb.fn.sum<string>('amount_minor').as('total'),
    ])
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .groupBy('currency')
    .orderBy('currency')
    .execute();
  return rows.map((r) => ({
    currency: r.currency,
    count: Number(r.count),
    amountMinor: Number(r.total),
  }));
}

export async function subscriptionEventsOf(db: Executor, orgId: string, customerId: string) {
  const rows = await db
    .selectFrom('subscription_events')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('customer_id', '=', customerId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    subscriptionRef: r.subscription_ref,
    kind: r.kind as SubscriptionEventRecord['kind'],
    plan: r.plan,
    amountMinor: r.amount_minor === null ? null : Number(r.amount_minor),
    currency: r.currency,
    occurredAt: new Date(r.occurred_at).toISOString(),
  }));
}

export async function referralsOf(db: Executor, orgId: string, customerId: string) {
  const rows = await db
    .selectFrom('referrals')
    .select(['id', 'external_id', 'referrer_customer_id', 'referred_customer_id', 'referred_at'])
    .where('org_id', '=', orgId)
    .where((eb) =>
      eb.or([
        eb('referrer_customer_id', '=', customerId),
        eb('referred_customer_id', '=', customerId),
      ]),
    )
    .orderBy('referred_at', 'desc')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    externalId: r.external_id,
    referrerId: r.referrer_customer_id,
    referredId: r.referred_customer_id,
    referredAt: new Date(r.referred_at).toISOString(),
  }));
}
