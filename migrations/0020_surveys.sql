-- Satisfaction surveys: after a case is fixed or closed (or after its verification call-back),
-- the customer is asked CSAT 1-5 and a comment, optionally effort (CES 1-7), NPS 0-10 and one
-- question of the org's own.

-- A customer who asked not to be surveyed again (the survey mail's unsubscribe link, or staff).
ALTER TABLE customers ADD COLUMN survey_opt_out boolean NOT NULL DEFAULT false;

-- How an org runs its surveys. One row per org; an org without one runs on the defaults.
CREATE TABLE survey_settings (
  org_id uuid PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
  is_enabled boolean NOT NULL DEFAULT true,
  -- 'after_fix': the delay counts from the fix (or the close); 'after_verification': while a
  -- verification call-back of that fix is due, the survey waits for it.
  timing text NOT NULL DEFAULT 'after_fix' CHECK (timing IN ('after_fix', 'after_verification')),
  delay_hours integer NOT NULL DEFAULT 2 CHECK (delay_hours BETWEEN 0 AND 720),
  ask_ces boolean NOT NULL DEFAULT false,
  ask_nps boolean NOT NULL DEFAULT false,
  -- The org's own question in the three languages ({} when there is none).
  question jsonb NOT NULL DEFAULT '{}'::jsonb,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One survey per resolution of a case: a reopened and re-fixed case may get another.
CREATE TABLE surveys (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL,
  -- The fix (or, for a case closed without one, the close) this survey follows.
  resolved_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'scheduled'
    CHECK (status IN ('scheduled', 'sent', 'answered', 'cancelled', 'skipped')),
  skip_reason text CHECK (skip_reason IN ('opted_out', 'no_address', 'disabled', 'reopened')),
  send_at timestamptz NOT NULL,
  -- SHA-256 of the survey's bearer token (the mail's links); set when sent.
  token_hash text,
  language text NOT NULL CHECK (language IN ('vi', 'en', 'zh')),
  channel text NOT NULL,
  agent_id uuid,
  department_id uuid,
  reason_id uuid,
  -- "First contact" is the case's received instant (its creation), and the hour (0-23) and ISO
  -- weekday (1 Monday .. 7 Sunday) of it in the org's time zone, for the hour x weekday heatmap.
  first_contact_at timestamptz NOT NULL,
  first_contact_hour smallint NOT NULL CHECK (first_contact_hour BETWEEN 0 AND 23),
  first_contact_weekday smallint NOT NULL CHECK (first_contact_weekday BETWEEN 1 AND 7),
  asked_ces boolean NOT NULL DEFAULT false,
  asked_nps boolean NOT NULL DEFAULT false,
  question text,
  csat smallint CHECK (csat BETWEEN 1 AND 5),
  ces smallint CHECK (ces BETWEEN 1 AND 7),
  nps smallint CHECK (nps BETWEEN 0 AND 10),
  comment text,
  question_answer text,
  sent_at timestamptz,
  answered_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, complaint_id, resolved_at),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, agent_id) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id) ON DELETE SET NULL (department_id),
  FOREIGN KEY (org_id, reason_id) REFERENCES reasons (org_id, id) ON DELETE SET NULL (reason_id),
  CHECK (status <> 'answered' OR csat IS NOT NULL)
);
CREATE UNIQUE INDEX surveys_token_idx ON surveys (org_id, token_hash) WHERE token_hash IS NOT NULL;
CREATE INDEX surveys_complaint_idx ON surveys (org_id, complaint_id);
CREATE INDEX surveys_sent_idx ON surveys (org_id, sent_at) WHERE sent_at IS NOT NULL;

-- A low score (CSAT 1 or 2) makes a follow-up for the intake agent's manager, with a clock.
ALTER TABLE follow_ups DROP CONSTRAINT follow_ups_kind_check;
ALTER TABLE follow_ups ADD CONSTRAINT follow_ups_kind_check
  CHECK (kind IN ('manager_update', 'verification', 'low_score'));

ALTER TABLE outgoing_messages DROP CONSTRAINT outgoing_messages_kind_check;
ALTER TABLE outgoing_messages ADD CONSTRAINT outgoing_messages_kind_check
  CHECK (kind IN ('acknowledgement', 'readback', 'message', 'notice', 'security', 'survey'));
