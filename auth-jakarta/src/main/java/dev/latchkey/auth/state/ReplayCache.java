package dev.latchkey.auth.state;

import java.time.Duration;
import java.time.Instant;

/**
 * Single-use identifiers: a DPoP proof's {@code jti} (RFC 9449 §11.1), an HTTP message signature's {@code nonce}
 * (RFC 9421 §7.2.2). An identifier is remembered until it would be refused anyway (its proof or signature expired),
 * so the cache holds only what can still be replayed.
 *
 * <p>Where the state lives ({@code latchkey.state.store}: memory, or a store shared by every instance) is the
 * implementation's business; a store that cannot answer throws
 * {@link dev.latchkey.auth.error.AuthenticationFailure} with a 503 error (never "replayed", never "first use").
 */
public interface ReplayCache {

    /**
     * Records {@code id} in {@code namespace} until {@code expiresAt}, atomically.
     *
     * @param namespace what the identifier belongs to, e.g. {@code dpop} or {@code signature} (whose ids are hashes
     *                  of key id and nonce)
     * @return true when this is the identifier's first use, false when it was seen before and has not expired
     */
    boolean firstUse(String namespace, String id, Instant expiresAt);

    /**
     * How long to remember an identifier whose credential is accepted up to and including {@code windowEnd}: the
     * window, plus {@code clockSkew} (another instance, a Redis expiry or a JDBC cleaner whose clock differs by up to
     * the skew still sees it), plus one second (past the window's last instant, so that a replay at that instant is
     * refused).
     */
    static Instant keepUntil(Instant windowEnd, Duration clockSkew) {
        return windowEnd.plus(clockSkew).plusSeconds(1);
    }

    /**
     * {@link #firstUse(String, String, Instant)} for an identifier of {@code client} (a DPoP key thumbprint, a
     * signature key id): the in-memory cache bounds the identifiers one client holds ({@link MemoryReplayCache}).
     *
     * @throws dev.latchkey.auth.error.AuthenticationFailure 429 when {@code client} holds its quota
     */
    default boolean firstUse(String namespace, String client, String id, Instant expiresAt) {
        return firstUse(namespace, id, expiresAt);
    }
}
