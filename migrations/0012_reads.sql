-- The work queue by due time reads its page from the index alone: the owner rides along in the
-- index, so "mine and nobody's" (an agent's default queue) filters index entries instead of
-- fetching every open case of the org from the table. It replaces complaints_due_idx, which it
-- covers.
CREATE INDEX complaints_due_owner_idx ON complaints (org_id, next_due_at NULLS LAST, id)
  INCLUDE (owner_id) WHERE status NOT IN ('closed', 'cancelled');
DROP INDEX complaints_due_idx;
