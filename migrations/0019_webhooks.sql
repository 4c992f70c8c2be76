-- Signed webhooks: an org's endpoints subscribe to events, and each event becomes one delivery
-- per matching endpoint, written in the transaction of the event (with its job). Deliveries are
-- retried with backoff for a day; an endpoint that keeps failing is switched off and the org's
-- admins are told.

CREATE TABLE webhook_endpoints (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  url text NOT NULL CHECK (length(url) <= 2000),
  description text NOT NULL DEFAULT '',
  events text[] NOT NULL,
  is_enabled boolean NOT NULL DEFAULT true,
  -- Loopback and private networks are refused unless an admin says the endpoint lives there.
  allow_private boolean NOT NULL DEFAULT false,
  -- The signing secret as given to the receiver (`whsec_…`). It is kept as it is, not hashed:
  -- every delivery is signed with it, so the server must be able to read it back.
  secret text NOT NULL,
  max_consecutive_failures integer NOT NULL DEFAULT 15
    CHECK (max_consecutive_failures BETWEEN 1 AND 1000),
  consecutive_failures integer NOT NULL DEFAULT 0,
  disabled_at timestamptz,
  disabled_reason text CHECK (disabled_reason IN ('manual', 'failures')),
  secret_rotated_at timestamptz,
  -- After a rotation the old secret signs beside the new one for a day, so that a receiver can
  -- switch without losing deliveries.
  previous_secret text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX webhook_endpoints_events_idx ON webhook_endpoints USING gin (events)
  WHERE is_enabled;

-- Intake keeps what an org subscribes to with the rest of its configuration (0011): adding,
-- removing, switching and re-subscribing an endpoint moves the version; counting failures does not.
CREATE TRIGGER webhook_endpoints_config_version AFTER INSERT OR DELETE ON webhook_endpoints
  FOR EACH ROW EXECUTE FUNCTION ombud_bump_config_version();
CREATE TRIGGER webhook_endpoints_config_version_update AFTER UPDATE OF events, is_enabled
  ON webhook_endpoints FOR EACH ROW EXECUTE FUNCTION ombud_bump_config_version();

CREATE TABLE webhook_deliveries (
  org_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  endpoint_id uuid NOT NULL,
  -- The event's id (`webhook-id`): the same for every endpoint and every attempt.
  event_id uuid NOT NULL,
  type text NOT NULL,
  -- The exact JSON body that is signed and sent.
  body text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_attempt_at timestamptz,
  last_status_code integer,
  last_latency_ms integer,
  -- The start of the answer (at most 1 KB), or why there was none.
  last_response text CHECK (length(last_response) <= 1024),
  last_error text,
  next_attempt_at timestamptz,
  -- Retries stop a day after this (the first try, or the last "send again").
  retry_window_started_at timestamptz NOT NULL,
  is_test boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz,
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, endpoint_id) REFERENCES webhook_endpoints (org_id, id) ON DELETE CASCADE
);
CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries (org_id, endpoint_id, created_at DESC);

ALTER TABLE notices DROP CONSTRAINT notices_kind_check;
ALTER TABLE notices ADD CONSTRAINT notices_kind_check CHECK (kind IN (
  'sla_warning', 'sla_breach', 'escalation', 'deadline_request', 'deadline_answer',
  'commitment_due', 'follow_up', 'early_escalation',
  'problem_action_warning', 'problem_action_overdue', 'problem_action_escalation',
  'problem_recurred', 'problem_ready_to_close', 'webhook_disabled'));
