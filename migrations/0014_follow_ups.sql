-- Step 6 of the loop: after a fix, the intake agent's manager updates the customer personally,
-- and someone calls back after the promised date to check that the fix worked.

-- When each of a policy's targets was switched on. A clock that starts at a fix (the manager's
-- update, the call-back) runs only for fixes after its target was switched on, so turning a
-- target on never makes every case fixed before it breach at once. Existing targets count from
-- the policy's last change, the latest moment they can have been switched on.
ALTER TABLE sla_policies ADD COLUMN targets_since jsonb NOT NULL DEFAULT '{}'::jsonb;
UPDATE sla_policies
   SET targets_since = coalesce(
     (SELECT jsonb_object_agg(k, to_jsonb(updated_at)) FROM jsonb_object_keys(targets) AS k),
     '{}'::jsonb);

-- How an org runs step 6. One row per org; an org without one runs on the defaults.
CREATE TABLE follow_up_settings (
  org_id uuid PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
  manager_update boolean NOT NULL DEFAULT true,
  verification boolean NOT NULL DEFAULT true,
  -- Who makes the manager's update when the org chart names no manager above the intake agent.
  fallback_user_id uuid,
  -- Business hours between call-back tries when the customer cannot be reached.
  retry_hours integer[] NOT NULL DEFAULT '{4,24}',
  max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts BETWEEN 1 AND 10),
  -- Escalate to the manager before the customer asks (see complaints/domain/early-escalation.ts).
  escalation jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, fallback_user_id) REFERENCES users (org_id, id)
);

-- A follow-up task of one fix: the manager's update, or the verification call-back.
CREATE TABLE follow_ups (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('manager_update', 'verification')),
  -- The fix it follows.
  fixed_at timestamptz NOT NULL,
  assignee_id uuid,
  status text NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'done', 'skipped', 'cancelled')),
  -- The due of the step's clock, when the case's policy tracks it.
  due_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  outcome text CHECK (outcome IN ('reached', 'works', 'not_fixed', 'unreachable', 'declined')),
  method text CHECK (method IN ('call', 'email', 'visit', 'chat', 'message', 'portal')),
  note text,
  done_by uuid,
  done_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, assignee_id) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, done_by) REFERENCES users (org_id, id)
);
-- One open task of each kind per case.
CREATE UNIQUE INDEX follow_ups_one_open ON follow_ups (org_id, complaint_id, kind) WHERE status = 'due';
CREATE INDEX follow_ups_due_idx ON follow_ups (org_id, assignee_id, due_at) WHERE status = 'due';
CREATE INDEX follow_ups_complaint_idx ON follow_ups (org_id, complaint_id);
CREATE INDEX follow_ups_report_idx ON follow_ups (org_id, kind, fixed_at);

-- Intake reads the escalation rules per configuration version (see 0011).
CREATE TRIGGER follow_up_settings_config_version AFTER INSERT OR UPDATE OR DELETE ON follow_up_settings
  FOR EACH ROW EXECUTE FUNCTION ombud_bump_config_version();

-- Two notices of step 6: a follow-up task is yours; a case came to you before the customer asked.
ALTER TABLE notices DROP CONSTRAINT notices_kind_check;
ALTER TABLE notices ADD CONSTRAINT notices_kind_check CHECK (kind IN (
  'sla_warning', 'sla_breach', 'escalation', 'deadline_request', 'deadline_answer',
  'commitment_due', 'follow_up', 'early_escalation'));
