-- Outgoing mail of an org under its own name: the sender, its DKIM key, and the addresses at
-- which its customers' mail arrives (the SMTP listener's recipients, the Reply-To of our mail).
CREATE TABLE mail_senders (
  org_id uuid PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
  from_name text,
  from_address text,
  dkim_domain text,
  dkim_selector text,
  -- The private key signs, so the server must read it; it is never sent back by the API.
  dkim_private_key text,
  updated_at timestamptz NOT NULL,
  CHECK ((dkim_domain IS NULL) = (dkim_selector IS NULL)
    AND (dkim_domain IS NULL) = (dkim_private_key IS NULL))
);

-- An address belongs to one org: mail to it is that org's, whoever else asks for it.
CREATE TABLE mail_addresses (
  address text PRIMARY KEY CHECK (address = lower(address)),
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL
);
CREATE INDEX mail_addresses_org_idx ON mail_addresses (org_id, created_at);

-- An agent's reply: copies, and the case files it carries (as they were when it was written).
ALTER TABLE outgoing_messages
  ADD COLUMN cc_addresses text[] NOT NULL DEFAULT '{}',
  ADD COLUMN files jsonb NOT NULL DEFAULT '[]';

-- A mailbox an org's mail is fetched from (IMAP), for orgs whose mail stays with their own
-- provider. A fetched message is marked (moved to `processed_folder`, or flagged) so that it is
-- never fetched twice; the lease keeps two workers off one mailbox.
CREATE TABLE mail_mailboxes (
  org_id uuid PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
  host text NOT NULL,
  port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
  is_secure boolean NOT NULL,
  username text NOT NULL,
  -- The worker logs in with it, so it is kept as given; the API never sends it back.
  password text NOT NULL,
  folder text NOT NULL DEFAULT 'INBOX',
  processed_folder text,
  is_enabled boolean NOT NULL DEFAULT true,
  leased_by text,
  lease_until timestamptz,
  last_polled_at timestamptz,
  last_error text,
  received_count bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL
);
