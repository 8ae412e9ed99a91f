-- Socialink store schema, version 3: why a link is in its state (Link.stateReason), words for a
-- person and never a secret.

ALTER TABLE ${table_prefix}links ADD COLUMN state_reason VARCHAR(1000);

INSERT INTO ${table_prefix}schema_version (version, description, installed_at)
  VALUES (3, 'link_state_reason', CURRENT_TIMESTAMP);
