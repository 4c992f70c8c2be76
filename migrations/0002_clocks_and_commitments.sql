-- Steps 4–5: business calendars, SLA policies and clocks, notices and escalation, task types,
-- deadline requests and the promise ledger.

-- A calendar is plain data (the business-calendar domain's JSON) plus how its holidays are
-- generated: statutory holidays of a country, admin overrides per year, custom and imported days.
CREATE TABLE calendars (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  time_zone text NOT NULL,
  weekly_hours jsonb NOT NULL,
  date_hours jsonb NOT NULL DEFAULT '{}',
  holidays jsonb NOT NULL DEFAULT '[]',
  holiday_country text CHECK (holiday_country IN ('VN')),
  holiday_overrides jsonb NOT NULL DEFAULT '[]',
  custom_holidays jsonb NOT NULL DEFAULT '[]',
  is_default boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX calendars_one_default ON calendars (org_id) WHERE is_default;

CREATE TABLE sla_policies (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  priority integer NOT NULL DEFAULT 100,
  match_reason_ids uuid[] NOT NULL DEFAULT '{}',
  match_severities text[] NOT NULL DEFAULT '{}',
  match_channels text[] NOT NULL DEFAULT '{}',
  match_tiers text[] NOT NULL DEFAULT '{}',
  calendar_id uuid NOT NULL,
  targets jsonb NOT NULL,
  internal_targets jsonb NOT NULL DEFAULT '{}',
  warn_at_percent integer NOT NULL DEFAULT 75 CHECK (warn_at_percent BETWEEN 1 AND 99),
  pause_statuses text[] NOT NULL DEFAULT '{waiting_customer}',
  paused_clocks text[] NOT NULL DEFAULT '{first_response,next_update,commitment,fix}',
  start_rule text NOT NULL DEFAULT 'receipt' CHECK (start_rule IN ('receipt', 'next_business_day')),
  escalation jsonb NOT NULL DEFAULT '[{"level":1,"afterMinutes":0},{"level":2,"afterMinutes":240}]',
  preset text,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, calendar_id) REFERENCES calendars (org_id, id)
);

-- Stored due times exist only to sort and filter queues; the truth is derived from the events,
-- the policy and the calendar, and these columns are recomputed whenever one of them changes.
ALTER TABLE complaints
  ADD COLUMN policy_id uuid,
  ADD COLUMN next_due_at timestamptz,
  ADD COLUMN next_due_clock text,
  ADD COLUMN is_breached boolean NOT NULL DEFAULT false,
  ADD COLUMN is_paused boolean NOT NULL DEFAULT false,
  ADD COLUMN committed_due_at timestamptz,
  ADD FOREIGN KEY (org_id, policy_id) REFERENCES sla_policies (org_id, id);

CREATE INDEX complaints_due_idx ON complaints (org_id, next_due_at NULLS LAST, id)
  WHERE status NOT IN ('closed', 'cancelled');
CREATE INDEX complaints_owner_due_idx ON complaints (org_id, owner_id, next_due_at NULLS LAST, id)
  WHERE status NOT IN ('closed', 'cancelled');
CREATE INDEX complaints_breached_idx ON complaints (org_id, next_due_at) WHERE is_breached;

CREATE TABLE complaint_clocks (
  org_id uuid NOT NULL,
  complaint_id uuid NOT NULL,
  clock text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'running', 'paused', 'met', 'breached')),
  started_at timestamptz,
  due_at timestamptz,
  warn_at timestamptz,
  stopped_at timestamptz,
  PRIMARY KEY (org_id, complaint_id, clock),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE
);

-- In-app notices (and their e-mails). The dedupe key makes a warning or escalation exist once,
-- however many workers fire it.
CREATE TABLE notices (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('sla_warning', 'sla_breach', 'escalation', 'deadline_request', 'deadline_answer', 'commitment_due')),
  complaint_id uuid,
  dedupe_key text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, dedupe_key, user_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE
);
CREATE INDEX notices_user_idx ON notices (org_id, user_id, created_at DESC);

CREATE TABLE task_types (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  department_id uuid,
  duration_amount integer NOT NULL CHECK (duration_amount > 0),
  duration_unit text NOT NULL,
  calendar_id uuid,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, name),
  FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id),
  FOREIGN KEY (org_id, calendar_id) REFERENCES calendars (org_id, id)
);

CREATE TABLE deadline_requests (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL,
  department_id uuid NOT NULL,
  requested_by uuid,
  question text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'answered', 'cancelled')),
  answer_due_at timestamptz,
  answer_note text,
  answered_by uuid,
  answered_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id),
  FOREIGN KEY (org_id, requested_by) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, answered_by) REFERENCES users (org_id, id)
);
CREATE INDEX deadline_requests_open_idx ON deadline_requests (org_id, department_id, created_at) WHERE status = 'open';
CREATE INDEX deadline_requests_complaint_idx ON deadline_requests (org_id, complaint_id);

-- The promise ledger: every commitment made to a customer. A re-commitment is a new row that
-- supersedes the previous one; the first row keeps the original promise.
CREATE TABLE commitments (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL,
  sequence integer NOT NULL CHECK (sequence >= 1),
  due_at timestamptz NOT NULL,
  task_type_id uuid,
  deadline_request_id uuid,
  department_id uuid,
  committed_by uuid,
  committed_at timestamptz NOT NULL,
  reason text,
  customer_message text,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, complaint_id, sequence),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, task_type_id) REFERENCES task_types (org_id, id),
  FOREIGN KEY (org_id, deadline_request_id) REFERENCES deadline_requests (org_id, id),
  FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id),
  FOREIGN KEY (org_id, committed_by) REFERENCES users (org_id, id),
  CHECK (sequence = 1 OR reason IS NOT NULL)
);
CREATE INDEX commitments_time_idx ON commitments (org_id, committed_at);

-- Orgs that exist before this migration get the default calendar (Vietnam, Mon–Fri with a
-- lunch break, statutory holidays) and the standard policy, as new orgs do at provisioning.
INSERT INTO calendars (org_id, name, time_zone, weekly_hours, holiday_country, is_default)
SELECT id, 'Giờ hành chính', time_zone,
  '{"mon":[["08:00","12:00"],["13:00","17:00"]],"tue":[["08:00","12:00"],["13:00","17:00"]],"wed":[["08:00","12:00"],["13:00","17:00"]],"thu":[["08:00","12:00"],["13:00","17:00"]],"fri":[["08:00","12:00"],["13:00","17:00"]],"sat":[],"sun":[]}',
  'VN', true
FROM orgs;

INSERT INTO sla_policies (org_id, name, priority, calendar_id, targets, internal_targets)
SELECT c.org_id, 'Tiêu chuẩn', 100, c.id,
  '{"acknowledge":{"amount":1,"unit":"business_hours"},"first_response":{"amount":4,"unit":"business_hours"},"next_update":{"amount":2,"unit":"business_days"},"commitment":{"amount":1,"unit":"business_days"}}',
  '{"deadline_request":{"amount":30,"unit":"business_minutes"},"approval":{"amount":4,"unit":"business_hours"}}'
FROM calendars c WHERE c.is_default;

-- Customer-facing mail goes before internal notices: after an outage, a backlog of warnings
-- must not hold back an acknowledgement. Lower runs first.
ALTER TABLE jobs ADD COLUMN priority smallint NOT NULL DEFAULT 5;
DROP INDEX jobs_ready_idx;
CREATE INDEX jobs_ready_idx ON jobs (priority, run_at) WHERE status = 'pending';
