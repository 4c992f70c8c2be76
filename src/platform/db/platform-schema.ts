import type { ColumnType, Generated } from 'kysely';

/** Column types of the tables the platform owns, as Kysely sees them (see schema.ts). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

/** The job queue and outbox (platform/jobs). */
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

/** Shared rate-limit counters (platform/http/rate-limit.ts). */
export type RateLimitsTable = {
  key: string;
  window_start: Timestamp;
  hits: number;
  invalid_hits: number;
  expires_at: Timestamp;
};

/** Open live-update streams (platform/live-streams.ts). */
export type LiveStreamsTable = {
  id: string;
  holder: string;
  opened_at: Generated<Date>;
  expires_at: Timestamp;
};
