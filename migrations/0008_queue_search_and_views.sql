-- The queue tells the truth: search finds what agents type and ranks it, new complaints nobody
-- owns are visible, and each person keeps their own saved views of the queue.

-- Folding for search: đ/Đ become d whatever the server's unaccent rules say about them (the
-- bundled rules already map them, and drop the combining marks of text typed in decomposed
-- form, so the stored folded values do not change). The customer index is rebuilt all the
-- same, in case this server's rules differ.
CREATE OR REPLACE FUNCTION ombud_fold(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT translate(lower(public.unaccent('public.unaccent'::regdictionary, value)), 'đð', 'dd') $$;
REINDEX INDEX customers_search_idx;

-- Names other modules file a complaint under, by source (the task types it was promised as),
-- so its search text can be rebuilt without asking them.
ALTER TABLE complaints ADD COLUMN search_names jsonb NOT NULL DEFAULT '{}';
UPDATE complaints c SET search_names = jsonb_build_object('taskTypes', t.names)
FROM (
  SELECT m.org_id, m.complaint_id, jsonb_agg(DISTINCT tt.name) AS names
  FROM commitments m
  JOIN task_types tt ON tt.org_id = m.org_id AND tt.id = m.task_type_id
  GROUP BY m.org_id, m.complaint_id
) t
WHERE c.org_id = t.org_id AND c.id = t.complaint_id;

-- The search text now has sections (who, what kind, what happened) and the reason's names in
-- every language: a background job per org rebuilds every complaint's text in batches.
INSERT INTO jobs (org_id, kind, version, payload, run_at, coalesce_key, priority)
SELECT id, 'complaint.search-refresh', 1, jsonb_build_object('orgId', id), now(), 'all', 8
FROM orgs
ON CONFLICT DO NOTHING;

-- Finding the complaints of a reason (its names changed; the queue's reason filter). Few keys,
-- so deduplication keeps it small.
CREATE INDEX complaints_reason_idx ON complaints (org_id, reason_id) WHERE reason_id IS NOT NULL;

-- A person's saved views of the queue: a name and the filters and sort, one of them the
-- default. Nobody else sees them.
CREATE TABLE saved_views (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  query jsonb NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, user_id, name),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX saved_views_one_default ON saved_views (org_id, user_id) WHERE is_default;
