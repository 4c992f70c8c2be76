import type { Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

/** Phone calls logged on a case (migrations/0022_calls.sql). */
export type CallsTable = {
  org_id: string;
  id: Generated<string>;
  complaint_id: string;
  direction: string;
  phone: string;
  started_at: Timestamp;
  duration_seconds: number;
  outcome: string;
  notes: Generated<string>;
  recording_id: string | null;
  logged_by_type: string;
  logged_by_id: string | null;
  created_at: Timestamp;
};
