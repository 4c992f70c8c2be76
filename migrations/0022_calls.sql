-- Phone calls on a case: the agent logs each call (its direction, the number, when and how long,
-- how it ended, notes), and may attach its recording. Recordings are attachments of their own
-- kind, internal unless shared, and are the evidence a later award for the agent cites.

ALTER TABLE attachments
  ADD COLUMN kind text NOT NULL DEFAULT 'file' CHECK (kind IN ('file', 'call_recording'));

CREATE TABLE calls (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL,
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  -- E.164, as every stored phone number is.
  phone text NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{5,14}$'),
  started_at timestamptz NOT NULL,
  duration_seconds integer NOT NULL CHECK (duration_seconds BETWEEN 0 AND 86400),
  outcome text NOT NULL
    CHECK (outcome IN ('reached', 'no_answer', 'voicemail', 'busy', 'wrong_number')),
  notes text NOT NULL DEFAULT '',
  recording_id uuid,
  logged_by_type text NOT NULL CHECK (logged_by_type IN ('user', 'api', 'system')),
  logged_by_id uuid,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, recording_id) REFERENCES attachments (org_id, id)
);
CREATE INDEX calls_complaint_idx ON calls (org_id, complaint_id, started_at);
