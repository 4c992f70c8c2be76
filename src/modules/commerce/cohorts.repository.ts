import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/index.ts';
import { complaintOutcomes, outcomeKindSql, type OutcomeRange } from '../complaints/index.ts';
import type { CohortKind } from './domain/cohorts-kinds.ts';

/** Every complaint the org ever had: the baseline is customers with none of them. */
const EVER: OutcomeRange = { from: new Date('1970-01-01T00:00:00Z'), to: new Date('9999-01-01') };

/**
 * One customer of a cohort report, with their figures in one currency. The windows are
 * `before` = [reference − N days, reference) and `after` = (reference, reference + N days].
 */
export type CohortMember = {
  customerId: string;
  cohort: CohortKind;
  referenceAt: Date;
  isComplete: boolean;
  spendAfterMinor: number;
  spendBeforeMinor: number;
  otherCurrencyOrders: number;
  hasBoughtAgain: boolean;
  hasReferred: boolean;
  wasSubscribedAtReference: boolean;
  isSubscribedAtEnd: boolean;
};

/** Whether one of the customer's subscriptions stands started or renewed at an instant. */
const isSubscribedAt = (customer: string, at: RawBuilder<unknown>) => sql<boolean>`EXISTS (
  SELECT 1 FROM (
    SELECT DISTINCT ON (s.subscription_ref) s.kind
    FROM subscription_events s
    WHERE s.org_id = m.org_id AND s.customer_id = ${sql.ref(customer)} AND s.occurred_at <= ${at}
    ORDER BY s.subscription_ref, s.occurred_at DESC, (s.kind = 'cancel') DESC
  ) latest WHERE latest.kind <> 'cancel'
)`;

/**
 * The report's customers: each complainant once, in the cohort of their first complaint first
 * contacted in the range (that complaint's first contact is their reference instant), and the
 * baseline: customers with an order in the range and no complaint ever, their first order in
 * the range being their reference instant.
 */
export async function cohortMembers(
  db: Executor,
  orgId: string,
  input: OutcomeRange & { days: number; currency: string; now: Date },
): Promise<CohortMember[]> {
  const n = sql`(${input.days} * interval '1 day')`;
  const result = await sql<{
    customer_id: string;
    cohort: CohortKind;
    reference_at: Date;
    is_complete: boolean;
    spend_after: string;
    spend_before: string;
    other_currency_orders: number;
    has_bought_again: boolean;
    has_referred: boolean;
    was_subscribed: boolean;
    is_subscribed_at_end: boolean;
  }>`
    WITH outcomes AS (${complaintOutcomes(db, orgId, input)}),
    ever AS (${complaintOutcomes(db, orgId, EVER)}),
    complainants AS (
      SELECT DISTINCT ON (o.customer_id)
        o.customer_id, o.first_contact_at AS reference_at, ${outcomeKindSql('o')} AS cohort
      FROM outcomes o
      ORDER BY o.customer_id, o.first_contact_at, o.complaint_id
    ),
    baseline AS (
      SELECT x.customer_id, min(x.ordered_at) AS reference_at, 'no_complaint' AS cohort
      FROM orders x
      WHERE x.org_id = ${orgId} AND x.ordered_at >= ${input.from} AND x.ordered_at < ${input.to}
        AND NOT EXISTS (SELECT 1 FROM ever e WHERE e.customer_id = x.customer_id)
      GROUP BY x.customer_id
    ),
    m AS (
      SELECT ${orgId}::uuid AS org_id, customer_id, reference_at, cohort FROM complainants
      UNION ALL
      SELECT ${orgId}::uuid AS org_id, customer_id, reference_at, cohort FROM baseline
    )
    SELECT m.customer_id, m.cohort, m.reference_at,
      (m.reference_at + ${n} <= ${input.now}) AS is_complete,
      (SELECT coalesce(sum(x.amount_minor), 0) FROM orders x
        WHERE x.org_id = m.org_id AND x.customer_id = m.customer_id
          AND x.currency = ${input.currency}
          AND x.ordered_at > m.reference_at AND x.ordered_at <= m.reference_at + ${n}
      ) AS spend_after,
      (SELECT coalesce(sum(x.amount_minor), 0) FROM orders x
        WHERE x.org_id = m.org_id AND x.customer_id = m.customer_id
          AND x.currency = ${input.currency}
          AND x.ordered_at >= m.reference_at - ${n} AND x.ordered_at < m.reference_at
      ) AS spend_before,
      (SELECT count(*)::int FROM orders x
        WHERE x.org_id = m.org_id AND x.customer_id = m.customer_id
          AND x.currency <> ${input.currency}
          AND x.ordered_at >= m.reference_at - ${n} AND x.ordered_at <= m.reference_at + ${n}
          AND x.ordered_at <> m.reference_at
      ) AS other_currency_orders,
      EXISTS (SELECT 1 FROM orders x
        WHERE x.org_id = m.org_id AND x.customer_id = m.customer_id
          AND x.ordered_at > m.reference_at AND x.ordered_at <= m.reference_at + ${n}
      ) AS has_bought_again,
      EXISTS (SELECT 1 FROM referrals r
        WHERE r.org_id = m.org_id AND r.referrer_customer_id = m.customer_id
          AND r.referred_at > m.reference_at AND r.referred_at <= m.reference_at + ${n}
      ) AS has_referred,
      ${isSubscribedAt('m.customer_id', sql`m.reference_at`)} AS was_subscribed,
      ${isSubscribedAt('m.customer_id', sql`m.reference_at + ${n}`)} AS is_subscribed_at_end
    FROM m
    ORDER BY m.cohort, m.reference_at, m.customer_id
  `.execute(db);
  return result.rows.map((r) => ({
    customerId: r.customer_id,
    cohort: r.cohort,
    referenceAt: r.reference_at,
    isComplete: r.is_complete,
    spendAfterMinor: Number(r.spend_after),
    spendBeforeMinor: Number(r.spend_before),
    otherCurrencyOrders: r.other_currency_orders,
    hasBoughtAgain: r.has_bought_again,
    hasReferred: r.has_referred,
    wasSubscribedAtReference: r.was_subscribed,
    isSubscribedAtEnd: r.was_subscribed && r.is_subscribed_at_end,
  }));
}

