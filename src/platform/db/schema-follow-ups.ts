import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

/** The tables of step 6 (the manager's update and the verification call-back). */

export type FollowUpSettingsTable = {
  org_id: string;
  manager_update: Generated<boolean>;
  verification: Generated<boolean>;
  fallback_user_id: string | null;
  retry_hours: ColumnType<number[], number[] | undefined, number[]>;
  max_attempts: Generated<number>;
  escalation: ColumnType<unknown, string | undefined, string>;
  updated_at: Generated<Date>;
};

export type FollowUpsTable = {
  org_id: string;
  id: Generated<string>;
  complaint_id: string;
  kind: string;
  fixed_at: Timestamp;
  assignee_id: string | null;
  status: Generated<string>;
  due_at: Timestamp | null;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  outcome: string | null;
  method: string | null;
  note: string | null;
  done_by: string | null;
  done_at: Timestamp | null;
  created_at: Timestamp;
};
