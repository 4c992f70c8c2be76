import type { ColumnType, Generated } from 'kysely';

/** The platform's own tables (the outbox, rate limits, live streams), as Kysely sees them. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export type JobsTable = {
  id: Generated<string>;
  org_id: string | null;
  kind: string;
  payload: Json<Record<string, unknown>>;
  dedupe_key: string | null;
  status: Generated<string>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Generated<Date>;
  finished_at: Timestamp | null;
  priority: Generated<number>;
  version: Generated<number>;
  coalesce_key: string | null;
};

export type RateLimitsTable = {
  key: string;
  window_start: Timestamp;
  hits: number;
  invalid_hits: number;
  expires_at: Timestamp;
};

export type LiveStreamsTable = {
  id: string;
  holder: string;
  opened_at: Generated<Date>;
  expires_at: Timestamp;
};
