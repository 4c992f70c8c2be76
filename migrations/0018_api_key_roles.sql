-- A key made for a script or an integration may act as a role (`ombud api-key:create --role`);
-- a key without one keeps the integration permissions it always had.
ALTER TABLE api_keys ADD COLUMN role text
  CHECK (role IS NULL OR role IN ('admin', 'manager', 'agent', 'responder', 'quality'));
