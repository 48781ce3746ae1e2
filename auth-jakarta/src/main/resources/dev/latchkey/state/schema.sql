-- Latchkey's shared state on PostgreSQL (latchkey.state.store=jdbc), run at start-up unless
-- latchkey.state.jdbc.init-schema=false. Idempotent.
-- Token buckets: Bucket4j state (its own encoding), replaced by compare-and-swap, expires_at in epoch millis.
CREATE TABLE IF NOT EXISTS latchkey_state_buckets (id VARCHAR(512) PRIMARY KEY, state BYTEA, expires_at BIGINT);
CREATE INDEX IF NOT EXISTS latchkey_state_buckets_expiry ON latchkey_state_buckets (expires_at);
-- Expiring values: lockout counters, revoked token ids, single-use ids (expires_at: epoch millis).
CREATE TABLE IF NOT EXISTS latchkey_state_values (id VARCHAR(512) PRIMARY KEY, value VARCHAR(512) NOT NULL,
    expires_at BIGINT NOT NULL);
CREATE INDEX IF NOT EXISTS latchkey_state_values_expiry ON latchkey_state_values (expires_at);
