import type { ColumnType, Generated } from 'kysely';

/** The rewards module's tables (migrations/0013_rewards.sql). bigint reads as a string. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Money = ColumnType<string, number, number>;
type DateText = ColumnType<string, string, string>;

export type RewardSettingsTable = {
  org_id: string;
  gift_requires_verification: Generated<boolean>;
  updated_at: Generated<Date>;
};

export type GiftCatalogueTable = {
  org_id: string;
  id: Generated<string>;
  kind: string;
  name: string;
  value_minor: Money;
  currency: string;
  is_active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type RewardBudgetsTable = {
  org_id: string;
  id: Generated<string>;
  department_id: string;
  purpose: string;
  period: string;
  period_start: DateText;
  currency: string;
  amount_minor: Money;
  spent_minor: ColumnType<string, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type AuthorityRulesTable = {
  org_id: string;
  id: Generated<string>;
  role: string;
  grant_type: string | null;
  tier: string | null;
  min_tenure_months: number | null;
  min_value_minor: ColumnType<string | null, number | null, number | null>;
  currency: string;
  per_case_minor: ColumnType<string | null, number | null, number | null>;
  per_period_minor: ColumnType<string | null, number | null, number | null>;
  period: Generated<string>;
  ask_share_percent: number | null;
  is_active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ApprovalRequestsTable = {
  org_id: string;
  id: Generated<string>;
  complaint_id: string;
  kind: string;
  grant_type: string;
  gift_id: string | null;
  amount_minor: Money;
  currency: string;
  ask_minor: ColumnType<string | null, number | null, number | null>;
  reference: string | null;
  note: string | null;
  requested_by: string;
  department_id: string | null;
  status: string;
  approver_id: string | null;
  level: number;
  level_started_at: Timestamp;
  climbs: ColumnType<unknown[], string | undefined, string>;
  decided_by: string | null;
  decided_amount_minor: ColumnType<string | null, number | null | undefined, number | null>;
  decline_reason: string | null;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
};

export type RewardGrantsTable = {
  org_id: string;
  id: Generated<string>;
  kind: string;
  grant_type: string;
  complaint_id: string;
  customer_id: string;
  reason_id: string | null;
  department_id: string | null;
  budget_id: string | null;
  gift_id: string | null;
  approval_id: string | null;
  amount_minor: Money;
  currency: string;
  reference: string | null;
  note: string | null;
  granted_by: string;
  approved_by: string | null;
  approval_level: Generated<number>;
  granted_at: Timestamp;
};
