-- Step 7 (thank-you gifts from a team budget) and empowerment (compensation within authority,
-- approvals up the org chart). Money is integer minor units with an ISO 4217 code.

-- The org's choices for step 7: whether a gift waits for the verification call-back.
CREATE TABLE reward_settings (
  org_id uuid PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
  gift_requires_verification boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The gift catalogue: what a team may give as thanks after the fix.
CREATE TABLE gift_catalogue (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('voucher', 'discount_code', 'small_gift', 'free_service_period')),
  name text NOT NULL,
  value_minor bigint NOT NULL CHECK (value_minor > 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);

-- A team's money for one month or quarter, for gifts or for compensation. What is spent is
-- kept on the row and moved only by a conditional update in the grant's transaction, so two
-- grants at once cannot overspend it.
CREATE TABLE reward_budgets (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  department_id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('gift', 'compensation')),
  period text NOT NULL CHECK (period IN ('month', 'quarter')),
  period_start date NOT NULL,
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
  spent_minor bigint NOT NULL DEFAULT 0 CHECK (spent_minor >= 0),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, department_id, purpose, period, period_start),
  CHECK (spent_minor <= amount_minor),
  CHECK (extract(day FROM period_start) = 1),
  CHECK (period = 'month' OR extract(month FROM period_start) IN (1, 4, 7, 10)),
  FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id) ON DELETE CASCADE
);

-- Authority rules: what a role may grant of a type to a customer segment without asking.
CREATE TABLE authority_rules (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'agent', 'responder', 'quality')),
  grant_type text CHECK (grant_type IN ('refund', 'discount', 'voucher', 'free_period', 'replacement', 'repair', 'gift')),
  tier text,
  min_tenure_months integer CHECK (min_tenure_months >= 0),
  min_value_minor bigint CHECK (min_value_minor >= 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  per_case_minor bigint CHECK (per_case_minor >= 0),
  per_period_minor bigint CHECK (per_period_minor >= 0),
  period text NOT NULL DEFAULT 'month' CHECK (period IN ('month', 'quarter')),
  ask_share_percent integer CHECK (ask_share_percent BETWEEN 0 AND 100),
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);

-- A request above the agent's authority, with the approver it waits for now. It climbs up the
-- org chart when an approver's own authority is not enough or the approval clock breaches.
CREATE TABLE approval_requests (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('gift', 'compensation')),
  grant_type text NOT NULL CHECK (grant_type IN ('refund', 'discount', 'voucher', 'free_period', 'replacement', 'repair', 'gift')),
  gift_id uuid,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  ask_minor bigint,
  reference text,
  note text,
  requested_by uuid NOT NULL,
  department_id uuid,
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'cancelled')),
  approver_id uuid,
  level integer NOT NULL CHECK (level >= 1),
  level_started_at timestamptz NOT NULL,
  climbs jsonb NOT NULL DEFAULT '[]',
  decided_by uuid,
  decided_amount_minor bigint,
  decline_reason text,
  decided_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, gift_id) REFERENCES gift_catalogue (org_id, id),
  FOREIGN KEY (org_id, requested_by) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, approver_id) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, decided_by) REFERENCES users (org_id, id)
);
CREATE INDEX approval_requests_waiting_idx ON approval_requests (org_id, approver_id) WHERE status = 'pending';
CREATE INDEX approval_requests_complaint_idx ON approval_requests (org_id, complaint_id);

-- The ledger: every gift and every compensation granted, kept apart by `kind`.
CREATE TABLE reward_grants (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('gift', 'compensation')),
  grant_type text NOT NULL CHECK (grant_type IN ('refund', 'discount', 'voucher', 'free_period', 'replacement', 'repair', 'gift')),
  complaint_id uuid NOT NULL,
  customer_id uuid NOT NULL,
  reason_id uuid,
  department_id uuid,
  budget_id uuid,
  gift_id uuid,
  approval_id uuid,
  amount_minor bigint NOT NULL CHECK (amount_minor > 0),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  reference text,
  note text,
  granted_by uuid NOT NULL,
  approved_by uuid,
  approval_level integer NOT NULL DEFAULT 0 CHECK (approval_level >= 0),
  granted_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  CHECK ((kind = 'gift') = (grant_type = 'gift')),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, budget_id) REFERENCES reward_budgets (org_id, id),
  FOREIGN KEY (org_id, gift_id) REFERENCES gift_catalogue (org_id, id),
  FOREIGN KEY (org_id, approval_id) REFERENCES approval_requests (org_id, id),
  FOREIGN KEY (org_id, granted_by) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, approved_by) REFERENCES users (org_id, id)
);
CREATE INDEX reward_grants_time_idx ON reward_grants (org_id, granted_at);
CREATE INDEX reward_grants_complaint_idx ON reward_grants (org_id, complaint_id);
CREATE INDEX reward_grants_agent_idx ON reward_grants (org_id, granted_by, granted_at);
