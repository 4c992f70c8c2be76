import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './schema.ts';

/**
 * The tables of business calendars, SLA policies and overlays, clocks, task types and deadline
 * requests (steps 4–5), as Kysely sees them; schema.ts puts them into the database type.
 */

export type CalendarsTable = {
  org_id: string;
  id: Generated<string>;
  name: string;
  names: Json<Record<string, string>>;
  time_zone: string;
  weekly_hours: Json<unknown>;
  date_hours: ColumnType<unknown, string | undefined, string>;
  holidays: ColumnType<unknown, string | undefined, string>;
  holiday_country: string | null;
  holiday_overrides: ColumnType<unknown, string | undefined, string>;
  custom_holidays: ColumnType<unknown, string | undefined, string>;
  is_default: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type SlaPoliciesTable = {
  org_id: string;
  id: Generated<string>;
  name: string;
  names: Json<Record<string, string>>;
  priority: Generated<number>;
  match_reason_ids: ColumnType<string[], string[] | undefined, string[]>;
  match_severities: ColumnType<string[], string[] | undefined, string[]>;
  match_channels: ColumnType<string[], string[] | undefined, string[]>;
  match_tiers: ColumnType<string[], string[] | undefined, string[]>;
  calendar_id: string;
  targets: Json<unknown>;
  internal_targets: ColumnType<unknown, string | undefined, string>;
  warn_at_percent: Generated<number>;
  pause_statuses: ColumnType<string[], string[] | undefined, string[]>;
  paused_clocks: ColumnType<string[], string[] | undefined, string[]>;
  start_rule: Generated<string>;
  escalation: ColumnType<unknown, string | undefined, string>;
  preset: string | null;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  pause_moves_commitment: Generated<boolean>;
  pause_on_readback: Generated<boolean>;
  targets_since: ColumnType<unknown, string | undefined, string>;
};

export type SlaOverlaysTable = {
  org_id: string;
  preset: string;
  calendar_id: string;
  targets: Json<unknown>;
  day_count: string | null;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type ComplaintClocksTable = {
  org_id: string;
  complaint_id: string;
  source: Generated<string>;
  clock: string;
  state: string;
  started_at: Timestamp | null;
  due_at: Timestamp | null;
  warn_at: Timestamp | null;
  stopped_at: Timestamp | null;
};

export type TaskTypesTable = {
  org_id: string;
  id: Generated<string>;
  name: string;
  names: Json<Record<string, string>>;
  department_id: string | null;
  duration_amount: number;
  duration_unit: string;
  calendar_id: string | null;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
};

export type DeadlineRequestsTable = {
  org_id: string;
  id: Generated<string>;
  complaint_id: string;
  department_id: string;
  requested_by: string | null;
  question: string;
  status: string;
  answer_due_at: Timestamp | null;
  answer_note: string | null;
  answered_by: string | null;
  answered_at: Timestamp | null;
  created_at: Timestamp;
};
