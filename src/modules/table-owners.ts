import type { Database } from '../platform/db/index.ts';

/**
 * Every table has one owning module: only the owner's repositories name it. Other modules read
 * it through the owner's index.ts (use cases, and query functions such as `userNameOf` that
 * other repositories put into their own queries). A test holds this, and the type makes a new
 * table without an owner a compile error.
 */
export const tableOwners = {
  orgs: 'org',
  departments: 'org',
  users: 'org',
  sessions: 'auth',
  api_keys: 'auth',
  sign_in_throttle: 'auth',
  audit_log: 'audit',
  customers: 'customers',
  reasons: 'reasons',
  message_templates: 'templates',
  outgoing_messages: 'mail',
  mail_threads: 'mail',
  inbound_messages: 'channels',
  notices: 'notices',
  calendars: 'sla',
  sla_policies: 'sla',
  sla_overlays: 'sla',
  complaint_clocks: 'sla',
  complaints: 'complaints',
  complaint_sequences: 'complaints',
  complaint_events: 'complaints',
  complaint_fact_versions: 'complaints',
  tracking_links: 'complaints',
  attachments: 'complaints',
  idempotency_keys: 'complaints',
  saved_views: 'complaints',
  follow_ups: 'complaints',
  follow_up_settings: 'complaints',
  complaint_similar_bands: 'complaints',
  calls: 'complaints',
  task_types: 'commitments',
  deadline_requests: 'commitments',
  commitments: 'commitments',
  jobs: 'platform',
  rate_limits: 'platform',
  live_streams: 'platform',
  reward_settings: 'rewards',
  gift_catalogue: 'rewards',
  reward_budgets: 'rewards',
  authority_rules: 'rewards',
  approval_requests: 'rewards',
  reward_grants: 'rewards',
  suggestion_settings: 'suggestions',
  problem_sequences: 'problems',
  problems: 'problems',
  problem_complaints: 'problems',
  problem_root_causes: 'problems',
  problem_chain_links: 'problems',
  problem_actions: 'problems',
  problem_action_evidence: 'problems',
  problem_events: 'problems',
} as const satisfies Record<keyof Database, string>;

export type TableOwner = (typeof tableOwners)[keyof typeof tableOwners];
