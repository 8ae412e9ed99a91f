-- Socialink store schema, version 4: a grant's attributes (Grant.attributes), provider-specific
-- identity kept with the grant, such as the Facebook user of an Instagram account linked with
-- Facebook Login. Never a secret: stored in plain text, one row per attribute, keyed by owner like
-- every other row.

CREATE TABLE ${table_prefix}grant_attributes (
  owner_id   VARCHAR(255) NOT NULL,
  grant_id   VARCHAR(255) NOT NULL,
  attr_name  VARCHAR(64)  NOT NULL,
  attr_value VARCHAR(255) NOT NULL,
  PRIMARY KEY (owner_id, grant_id, attr_name)
);
-- The callback intake finds grants of every owner by an attribute's value.
CREATE INDEX ${table_prefix}grant_attributes_value ON ${table_prefix}grant_attributes (attr_name, attr_value);

INSERT INTO ${table_prefix}schema_version (version, description, installed_at)
  VALUES (4, 'grant_attributes', CURRENT_TIMESTAMP);
