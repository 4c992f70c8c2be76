-- Ombud foundation: orgs, people, customers, complaints, the timeline, messages, jobs.
-- Every business table carries org_id; every primary, unique and foreign key includes it, so
-- that one deployment serves many businesses and org_id can become the distribution key.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (it reads a dictionary), so indexes need an IMMUTABLE wrapper that
-- names the dictionary. Folding: lower case, no diacritics, đ → d.
CREATE FUNCTION ombud_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

CREATE TABLE orgs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  reference_prefix text NOT NULL DEFAULT 'KN' CHECK (reference_prefix ~ '^[A-Z0-9]{1,10}$'),
  default_language text NOT NULL DEFAULT 'vi' CHECK (default_language IN ('vi', 'en', 'zh')),
  time_zone text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE departments (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  parent_id uuid,
  head_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, parent_id) REFERENCES departments (org_id, id),
  CHECK (parent_id IS DISTINCT FROM id)
);

CREATE TABLE users (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'agent', 'responder', 'quality')),
  department_id uuid,
  manager_id uuid,
  locale text NOT NULL DEFAULT 'vi' CHECK (locale IN ('vi', 'en', 'zh')),
  password_hash text,
  failed_login_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, email),
  FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id),
  FOREIGN KEY (org_id, manager_id) REFERENCES users (org_id, id),
  CHECK (manager_id IS DISTINCT FROM id)
);
CREATE INDEX users_email_idx ON users (email);

ALTER TABLE departments
  ADD FOREIGN KEY (org_id, head_user_id) REFERENCES users (org_id, id);

-- Session and API-key tokens start with their org id, so a lookup is by (org_id, hash).
CREATE TABLE sessions (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  token_hash text NOT NULL,
  user_id uuid NOT NULL,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  ip text,
  user_agent text,
  PRIMARY KEY (org_id, token_hash),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE
);

CREATE TABLE api_keys (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  key_hash text NOT NULL,
  last_four text NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, key_hash),
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
);

CREATE TABLE customers (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL,
  phone text,
  email text CHECK (email = lower(email)),
  external_id text,
  customer_since date,
  tier text,
  preferred_language text NOT NULL DEFAULT 'vi' CHECK (preferred_language IN ('vi', 'en', 'zh')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE UNIQUE INDEX customers_phone_key ON customers (org_id, phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX customers_email_key ON customers (org_id, email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX customers_external_key ON customers (org_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX customers_search_idx ON customers USING gin (ombud_fold(name) gin_trgm_ops);

CREATE TABLE reasons (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  parent_id uuid,
  code text NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9_.-]{0,63}$'),
  names jsonb NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, code),
  FOREIGN KEY (org_id, parent_id) REFERENCES reasons (org_id, id),
  CHECK (parent_id IS DISTINCT FROM id)
);

-- One row per org and year; incremented inside the complaint's own transaction, so a rolled
-- back intake gives its number back and references have no gaps.
CREATE TABLE complaint_sequences (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (org_id, year)
);

CREATE TABLE complaints (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  reference text NOT NULL,
  status text NOT NULL CHECK (status IN ('new', 'in_progress', 'waiting_customer', 'fixed', 'closed', 'cancelled')),
  channel text NOT NULL CHECK (channel IN ('web', 'email', 'phone', 'chat', 'walk_in', 'social', 'api')),
  reason_id uuid,
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
  product_ref text,
  order_ref text,
  description text NOT NULL,
  ask_text text,
  ask_amount bigint CHECK (ask_amount IS NULL OR ask_amount >= 0),
  ask_currency text CHECK (ask_currency IS NULL OR ask_currency ~ '^[A-Z]{3}$'),
  language text NOT NULL CHECK (language IN ('vi', 'en', 'zh')),
  customer_id uuid NOT NULL,
  intake_agent_id uuid,
  owner_id uuid,
  confirmed_fact_version integer,
  acknowledged_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  search_text text NOT NULL DEFAULT '',
  -- Folded once on write, so a search rechecks plain text instead of calling unaccent per row.
  search_folded text GENERATED ALWAYS AS (ombud_fold(search_text)) STORED,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, reference),
  FOREIGN KEY (org_id, reason_id) REFERENCES reasons (org_id, id),
  FOREIGN KEY (org_id, customer_id) REFERENCES customers (org_id, id),
  FOREIGN KEY (org_id, intake_agent_id) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, owner_id) REFERENCES users (org_id, id),
  CHECK ((ask_amount IS NULL) = (ask_currency IS NULL))
);
CREATE INDEX complaints_queue_idx ON complaints (org_id, created_at DESC);
CREATE INDEX complaints_owner_idx ON complaints (org_id, owner_id, created_at DESC);
CREATE INDEX complaints_status_idx ON complaints (org_id, status, created_at DESC);
CREATE INDEX complaints_customer_idx ON complaints (org_id, customer_id);
CREATE INDEX complaints_search_idx ON complaints USING gin (search_folded gin_trgm_ops);

-- The customer's private links. A link is never rotated away: each message may carry a new
-- one, and every link that was sent keeps working unless revoked.
CREATE TABLE tracking_links (
  org_id uuid NOT NULL,
  token_hash text NOT NULL,
  complaint_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  revoked_at timestamptz,
  PRIMARY KEY (org_id, token_hash),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE
);

-- Step 2: every edit of the facts is a new version; the confirmed one is never changed.
CREATE TABLE complaint_fact_versions (
  org_id uuid NOT NULL,
  complaint_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  what_happened text NOT NULL,
  occurred_at timestamptz,
  product_ref text,
  order_ref text,
  ask_text text NOT NULL,
  ask_amount bigint CHECK (ask_amount IS NULL OR ask_amount >= 0),
  ask_currency text CHECK (ask_currency IS NULL OR ask_currency ~ '^[A-Z]{3}$'),
  created_by uuid,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  confirmed_at timestamptz,
  confirmation_via text CHECK (confirmation_via IN ('portal', 'verbal')),
  confirmed_by text,
  confirmation_method text CHECK (confirmation_method IN ('portal', 'phone', 'in_person', 'chat', 'other')),
  confirmation_note text,
  PRIMARY KEY (org_id, complaint_id, version),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
);
ALTER TABLE complaints
  ADD FOREIGN KEY (org_id, id, confirmed_fact_version)
  REFERENCES complaint_fact_versions (org_id, complaint_id, version) DEFERRABLE INITIALLY DEFERRED;

-- The timeline: append-only, and the audit trail of every complaint.
CREATE TABLE complaint_events (
  org_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  complaint_id uuid NOT NULL,
  type text NOT NULL,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'customer', 'system', 'api')),
  actor_id uuid,
  actor_name text,
  visibility text NOT NULL CHECK (visibility IN ('public', 'internal')),
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE
);
CREATE INDEX complaint_events_complaint_idx ON complaint_events (org_id, complaint_id, id);