/** The currency most of the org's orders are in (ties: the first code); undefined with none. */
export async function mainCurrencyOf(db: Executor, orgId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('orders')
    .select('currency')
    .where('org_id', '=', orgId)
    .groupBy('currency')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('currency')
    .limit(1)
    .executeTakeFirst();
  return row?.currency;
}

export type NewOrder = {
  externalId: string;
  customerId: string;
  orderedAt: Date;
  amountMinor: number;
  currency: string;
  channel?: string | null;
};
export type NewSubscriptionEvent = {
  externalId: string;
  customerId: string;
  subscriptionRef: string;
  kind: 'start' | 'renew' | 'cancel';
  occurredAt: Date;
  plan?: string | null;
};
export type NewReferral = {
  externalId: string;
  referrerCustomerId: string;
  referredCustomerId: string;
  referredAt: Date;
};

// Multi-row inserts in chunks: PostgreSQL takes at most 65535 parameters in one statement.
const CHUNK = 1000;
const chunks = <T>(rows: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) =>
    rows.slice(i * CHUNK, (i + 1) * CHUNK),
  );

/** Orders written as they are, many rows per statement (demo data and tests). */
export async function insertOrders(db: Executor, orgId: string, rows: readonly NewOrder[]) {
  for (const part of chunks(rows))
    await db
      .insertInto('orders')
      .values(
        part.map((o) => ({
          org_id: orgId,
          external_id: o.externalId,
          customer_id: o.customerId,
          ordered_at: o.orderedAt,
          amount_minor: o.amountMinor,
          currency: o.currency,
          channel: o.channel ?? null,
        })),
      )
      .execute();
}

export async function insertSubscriptionEvents(
  db: Executor,
  orgId: string,
  rows: readonly NewSubscriptionEvent[],
) {
  for (const part of chunks(rows))
    await db
      .insertInto('subscription_events')
      .values(
        part.map((e) => ({
          org_id: orgId,
          external_id: e.externalId,
          customer_id: e.customerId,
          subscription_ref: e.subscriptionRef,
          kind: e.kind,
          plan: e.plan ?? null,
          occurred_at: e.occurredAt,
        })),
      )
      .execute();
}

export async function insertReferrals(db: Executor, orgId: string, rows: readonly NewReferral[]) {
  for (const part of chunks(rows))
    await db
      .insertInto('referrals')
      .values(
        part.map((r) => ({
          org_id: orgId,
          external_id: r.externalId,
          referrer_customer_id: r.referrerCustomerId,
          referred_customer_id: r.referredCustomerId,
          referred_at: r.referredAt,
        })),
      )
      .execute();
}
