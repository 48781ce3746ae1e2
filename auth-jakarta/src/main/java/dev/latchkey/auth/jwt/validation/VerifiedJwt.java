package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jwt.JWTClaimsSet;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A JWT whose signature and claims have been verified.
 *
 * @param rawToken  the compact token, for {@code JsonWebToken.getRawToken()} only: never log it
 * @param claims    the verified claims
 * @param issuer    the name of the matching issuer configuration
 * @param expiresAt the {@code exp} instant
 */
public record VerifiedJwt(String rawToken, JWTClaimsSet claims, String issuer, Instant expiresAt) {

    public VerifiedJwt {
        Objects.requireNonNull(rawToken, "rawToken");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The {@code jti} (RFC 7519 §4.1.7), used as the non-secret credential id in audit logs. */
    public Optional<String> jti() {
        return Optional.ofNullable(claims.getJWTID());
    }

    VerifiedJwt withRawToken(String token) {
        return new VerifiedJwt(token, claims, issuer, expiresAt);
    }

    /** Never prints the token or the claims. */
    @Override
    public String toString() {
        return "VerifiedJwt[issuer=" + issuer + ", jti=" + jti().orElse("-") + ", exp=" + expiresAt + "]";
    }
}
