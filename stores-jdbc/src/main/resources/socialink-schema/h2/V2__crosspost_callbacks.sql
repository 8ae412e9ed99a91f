-- Socialink stores, schema version 2, H2: cross-post rules, cursors and journal; the callback
-- intake's delivery records and data deletions; grants found by account across owners.
-- ${table_prefix} is a Flyway placeholder, as in V1. Nothing here is a secret: no column is encrypted.

-- The callback intake finds an account's grants of every owner.
CREATE INDEX ${table_prefix}grants_any_owner ON ${table_prefix}grants (platform_id, account_user_id);

-- Hashtag lists are space-separated (a hashtag has no spaces); content types are enum names.
CREATE TABLE ${table_prefix}crosspost_rules (
  owner_id          VARCHAR(255)  NOT NULL,
  link_id           VARCHAR(255)  NOT NULL,
  content_types     VARCHAR(255)  NOT NULL,
  caption_prefix    VARCHAR       NOT NULL,
  caption_suffix    VARCHAR       NOT NULL,
  caption_hashtags  VARCHAR       NOT NULL,
  caption_link_back BOOLEAN       NOT NULL,
  include_hashtags  VARCHAR       NOT NULL,
  exclude_hashtags  VARCHAR       NOT NULL,
  backfill          INT           NOT NULL,
  page_size         INT           NOT NULL,
  PRIMARY KEY (owner_id, link_id)
);

CREATE TABLE ${table_prefix}crosspost_cursors (
  owner_id       VARCHAR(255) NOT NULL,
  link_id        VARCHAR(255) NOT NULL,
  last_item_id   VARCHAR(255) NOT NULL,
  last_timestamp TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  PRIMARY KEY (owner_id, link_id)
);

-- One row per source item of a link; replaced as the item moves from IN_FLIGHT to its outcome.
CREATE TABLE ${table_prefix}crosspost_entries (
  owner_id         VARCHAR(255) NOT NULL,
  link_id          VARCHAR(255) NOT NULL,
  source_item_id   VARCHAR(255) NOT NULL,
  source_timestamp TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  state            VARCHAR(32)  NOT NULL,
  target_post_id   VARCHAR(255),
  post_text        VARCHAR      NOT NULL,
  reason           VARCHAR,
  updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  PRIMARY KEY (owner_id, link_id, source_item_id)
);

-- Keyed by the SHA-256 of platform and delivery id, so that a long delivery id fits the key; the
-- primary key makes one insert of a delivery win across processes.
CREATE TABLE ${table_prefix}callback_deliveries (
  delivery_key VARCHAR(64)  NOT NULL PRIMARY KEY,
  platform_id  VARCHAR(64)  NOT NULL,
  delivery_id  VARCHAR      NOT NULL,
  received_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX ${table_prefix}callback_deliveries_received ON ${table_prefix}callback_deliveries (received_at);

-- owner_ids: each owner id URL-encoded and followed by ';', in order.
CREATE TABLE ${table_prefix}data_deletions (
  confirmation_code VARCHAR(64)   NOT NULL PRIMARY KEY,
  platform_id       VARCHAR(64)   NOT NULL,
  user_id           VARCHAR(255)  NOT NULL,
  owner_ids         VARCHAR       NOT NULL,
  status            VARCHAR(32)   NOT NULL,
  requested_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
  status_url        VARCHAR(2048) NOT NULL
);

INSERT INTO ${table_prefix}schema_version (version, description, installed_at)
  VALUES (2, 'crosspost_callbacks', CURRENT_TIMESTAMP);
