-- Customer identity, frozen read-backs and tracking links as bearer secrets.

-- Input that conflicts with a known customer (the same phone with another name or e-mail) makes a
-- customer record of its own that points at the match; an agent compares the two and merges.
ALTER TABLE customers ADD COLUMN possible_duplicate_of uuid;
ALTER TABLE customers ADD FOREIGN KEY (org_id, possible_duplicate_of)
  REFERENCES customers (org_id, id) ON DELETE SET NULL (possible_duplicate_of);
-- Contact points stay unique among the customers that are not possible duplicates.
DROP INDEX customers_phone_key;
DROP INDEX customers_email_key;
DROP INDEX customers_external_key;
CREATE UNIQUE INDEX customers_phone_key ON customers (org_id, phone)
  WHERE phone IS NOT NULL AND possible_duplicate_of IS NULL;
CREATE UNIQUE INDEX customers_email_key ON customers (org_id, email)
  WHERE email IS NOT NULL AND possible_duplicate_of IS NULL;
CREATE UNIQUE INDEX customers_external_key ON customers (org_id, external_id)
  WHERE external_id IS NOT NULL AND possible_duplicate_of IS NULL;
CREATE INDEX customers_phone_idx ON customers (org_id, phone) WHERE phone IS NOT NULL;
CREATE INDEX customers_email_idx ON customers (org_id, email) WHERE email IS NOT NULL;
CREATE INDEX customers_duplicate_idx ON customers (org_id, possible_duplicate_of)
  WHERE possible_duplicate_of IS NOT NULL;

-- A complaint keeps the contact points given with it: mail about it goes there, never to an
-- address another intake wrote on the customer record.
ALTER TABLE complaints ADD COLUMN contact_email text CHECK (contact_email = lower(contact_email)),
  ADD COLUMN contact_phone text,
  ADD COLUMN closed_at timestamptz;
UPDATE complaints c SET contact_email = k.email, contact_phone = k.phone
FROM customers k WHERE k.org_id = c.org_id AND k.id = c.customer_id;
UPDATE complaints c SET closed_at = coalesce((
  SELECT max(e.created_at) FROM complaint_events e
  WHERE e.org_id = c.org_id AND e.complaint_id = c.id AND e.type = 'complaint.status_changed'
    AND e.data->>'to' IN ('closed', 'cancelled')), c.updated_at)
WHERE c.status IN ('closed', 'cancelled');

-- The read-back the customer saw is kept as text, with every value it showed, when it is sent
-- (or read out); a confirmation confirms exactly that text.
ALTER TABLE complaint_fact_versions ADD COLUMN sent_text text, ADD COLUMN confirmed_text text;
UPDATE complaint_fact_versions f SET sent_text = (
  SELECT e.data->>'text' FROM complaint_events e
  WHERE e.org_id = f.org_id AND e.complaint_id = f.complaint_id AND e.type = 'readback.sent'
    AND (e.data->>'version')::int = f.version
  ORDER BY e.id DESC LIMIT 1)
WHERE f.sent_at IS NOT NULL;
UPDATE complaint_fact_versions SET confirmed_text = sent_text WHERE confirmed_at IS NOT NULL;

-- Tracking links are bearer secrets stored only as hashes: no copy in replies kept for retries,
-- none in mail that has gone out.
UPDATE idempotency_keys SET response = response - 'trackingUrl'
WHERE jsonb_typeof(response) = 'object' AND response ? 'trackingUrl';
UPDATE outgoing_messages
SET text_body = regexp_replace(text_body, '/track/([0-9a-f]{32})[A-Za-z0-9_-]{32}', '/track/\1…', 'g'),
  html_body = regexp_replace(html_body, '/track/([0-9a-f]{32})[A-Za-z0-9_-]{32}', '/track/\1…', 'g')
WHERE status <> 'queued';

-- Mail to staff about their account's security (a password being guessed).
ALTER TABLE outgoing_messages DROP CONSTRAINT outgoing_messages_kind_check;
ALTER TABLE outgoing_messages ADD CONSTRAINT outgoing_messages_kind_check
  CHECK (kind IN ('acknowledgement', 'readback', 'message', 'notice', 'security'));

-- Sign-in throttling per account and client address, with growing delays. Sign-in comes before
-- the org is known (people type an e-mail), so this is keyed by the e-mail as typed; the row
-- with ip '*' counts the account's failures from every address.
CREATE TABLE sign_in_throttle (
  email text NOT NULL,
  ip text NOT NULL,
  failures integer NOT NULL DEFAULT 0,
  first_failure_at timestamptz,
  last_failure_at timestamptz,
  blocked_until timestamptz,
  alerted_at timestamptz,
  last_success_at timestamptz,
  PRIMARY KEY (email, ip)
);
