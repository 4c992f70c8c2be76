-- Typed jobs, table ownership and the sessions of changed credentials.

-- A job is a name and a version; the worker parses its payload with that version's schema and
-- moves anything it cannot run to dead, with the reason.
ALTER TABLE jobs ADD COLUMN version smallint NOT NULL DEFAULT 1;

-- Coalescing work (e.g. "recompute this org's clocks"): at most one such job waits per key.
-- Unlike dedupe_key, which is used once ever, a key can be queued again once its job has started.
ALTER TABLE jobs ADD COLUMN coalesce_key text;
CREATE UNIQUE INDEX jobs_coalesce_key ON jobs (org_id, kind, coalesce_key) NULLS NOT DISTINCT
  WHERE coalesce_key IS NOT NULL AND status = 'pending';

-- A session is valid only while the person's credentials are those it was opened with: a new
-- password counts the version up, and every older session stops working at once. The org module
-- owns users and counts; the auth module compares when it reads a session.
ALTER TABLE users ADD COLUMN credentials_version integer NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN credentials_version integer NOT NULL DEFAULT 0;

-- The department the case is promised on behalf of (the latest commitment's), kept on the
-- complaint so that a department's queue is one indexed query on the complaints table.
ALTER TABLE complaints ADD COLUMN committed_department_id uuid,
  ADD FOREIGN KEY (org_id, committed_department_id) REFERENCES departments (org_id, id);
UPDATE complaints c SET committed_department_id = m.department_id
FROM (
  SELECT DISTINCT ON (org_id, complaint_id) org_id, complaint_id, department_id
  FROM commitments ORDER BY org_id, complaint_id, sequence DESC
) m
WHERE m.org_id = c.org_id AND m.complaint_id = c.id AND m.department_id IS NOT NULL;
CREATE INDEX complaints_committed_department_idx ON complaints (org_id, committed_department_id)
  WHERE committed_department_id IS NOT NULL;
