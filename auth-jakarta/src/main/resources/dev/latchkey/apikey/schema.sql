-- Latchkey API keys (PostgreSQL, H2). Only SHA-256/HMAC-SHA-256 hashes of keys are stored, never the keys.
CREATE TABLE IF NOT EXISTS latchkey_api_keys (
    key_id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    key_hash            CHAR(64)      NOT NULL,
    environment         VARCHAR(32)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    scopes              VARCHAR(4000) NOT NULL DEFAULT '',
    caller_groups       VARCHAR(4000) NOT NULL DEFAULT '',
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    rotated_from        VARCHAR(64),
    replaced_by         VARCHAR(64),
    grace_until         TIMESTAMP WITH TIME ZONE,
    last_used_at        TIMESTAMP WITH TIME ZONE,
    rate_limit          VARCHAR(64)
);
CREATE UNIQUE INDEX IF NOT EXISTS latchkey_api_keys_hash ON latchkey_api_keys (key_hash);
