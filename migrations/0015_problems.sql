-- Step 8 of the loop: fix the system. Complaints are linked to a problem record with its root
-- cause, the responsibility chain down to a named person, and corrective and preventive actions
-- with owners and due dates. A problem closes only after the check that it does not recur
-- (closed-loop management).

-- References like VD-2026-0001: one counter per org and year, taken in the creating transaction.
CREATE TABLE problem_sequences (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (org_id, year)
);

CREATE TABLE problems (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  reference text NOT NULL,
  -- Per language, {vi?, en?, zh?}; at least one is given.
  title jsonb NOT NULL,
  description jsonb NOT NULL DEFAULT '{}',
  reason_id uuid,
  products text[] NOT NULL DEFAULT '{}',
  orders text[] NOT NULL DEFAULT '{}',
  owner_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'analysing', 'action', 'monitoring', 'closed', 'rejected')),
  -- The monitoring window: its length on the org's calendar, and the recurrences it tolerates.
  window_length integer NOT NULL DEFAULT 20 CHECK (window_length BETWEEN 1 AND 520),
  window_unit text NOT NULL DEFAULT 'business_days' CHECK (window_unit IN ('business_days', 'weeks')),
  recurrence_threshold integer NOT NULL DEFAULT 0 CHECK (recurrence_threshold >= 0),
  monitoring_started_at timestamptz,
  monitoring_ends_at timestamptz,
  closed_at timestamptz,
  -- A close despite recurrences or before the window ended: who, when and why.
  override_reason text,
  override_by uuid,
  override_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text GENERATED ALWAYS AS (lower(reference || ' ' || title::text || ' ' || description::text)) STORED,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, reference),
  CHECK ((monitoring_started_at IS NULL) = (monitoring_ends_at IS NULL)),
  FOREIGN KEY (org_id, reason_id) REFERENCES reasons (org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, override_by) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
);
CREATE INDEX problems_list_idx ON problems (org_id, status, updated_at DESC);
CREATE INDEX problems_owner_idx ON problems (org_id, owner_id);

-- A complaint belongs to at most one problem; linking it to another moves it.
CREATE TABLE problem_complaints (
  org_id uuid NOT NULL,
  complaint_id uuid NOT NULL,
  problem_id uuid NOT NULL,
  source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'suggestion')),
  linked_by uuid,
  linked_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, complaint_id),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, problem_id) REFERENCES problems (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, linked_by) REFERENCES users (org_id, id)
);
CREATE INDEX problem_complaints_problem_idx ON problem_complaints (org_id, problem_id);

CREATE TABLE problem_root_causes (
  org_id uuid NOT NULL,
  problem_id uuid NOT NULL,
  category text NOT NULL
    CHECK (category IN ('people', 'process', 'product', 'supplier', 'system', 'policy', 'other')),
  analysis text NOT NULL,
  -- Up to five [{why, answer}], in order.
  five_whys jsonb NOT NULL DEFAULT '[]',
  -- {people, machine, material, method, environment}: lists of short causes (人机料法环).
  fishbone jsonb,
  updated_by uuid,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, problem_id),
  FOREIGN KEY (org_id, problem_id) REFERENCES problems (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, updated_by) REFERENCES users (org_id, id)
);

-- The responsibility chain, in order: each link a department and a named person (a user, or a
-- name for someone without an account), and what that person acknowledged.
CREATE TABLE problem_chain_links (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  problem_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 1),
  department_id uuid,
  user_id uuid,
  person_name text,
  role text NOT NULL,
  acknowledgement text,
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  on_behalf boolean NOT NULL DEFAULT false,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, problem_id, position),
  CHECK (user_id IS NOT NULL OR person_name IS NOT NULL),
  CHECK ((acknowledged_at IS NULL) = (acknowledgement IS NULL)),
  FOREIGN KEY (org_id, problem_id) REFERENCES problems (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id) ON DELETE SET NULL (department_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, acknowledged_by) REFERENCES users (org_id, id)
);

-- Corrective and preventive actions. The clock runs from clock_started_at (given or re-dated)
-- to due_at: a warning at 80% of the span, the overdue notice and the escalation at the due.
CREATE TABLE problem_actions (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  problem_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('corrective', 'preventive')),
  description text NOT NULL,
  owner_id uuid NOT NULL,
  due_at timestamptz NOT NULL,
  clock_started_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  done_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  CHECK ((status = 'done') = (done_at IS NOT NULL)),
  FOREIGN KEY (org_id, problem_id) REFERENCES problems (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, owner_id) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
);
CREATE INDEX problem_actions_problem_idx ON problem_actions (org_id, problem_id);
CREATE INDEX problem_actions_open_idx ON problem_actions (org_id, owner_id, due_at)
  WHERE status IN ('open', 'in_progress');

CREATE TABLE problem_action_evidence (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  action_id uuid NOT NULL,
  note text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, action_id) REFERENCES problem_actions (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
);
CREATE INDEX problem_action_evidence_action_idx ON problem_action_evidence (org_id, action_id);

-- The problem's own history: append-only, shown on its page beside the audit trail.
CREATE TABLE problem_events (
  org_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  problem_id uuid NOT NULL,
  kind text NOT NULL,
  actor_id uuid,
  actor_name text,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, problem_id) REFERENCES problems (org_id, id) ON DELETE CASCADE
);
CREATE INDEX problem_events_problem_idx ON problem_events (org_id, problem_id, id);
CREATE TRIGGER problem_events_append_only BEFORE UPDATE ON problem_events
  FOR EACH ROW EXECUTE FUNCTION ombud_forbid_change();

-- The notices of step 8: an action nearly due, overdue, escalated to the owner's manager; a
-- monitoring window that ended with recurrences, or clean and ready to close.
ALTER TABLE notices DROP CONSTRAINT notices_kind_check;
ALTER TABLE notices ADD CONSTRAINT notices_kind_check CHECK (kind IN (
  'sla_warning', 'sla_breach', 'escalation', 'deadline_request', 'deadline_answer',
  'commitment_due', 'follow_up', 'early_escalation',
  'problem_action_warning', 'problem_action_overdue', 'problem_action_escalation',
  'problem_recurred', 'problem_ready_to_close'));
