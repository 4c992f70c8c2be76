-- Commerce data brought in from a file (CSV or Excel) and the answers kept for retried bulk
-- requests. An import keeps its file, so that a worker that restarts reads it again and goes on
-- from the last row it committed (rows_done): each batch of rows and its progress commit
-- together.

CREATE TABLE imports (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('customers', 'orders', 'subscription_events', 'referrals')),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  file_format text NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
  content bytea NOT NULL,
  -- The column names as the file writes them, and which field each one fills.
  columns jsonb NOT NULL,
  mapping jsonb NOT NULL,
  -- The language the refusals are written in: the one of the person who uploaded the file.
  language text NOT NULL CHECK (language IN ('vi', 'en', 'zh')),
  status text NOT NULL CHECK (status IN ('uploaded', 'queued', 'running', 'done', 'failed')),
  total_rows integer NOT NULL CHECK (total_rows >= 0),
  rows_done integer NOT NULL DEFAULT 0 CHECK (rows_done >= 0),
  created_count integer NOT NULL DEFAULT 0,
  updated_count integer NOT NULL DEFAULT 0,
  unchanged_count integer NOT NULL DEFAULT 0,
  refused_count integer NOT NULL DEFAULT 0,
  -- The first refused rows with their reasons (capped), for the summary.
  refusals jsonb NOT NULL DEFAULT '[]',
  failure text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id)
);
CREATE INDEX imports_recent_idx ON imports (org_id, created_at DESC);

CREATE TABLE commerce_idempotency_keys (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  -- The endpoint and the body the key was first used with.
  request_hash text NOT NULL,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, key)
);
