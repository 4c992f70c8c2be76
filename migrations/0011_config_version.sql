-- Each org's configuration has a version: any change to its reasons, templates, SLA policies,
-- calendars or regulatory overlays moves it, whoever writes (the app, the CLI, SQL by hand). A
-- process may keep what it read of that configuration for as long as the version stays the same.
ALTER TABLE orgs ADD COLUMN config_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION ombud_bump_config_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE orgs SET config_version = config_version + 1 WHERE id = OLD.org_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE orgs SET config_version = config_version + 1
    WHERE id = NEW.org_id AND (TG_OP = 'INSERT' OR NEW.org_id IS DISTINCT FROM OLD.org_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER reasons_config_version AFTER INSERT OR UPDATE OR DELETE ON reasons
  FOR EACH ROW EXECUTE FUNCTION ombud_bump_config_version();
CREATE TRIGGER message_templates_config_version AFTER INSERT OR UPDATE OR DELETE ON message_templates
  FOR EACH ROW EXECUTE FUNCTION ombud_bump_config_version();
CREATE TRIGGER sla_policies_config_version AFTER INSERT OR UPDATE OR DELETE ON sla_policies
  FOR EACH ROW EXECUTE FUNCTION ombud_bump_config_version();
CREATE TRIGGER calendars_config_version AFTER INSERT OR UPDATE OR DELETE ON calendars
  FOR EACH ROW EXECUTE FUNCTION ombud_bump_config_version();
CREATE TRIGGER sla_overlays_config_version AFTER INSERT OR UPDATE OR DELETE ON sla_overlays
  FOR EACH ROW EXECUTE FUNCTION ombud_bump_config_version();
