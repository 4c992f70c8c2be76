import type { ColumnType, Generated } from 'kysely';
import type { FollowUpSettingsTable, FollowUpsTable } from './schema-follow-ups.ts';
import type {
  InboundMessagesTable,
  MailAddressesTable,
  MailMailboxesTable,
  MailSendersTable,
  MailThreadsTable,
} from './schema-channels.ts';
import type { SurveySettingsTable, SurveysTable } from './schema-surveys.ts';
import type { ComplaintSimilarBandsTable, SuggestionSettingsTable } from './schema-suggestions.ts';
import type {
  CalendarsTable,
  ComplaintClocksTable,
  DeadlineRequestsTable,
  SlaOverlaysTable,
  SlaPoliciesTable,
  TaskTypesTable,
} from './schema-clocks.ts';

export type * from './schema-clocks.ts';
export type * from './schema-follow-ups.ts';
export type * from './schema-channels.ts';
export type * from './schema-suggestions.ts';
export type * from './schema-surveys.ts';
import type { JobsTable, LiveStreamsTable, RateLimitsTable } from './schema-platform.ts';
import type {
  ApprovalRequestsTable,
  AuthorityRulesTable,
  GiftCatalogueTable,
  RewardBudgetsTable,
  RewardGrantsTable,
  RewardSettingsTable,
} from './schema-rewards.ts';
export type * from './schema-rewards.ts';
import type {
  ProblemActionEvidenceTable,
  ProblemActionsTable,
  ProblemChainLinksTable,
  ProblemComplaintsTable,
  ProblemEventsTable,
  ProblemRootCausesTable,
  ProblemSequencesTable,
  ProblemsTable,
} from './schema-problems.ts';
export type * from './schema-problems.ts';
import type { WebhookDeliveriesTable, WebhookEndpointsTable } from './schema-webhooks.ts';
export type * from './schema-webhooks.ts';
import type { CallsTable } from './schema-calls.ts';
export type * from './schema-calls.ts';
import type {
  CommerceIdempotencyKeysTable,
  ImportsTable,
  OrdersTable,
  ReferralsTable,
  SubscriptionEventsTable,
} from './schema-commerce.ts';
export type * from './schema-commerce.ts';
import type { WinBackEntriesTable, WinBackSettingsTable } from './schema-win-back.ts';
export type * from './schema-win-back.ts';

