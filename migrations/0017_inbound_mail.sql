-- Complaints by e-mail: every inbound message is kept as it came (raw, decoded, and the text
-- shown without the quoted thread), with what the pipeline made of it.
CREATE TABLE inbound_messages (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  message_id text,
  content_hash text NOT NULL,
  source text NOT NULL CHECK (source IN ('cli', 'smtp', 'imap')),
  outcome text NOT NULL CHECK (outcome IN (
    'created', 'joined', 'related', 'auto_reply', 'own_address', 'no_sender', 'bounce')),
  complaint_id uuid,
  related_complaint_id uuid,
  from_address text,
  from_name text NOT NULL DEFAULT '',
  subject text NOT NULL DEFAULT '',
  text_full text NOT NULL DEFAULT '',
  text_shown text NOT NULL DEFAULT '',
  in_reply_to text[] NOT NULL DEFAULT '{}',
  references_ids text[] NOT NULL DEFAULT '{}',
  attachments jsonb NOT NULL DEFAULT '[]',
  raw bytea NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, related_complaint_id) REFERENCES complaints (org_id, id) ON DELETE SET NULL (related_complaint_id)
);
-- One message once: the same Message-ID again is a duplicate, whoever sends it.
CREATE UNIQUE INDEX inbound_messages_message_id_idx ON inbound_messages (org_id, message_id)
  WHERE message_id IS NOT NULL;
-- The same content within minutes (a client that sends twice with new ids) is one message.
CREATE INDEX inbound_messages_content_idx ON inbound_messages (org_id, content_hash, received_at DESC);
CREATE INDEX inbound_messages_complaint_idx ON inbound_messages (org_id, complaint_id, received_at)
  WHERE complaint_id IS NOT NULL;

-- The mail thread of a case: what our next mail about it answers (In-Reply-To, References).
CREATE TABLE mail_threads (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  complaint_id uuid NOT NULL,
  reference text NOT NULL,
  last_message_id text NOT NULL,
  references_ids text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, complaint_id),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE
);

-- Replies and bounces are matched to the mail we sent by its Message-ID.
CREATE INDEX outgoing_messages_message_id_idx ON outgoing_messages (org_id, message_id)
  WHERE message_id IS NOT NULL;
ALTER TABLE outgoing_messages DROP CONSTRAINT outgoing_messages_status_check;
ALTER TABLE outgoing_messages ADD CONSTRAINT outgoing_messages_status_check
  CHECK (status IN ('queued', 'sent', 'kept', 'failed', 'bounced'));
