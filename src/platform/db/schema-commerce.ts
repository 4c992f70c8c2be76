import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

/** bigint reads as a string; it is written from a number. */
type Money = ColumnType<string, number, number>;

/** Orders from the org's systems (migrations/0023_commerce.sql). Amounts in minor units. */
export type OrdersTable = {
  org_id: string;
  id: Generated<string>;
  external_id: string;
  customer_id: string;
  ordered_at: Timestamp;
  amount_minor: Money;
  currency: string;
  channel: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

/** A subscription's start, renewal or cancellation. */
export type SubscriptionEventsTable = {
  org_id: string;
  id: Generated<string>;
  external_id: string;
  customer_id: string;
  subscription_ref: string;
  kind: string;
  plan: string | null;
  amount_minor: ColumnType<string | null, number | null, number | null>;
  currency: string | null;
  occurred_at: Timestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

/** One customer referring another. */
export type ReferralsTable = {
  org_id: string;
  id: Generated<string>;
  external_id: string;
  referrer_customer_id: string;
  referred_customer_id: string;
  referred_at: Timestamp;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};
