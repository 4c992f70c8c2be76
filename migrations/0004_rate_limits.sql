-- Counters that every app process shares, owned by the platform. Both tables are UNLOGGED: they
-- write no WAL (a hit is one cheap upsert) and survive a clean restart; only a crash of
-- PostgreSQL empties them, which forgives every client once and loses nothing of the business.

-- Rate limits: one row per key (route and client address) holding its current fixed window,
-- which opens with the key's first request and lasts until `expires_at`. `hits` counts the
-- requests let through; on routes with a separate budget for refused input, those requests are
-- moved to `invalid_hits`. The processes delete rows whose window has ended.
CREATE UNLOGGED TABLE rate_limits (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL DEFAULT 0,
  invalid_hits integer NOT NULL DEFAULT 0,
  expires_at timestamptz NOT NULL
);
CREATE INDEX rate_limits_expires_idx ON rate_limits (expires_at);

-- Open live-update streams (server-sent events), one row each, so that a limit per session holds
-- across processes. A stream renews `expires_at` while it is open and deletes its row when it
-- closes; the row of a process that died stops counting once it expires.
CREATE UNLOGGED TABLE live_streams (
  id uuid PRIMARY KEY,
  holder text NOT NULL,
  opened_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX live_streams_holder_idx ON live_streams (holder, expires_at);
CREATE INDEX live_streams_expires_idx ON live_streams (expires_at);
