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

/** A file being brought in (migrations/0024_imports.sql). */
export type ImportsTable = {
  org_id: string;
  id: Generated<string>;
  kind: string;
  file_name: string;
  file_format: string;
  content: Buffer;
  columns: ColumnType<unknown, string, string>;
  mapping: ColumnType<unknown, string, string>;
  language: string;
  status: string;
  total_rows: number;
  rows_done: Generated<number>;
  created_count: Generated<number>;
  updated_count: Generated<number>;
  unchanged_count: Generated<number>;
  refused_count: Generated<number>;
  refusals: ColumnType<unknown, string | undefined, string>;
  failure: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Generated<Date>;
};

/** The answer of a bulk request, kept by its Idempotency-Key. */
export type CommerceIdempotencyKeysTable = {
  org_id: string;
  key: string;
  request_hash: string;
  response: ColumnType<unknown, string | null, string>;
  created_at: Generated<Date>;
};