CREATE FUNCTION ombud_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER complaint_events_append_only BEFORE UPDATE ON complaint_events
  FOR EACH ROW EXECUTE FUNCTION ombud_forbid_change();

CREATE TABLE attachments (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  complaint_id uuid NOT NULL,
  filename text NOT NULL,
  content_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  uploaded_by_type text NOT NULL CHECK (uploaded_by_type IN ('user', 'customer', 'api', 'system')),
  uploaded_by_id uuid,
  is_public boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE
);
CREATE INDEX attachments_complaint_idx ON attachments (org_id, complaint_id);

CREATE TABLE message_templates (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  step text NOT NULL CHECK (step IN ('thank', 'readback', 'apologise')),
  language text NOT NULL CHECK (language IN ('vi', 'en', 'zh')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  subject text NOT NULL DEFAULT '',
  body text NOT NULL,
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, step, language, name)
);

-- Outgoing mail is rendered in the transaction that causes it; the job only delivers it.
CREATE TABLE outgoing_messages (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  complaint_id uuid,
  kind text NOT NULL CHECK (kind IN ('acknowledgement', 'readback', 'message', 'notice')),
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  status text NOT NULL CHECK (status IN ('queued', 'sent', 'kept', 'failed')),
  transport text,
  message_id text,
  error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, complaint_id) REFERENCES complaints (org_id, id) ON DELETE CASCADE
);
CREATE INDEX outgoing_messages_recent_idx ON outgoing_messages (org_id, created_at DESC);

CREATE TABLE idempotency_keys (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, key)
);

-- Who changed what outside complaints (users, departments, reasons, templates, keys, settings).
CREATE TABLE audit_log (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id bigint GENERATED ALWAYS AS IDENTITY,
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'api', 'system')),
  actor_id uuid,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX audit_log_entity_idx ON audit_log (org_id, entity_type, entity_id);
CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION ombud_forbid_change();

-- The transactional outbox. org_id is null only for system-wide work.
CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id uuid REFERENCES orgs (id) ON DELETE CASCADE,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  dedupe_key text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'dead')),
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 8,
  locked_by text,
  locked_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE UNIQUE INDEX jobs_dedupe_key ON jobs (org_id, kind, dedupe_key) NULLS NOT DISTINCT WHERE dedupe_key IS NOT NULL;
CREATE INDEX jobs_ready_idx ON jobs (run_at) WHERE status = 'pending';
CREATE INDEX jobs_running_idx ON jobs (locked_until) WHERE status = 'running';
