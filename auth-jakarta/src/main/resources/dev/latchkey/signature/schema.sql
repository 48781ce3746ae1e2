-- Latchkey signature keys (PostgreSQL, H2): public keys as JWKs, HMAC secrets sealed (AES-GCM) under the
-- key-encryption key latchkey.signature.kek. No plaintext secret is stored.
CREATE TABLE IF NOT EXISTS latchkey_signature_keys (
    key_id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    client              VARCHAR(200)  NOT NULL,
    algorithm           VARCHAR(32)   NOT NULL,
    public_jwk          VARCHAR(8000),
    sealed_secret       VARCHAR(512),
    scopes              VARCHAR(4000) NOT NULL DEFAULT '',
    caller_groups       VARCHAR(4000) NOT NULL DEFAULT '',
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    rotated_from        VARCHAR(64),
    replaced_by         VARCHAR(64),
    grace_until         TIMESTAMP WITH TIME ZONE
);
