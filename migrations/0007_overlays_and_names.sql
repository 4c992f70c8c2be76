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
