-- Escalation delays have a unit, business time by default. The levels saved before were minutes
-- of elapsed time (afterMinutes); they keep exactly that meaning as calendar minutes.
UPDATE sla_policies p SET escalation = coalesce((
  SELECT jsonb_agg(
    CASE WHEN step ? 'unit' THEN step
      ELSE jsonb_build_object(
        'level', step -> 'level',
        'amount', coalesce(step -> 'afterMinutes', '0'::jsonb),
        'unit', 'calendar_minutes')
    END ORDER BY n)
  FROM jsonb_array_elements(p.escalation) WITH ORDINALITY AS e (step, n)
), '[]'::jsonb);
ALTER TABLE sla_policies ALTER COLUMN escalation SET DEFAULT
  '[{"level":1,"amount":0,"unit":"business_minutes"},{"level":2,"amount":4,"unit":"business_hours"}]';

-- A regulatory preset is an overlay: its legal clocks run on top of whichever operational policy
-- applies to a complaint, for every severity, and several can be on at once. One row per org and
-- preset; `targets` are the preset's clocks as the org runs them, `day_count` where the last of n
-- working days ends (for the presets counted in working days).
CREATE TABLE sla_overlays (
  org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
  preset text NOT NULL CHECK (length(preset) BETWEEN 1 AND 100),
  calendar_id uuid NOT NULL,
  targets jsonb NOT NULL,
  day_count text CHECK (day_count IN ('end_of_day', 'same_time')),
  is_active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, preset),
  FOREIGN KEY (org_id, calendar_id) REFERENCES calendars (org_id, id)
);

-- A legal clock and an operational clock of the same kind coexist: the source ('policy', or the
-- preset's code) is part of the key. Stored clocks so far were all the policy's.
ALTER TABLE complaint_clocks ADD COLUMN source text NOT NULL DEFAULT 'policy'
  CHECK (length(source) BETWEEN 1 AND 100);
ALTER TABLE complaint_clocks DROP CONSTRAINT complaint_clocks_pkey,
  ADD PRIMARY KEY (org_id, complaint_id, source, clock);

-- Switching a preset on used to create a whole policy. Each such policy becomes the org's overlay
-- of its preset, with the policy's calendar, its targets for the preset's clocks (an admin may
-- have lengthened one, e.g. 35 business days for payment services) and the reading it ran on (the
-- same time of day). When it was as switching the preset on made it (only the preset's clocks,
-- matching every complaint), the policy is switched off: the overlay replaces it, and its cases
-- go back to the operational policies with the legal clock on top. A policy an admin widened keeps
-- running as it is. Nothing is deleted. Of several policies of one preset, the active one first.
CREATE TEMPORARY TABLE preset_clocks (code text PRIMARY KEY, kinds text[] NOT NULL, targets jsonb NOT NULL)
  ON COMMIT DROP;
INSERT INTO preset_clocks VALUES
  ('vn-law-19-2023', '{commitment}', '{"commitment":{"amount":7,"unit":"business_days"}}'),
  ('uk-fca-disp-summary', '{fix}', '{"fix":{"amount":3,"unit":"close_of_business_days"}}'),
  ('uk-fca-disp-final', '{fix}', '{"fix":{"amount":8,"unit":"calendar_weeks"}}'),
  ('uk-psr-payment-services', '{fix}', '{"fix":{"amount":15,"unit":"business_days"}}'),
  ('us-cfpb', '{first_response,fix}',
    '{"first_response":{"amount":15,"unit":"calendar_days"},"fix":{"amount":60,"unit":"calendar_days"}}'),
  ('au-asic-rg271', '{acknowledge,fix}',
    '{"acknowledge":{"amount":24,"unit":"calendar_hours"},"fix":{"amount":30,"unit":"calendar_days"}}');

INSERT INTO sla_overlays (org_id, preset, calendar_id, targets, day_count, is_active, created_at, updated_at)
SELECT DISTINCT ON (p.org_id, p.preset)
  p.org_id, p.preset, p.calendar_id,
  coalesce(
    (SELECT jsonb_object_agg(t.key, t.value) FROM jsonb_each(p.targets) t WHERE t.key = ANY (c.kinds)),
    c.targets),
  CASE WHEN p.preset IN ('vn-law-19-2023', 'uk-psr-payment-services') THEN 'same_time' END,
  p.is_active, p.created_at, p.updated_at
FROM sla_policies p JOIN preset_clocks c ON c.code = p.preset
ORDER BY p.org_id, p.preset, p.is_active DESC, p.priority, p.updated_at DESC;

UPDATE sla_policies p SET is_active = false, updated_at = now()
FROM preset_clocks c
WHERE c.code = p.preset AND p.is_active
  AND cardinality(p.match_reason_ids) = 0 AND cardinality(p.match_severities) = 0
  AND cardinality(p.match_channels) = 0 AND cardinality(p.match_tiers) = 0
  AND NOT EXISTS (SELECT 1 FROM jsonb_object_keys(p.targets) k WHERE k <> ALL (c.kinds));

-- The stored due times of those orgs' open cases are stale now: recompute them (the job the app
-- sets after a policy change).
INSERT INTO jobs (org_id, kind, version, payload, run_at, coalesce_key)
SELECT DISTINCT o.org_id, 'sla.recompute-org', 1, jsonb_build_object('orgId', o.org_id), now(), 'all'
FROM sla_overlays o
ON CONFLICT DO NOTHING;

-- Names in vi, en and zh: task types, SLA policies and calendars are read by customers and
-- colleagues. `names` holds one per language (as reasons do); a language left out shows the
-- name in the org's default language, which `name` keeps. A saved name becomes the default
-- language's. The names a new org started with also get their other languages.
CREATE TEMPORARY TABLE shipped_names (name text PRIMARY KEY, names jsonb NOT NULL) ON COMMIT DROP;
INSERT INTO shipped_names VALUES
  ('Tiêu chuẩn', '{"vi":"Tiêu chuẩn","en":"Standard","zh":"标准"}'),
  ('Khẩn cấp', '{"vi":"Khẩn cấp","en":"Urgent","zh":"紧急"}'),
  ('Giờ hành chính', '{"vi":"Giờ hành chính","en":"Office hours","zh":"办公时间"}');

ALTER TABLE task_types ADD COLUMN names jsonb;
ALTER TABLE sla_policies ADD COLUMN names jsonb;
ALTER TABLE calendars ADD COLUMN names jsonb;
UPDATE task_types t SET names = jsonb_build_object(
  (SELECT o.default_language FROM orgs o WHERE o.id = t.org_id), t.name);
UPDATE sla_policies p SET names =
  coalesce((SELECT s.names FROM shipped_names s WHERE s.name = p.name), '{}'::jsonb)
  || jsonb_build_object((SELECT o.default_language FROM orgs o WHERE o.id = p.org_id), p.name);
UPDATE calendars c SET names =
  coalesce((SELECT s.names FROM shipped_names s WHERE s.name = c.name), '{}'::jsonb)
  || jsonb_build_object((SELECT o.default_language FROM orgs o WHERE o.id = c.org_id), c.name);
ALTER TABLE task_types ALTER COLUMN names SET NOT NULL;
ALTER TABLE sla_policies ALTER COLUMN names SET NOT NULL;
ALTER TABLE calendars ALTER COLUMN names SET NOT NULL;