/** Column types of the database, as Kysely sees them. Migrations are the source of truth. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
export type Json<T = unknown> = ColumnType<T, string, string>;

// The tables the platform owns (jobs, rate limits, live streams) are typed in schema-platform.ts.
export type { JobsTable, LiveStreamsTable, RateLimitsTable };

export type OrgsTable = {
  id: Generated<string>;
  slug: string;
  name: string;
  reference_prefix: Generated<string>;
  default_language: Generated<string>;
  time_zone: Generated<string>;
  config_version: Generated<string>;
  country: Generated<string>;
  created_at: Generated<Date>;
};

export type DepartmentsTable = {
  org_id: string;
  id: Generated<string>;
  name: string;
  parent_id: string | null;
  head_user_id: string | null;
  created_at: Generated<Date>;
};

export type UsersTable = {
  org_id: string;
  id: Generated<string>;
  email: string;
  name: string;
  role: string;
  department_id: string | null;
  manager_id: string | null;
  locale: Generated<string>;
  password_hash: string | null;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  credentials_version: Generated<number>;
};

export type SessionsTable = {
  org_id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  last_seen_at: Generated<Date>;
  ip: string | null;
  user_agent: string | null;
  credentials_version: Generated<number>;
};

export type ApiKeysTable = {
  org_id: string;
  id: Generated<string>;
  name: string;
  key_hash: string;
  last_four: string;
  created_by: string | null;
  created_at: Generated<Date>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  role: string | null;
};

export type CustomersTable = {
  org_id: string;
  id: Generated<string>;
  name: string;
  phone: string | null;
  email: string | null;
  external_id: string | null;
  customer_since: ColumnType<string | null, string | null, string | null>;
  tier: string | null;
  preferred_language: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  possible_duplicate_of: ColumnType<string | null, string | null | undefined, string | null>;
  survey_opt_out: Generated<boolean>;
};

export type ReasonsTable = {
  org_id: string;
  id: Generated<string>;
  parent_id: string | null;
  code: string;
  names: Json<Record<string, string>>;
  is_active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: Generated<Date>;
};

export type ComplaintSequencesTable = { org_id: string; year: number; last_value: number };

export type ComplaintsTable = {
  org_id: string;
  id: Generated<string>;
  reference: string;
  status: string;
  channel: string;
  reason_id: string | null;
  severity: string;
  product_ref: string | null;
  order_ref: string | null;
  description: string;
  ask_text: string | null;
  ask_amount: ColumnType<string | null, number | null, number | null>;
  ask_currency: string | null;
  language: string;
  customer_id: string;
  intake_agent_id: string | null;
  owner_id: string | null;
  confirmed_fact_version: number | null;
  acknowledged_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  search_text: Generated<string>;
  search_folded: ColumnType<string, never, never>;
  policy_id: ColumnType<string | null, string | null | undefined, string | null>;
  next_due_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  next_due_clock: ColumnType<string | null, string | null | undefined, string | null>;
  is_breached: Generated<boolean>;
  is_paused: Generated<boolean>;
  committed_due_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  committed_department_id: ColumnType<string | null, string | null | undefined, string | null>;
  contact_email: ColumnType<string | null, string | null | undefined, string | null>;
  contact_phone: ColumnType<string | null, string | null | undefined, string | null>;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  search_names: ColumnType<Record<string, string[]>, string | undefined, string>;
  similar_key: ColumnType<string, never, never>;
  /** A historical case brought in from a file: the source system’s case id (0026). */
  external_id: ColumnType<string | null, string | null | undefined, string | null>;
  imported_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
};

