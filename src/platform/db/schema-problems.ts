import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './schema.ts';

/** The tables of step 8, problems and their closed loop (migrations/0015_problems.sql). */
type TextList = ColumnType<string[], string[] | undefined, string[]>;
type MaybeTime = ColumnType<Date | null, Date | null | undefined, Date | null>;

export type ProblemSequencesTable = { org_id: string; year: number; last_value: number };

export type ProblemsTable = {
  org_id: string;
  id: Generated<string>;
  reference: string;
  title: Json<Record<string, string>>;
  description: Json<Record<string, string>>;
  reason_id: string | null;
  products: TextList;
  orders: TextList;
  owner_id: string;
  status: Generated<string>;
  window_length: Generated<number>;
  window_unit: Generated<string>;
  recurrence_threshold: Generated<number>;
  monitoring_started_at: MaybeTime;
  monitoring_ends_at: MaybeTime;
  closed_at: MaybeTime;
  override_reason: ColumnType<string | null, string | null | undefined, string | null>;
  override_by: ColumnType<string | null, string | null | undefined, string | null>;
  override_at: MaybeTime;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  search_text: ColumnType<string, never, never>;
};

export type ProblemComplaintsTable = {
  org_id: string;
  complaint_id: string;
  problem_id: string;
  source: string;
  linked_by: string | null;
  linked_at: Timestamp;
};

export type ProblemRootCausesTable = {
  org_id: string;
  problem_id: string;
  category: string;
  analysis: string;
  five_whys: Json<{ why: string; answer: string }[]>;
  fishbone: ColumnType<Record<string, string[]> | null, string | null, string | null>;
  updated_by: string | null;
  updated_at: Timestamp;
};

export type ProblemChainLinksTable = {
  org_id: string;
  id: Generated<string>;
  problem_id: string;
  position: number;
  department_id: string | null;
  user_id: string | null;
  person_name: string | null;
  role: string;
  acknowledgement: string | null;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  on_behalf: Generated<boolean>;
};

export type ProblemActionsTable = {
  org_id: string;
  id: Generated<string>;
  problem_id: string;
  kind: string;
  description: string;
  owner_id: string;
  due_at: Timestamp;
  clock_started_at: Timestamp;
  status: Generated<string>;
  done_at: MaybeTime;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ProblemActionEvidenceTable = {
  org_id: string;
  id: Generated<string>;
  action_id: string;
  note: string;
  created_by: string | null;
  created_at: Timestamp;
};

export type ProblemEventsTable = {
  org_id: string;
  id: Generated<string>;
  problem_id: string;
  kind: string;
  actor_id: string | null;
  actor_name: string | null;
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
};
