import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

/** The tables of signed webhooks (migrations/0019_webhooks.sql). */
type MaybeTime = ColumnType<Date | null, Date | null | undefined, Date | null>;
type Maybe<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type WebhookEndpointsTable = {
  org_id: string;
  id: Generated<string>;
  url: string;
  description: Generated<string>;
  events: ColumnType<string[], string[], string[]>;
  is_enabled: Generated<boolean>;
  allow_private: Generated<boolean>;
  secret: string;
  max_consecutive_failures: Generated<number>;
  consecutive_failures: Generated<number>;
  disabled_at: MaybeTime;
  disabled_reason: Maybe<string>;
  secret_rotated_at: MaybeTime;
  previous_secret: Maybe<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type WebhookDeliveriesTable = {
  org_id: string;
  id: Generated<string>;
  endpoint_id: string;
  event_id: string;
  type: string;
  body: string;
  status: Generated<string>;
  attempts: Generated<number>;
  last_attempt_at: MaybeTime;
  last_status_code: Maybe<number>;
  last_latency_ms: Maybe<number>;
  last_response: Maybe<string>;
  last_error: Maybe<string>;
  next_attempt_at: MaybeTime;
  retry_window_started_at: Timestamp;
  is_test: Generated<boolean>;
  created_at: Timestamp;
  delivered_at: MaybeTime;
};