export type SavedViewsTable = {
  org_id: string;
  id: Generated<string>;
  user_id: string;
  name: string;
  query: Json<Record<string, unknown>>;
  is_default: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type TrackingLinksTable = {
  org_id: string;
  token_hash: string;
  complaint_id: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
};

export type ComplaintFactVersionsTable = {
  org_id: string;
  complaint_id: string;
  version: number;
  what_happened: string;
  occurred_at: Timestamp | null;
  product_ref: string | null;
  order_ref: string | null;
  ask_text: string;
  ask_amount: ColumnType<string | null, number | null, number | null>;
  ask_currency: string | null;
  created_by: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  confirmed_at: Timestamp | null;
  sent_text: ColumnType<string | null, string | null | undefined, string | null>;
  confirmed_text: ColumnType<string | null, string | null | undefined, string | null>;
  confirmation_via: string | null;
  confirmed_by: string | null;
  confirmation_method: string | null;
  confirmation_note: string | null;
};

export type ComplaintEventsTable = {
  org_id: string;
  id: Generated<string>;
  complaint_id: string;
  type: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  visibility: string;
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
};

export type AttachmentsTable = {
  org_id: string;
  id: Generated<string>;
  complaint_id: string;
  filename: string;
  content_type: string;
  size_bytes: ColumnType<string, number, number>;
  sha256: string;
  storage_key: string;
  uploaded_by_type: string;
  uploaded_by_id: string | null;
  is_public: Generated<boolean>;
  kind: Generated<string>;
  created_at: Timestamp;
};

export type MessageTemplatesTable = {
  org_id: string;
  id: Generated<string>;
  step: string;
  language: string;
  name: string;
  subject: Generated<string>;
  body: string;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type OutgoingMessagesTable = {
  org_id: string;
  id: Generated<string>;
  complaint_id: string | null;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  status: string;
  transport: string | null;
  message_id: string | null;
  error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  cc_addresses: ColumnType<string[], string[] | undefined, string[]>;
  files: ColumnType<unknown, string | undefined, string>;
};

export type IdempotencyKeysTable = {
  org_id: string;
  key: string;
  request_hash: string;
  status_code: number | null;
  response: Json<unknown> | null;
  created_at: Generated<Date>;
};

export type AuditLogTable = {
  org_id: string;
  id: Generated<string>;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  created_at: Generated<Date>;
};

export type NoticesTable = {
  org_id: string;
  id: Generated<string>;
  user_id: string;
  kind: string;
  complaint_id: string | null;
  dedupe_key: string;
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
  read_at: Timestamp | null;
  mailed_at: Timestamp | null;
};

export type CommitmentsTable = {
  org_id: string;
  id: Generated<string>;
  complaint_id: string;
  sequence: number;
  due_at: Timestamp;
  task_type_id: string | null;
  deadline_request_id: string | null;
  department_id: string | null;
  committed_by: string | null;
  committed_at: Timestamp;
  reason: string | null;
  customer_message: string | null;
  pause_from: ColumnType<Date | null, Date | null | undefined, Date | null>;
};

export type SignInThrottleTable = {
  email: string;
  ip: string;
  failures: number;
  first_failure_at: Timestamp | null;
  last_failure_at: Timestamp | null;
  blocked_until: Timestamp | null;
  alerted_at: Timestamp | null;
  last_success_at: Timestamp | null;
};

export type Database = {
  sign_in_throttle: SignInThrottleTable;
  calendars: CalendarsTable;
  sla_policies: SlaPoliciesTable;
  sla_overlays: SlaOverlaysTable;
  complaint_clocks: ComplaintClocksTable;
  notices: NoticesTable;
  task_types: TaskTypesTable;
  deadline_requests: DeadlineRequestsTable;
  follow_ups: FollowUpsTable;
  inbound_messages: InboundMessagesTable;
  mail_threads: MailThreadsTable;
  follow_up_settings: FollowUpSettingsTable;
  survey_settings: SurveySettingsTable;
  surveys: SurveysTable;
  suggestion_settings: SuggestionSettingsTable;
  complaint_similar_bands: ComplaintSimilarBandsTable;
  commitments: CommitmentsTable;
  orgs: OrgsTable;
  departments: DepartmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  customers: CustomersTable;
  reasons: ReasonsTable;
  complaint_sequences: ComplaintSequencesTable;
  complaints: ComplaintsTable;
  saved_views: SavedViewsTable;
  tracking_links: TrackingLinksTable;
  complaint_fact_versions: ComplaintFactVersionsTable;
  complaint_events: ComplaintEventsTable;
  attachments: AttachmentsTable;
  message_templates: MessageTemplatesTable;
  outgoing_messages: OutgoingMessagesTable;
  mail_senders: MailSendersTable;
  mail_addresses: MailAddressesTable;
  mail_mailboxes: MailMailboxesTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  rate_limits: RateLimitsTable;
  live_streams: LiveStreamsTable;
  reward_settings: RewardSettingsTable;
  gift_catalogue: GiftCatalogueTable;
  reward_budgets: RewardBudgetsTable;
  authority_rules: AuthorityRulesTable;
  approval_requests: ApprovalRequestsTable;
  reward_grants: RewardGrantsTable;
  problem_sequences: ProblemSequencesTable;
  problems: ProblemsTable;
  problem_complaints: ProblemComplaintsTable;
  problem_root_causes: ProblemRootCausesTable;
  problem_chain_links: ProblemChainLinksTable;
  problem_actions: ProblemActionsTable;
  problem_action_evidence: ProblemActionEvidenceTable;
  problem_events: ProblemEventsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  calls: CallsTable;
  orders: OrdersTable;
  subscription_events: SubscriptionEventsTable;
  referrals: ReferralsTable;
  imports: ImportsTable;
  commerce_idempotency_keys: CommerceIdempotencyKeysTable;
  win_back_settings: WinBackSettingsTable;
  win_back_entries: WinBackEntriesTable;
};
