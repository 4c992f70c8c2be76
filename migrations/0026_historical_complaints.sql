-- Historical complaints brought in from a file (CSV or Excel): the source system's case id,
-- unique per org, so a re-run of the same file finds the case it made; and when it came in.
-- An imported case runs no SLA clocks (its clocks would only warn and escalate for the past).

ALTER TABLE complaints
  ADD COLUMN external_id text CHECK (external_id IS NULL OR length(external_id) BETWEEN 1 AND 200),
  ADD COLUMN imported_at timestamptz,
  ADD CHECK ((external_id IS NULL) = (imported_at IS NULL));
CREATE UNIQUE INDEX complaints_external_id_idx ON complaints (org_id, external_id)
  WHERE external_id IS NOT NULL;

ALTER TABLE imports DROP CONSTRAINT imports_kind_check;
ALTER TABLE imports ADD CONSTRAINT imports_kind_check
  CHECK (kind IN ('customers', 'orders', 'subscription_events', 'referrals', 'complaints'));
