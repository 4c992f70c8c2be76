import type { Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

/** Per-org win-back rules (migrations/0025_win_back.sql). */
export type WinBackSettingsTable = {
  org_id: string;
  no_order_days: Generated<number>;
  complaint_months: Generated<number>;
  due_days: Generated<number>;
  updated_at: Generated<Date>;
};

/** A customer who left after a complaint, in the win-back call queue. */
export type WinBackEntriesTable = {
  org_id: string;
  id: Generated<string>;
  customer_id: string;
  complaint_id: string;
  trigger: string;
  triggered_at: Timestamp;
  owner_id: string | null;
  due_at: Timestamp;
  attempts: Generated<number>;
  note: string | null;
  outcome: string | null;
  outcome_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};
