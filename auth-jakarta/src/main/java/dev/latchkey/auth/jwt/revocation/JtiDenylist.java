package dev.latchkey.auth.jwt.revocation;

import java.time.Instant;

/**
 * Revoked token ids. A JWT is self-contained, so revoking one before its {@code exp} needs a list of revoked
 * {@code jti} values (RFC 7519 §4.1.7: unique per issuer), consulted on every request, cached or not.
 *
 * <p>Replace the in-memory default with a shared store (database, Redis) for a cluster by declaring another
 * {@code @ApplicationScoped} implementation as an enabled {@code @Alternative}.
 */
public interface JtiDenylist {

    /**
     * Whether the token is revoked. An implementation that cannot answer (store down) must throw
     * {@code AuthenticationFailure(AuthError.unavailable(...))}, never answer {@code false}.
     */
    boolean isRevoked(String issuer, String jti);

    /** Revokes a token until {@code expiresAt}, after which it is refused as expired anyway. */
    void revoke(String issuer, String jti, Instant expiresAt);
}
