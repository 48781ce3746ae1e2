package dev.latchkey.auth.jwt.validation;

import com.nimbusds.jwt.JWTClaimsSet;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A JWT whose signature and claims have been verified. The copies handed out for later requests presenting the same
 * token (cache hits) share the claims and the {@link #derived derived value}, but each carries its own raw token.
 */
public final class VerifiedJwt {

    /** The confirmation claim (RFC 7800 §3.1). */
    static final String CNF = "cnf";

    private final String rawToken;
    private final JWTClaimsSet claims;
    /** Read from the claims once: every request presenting the token checks them (denylist, binding). */
    private final String jti;
    private final String tokenIssuer;
    private final Object confirmation;
    private final String issuer;
    private final Instant expiresAt;
    private final AtomicReference<Derived> derived;

    private record Derived(Object owner, Object value) {
    }

    /**
     * @param rawToken  the compact token, for {@code JsonWebToken.getRawToken()} only: never log it
     * @param claims    the verified claims
     * @param issuer    the name of the matching issuer configuration
     * @param expiresAt the {@code exp} instant
     */
    public VerifiedJwt(String rawToken, JWTClaimsSet claims, String issuer, Instant expiresAt) {
        this(rawToken, Objects.requireNonNull(claims, "claims"), claims.getJWTID(), claims.getIssuer(),
                claims.getClaim(CNF), issuer, expiresAt, new AtomicReference<>());
    }

    private VerifiedJwt(String rawToken, JWTClaimsSet claims, String jti, String tokenIssuer, Object confirmation,
                        String issuer, Instant expiresAt, AtomicReference<Derived> derived) {
        this.rawToken = Objects.requireNonNull(rawToken, "rawToken");
        this.claims = claims;
        this.jti = jti;
        this.tokenIssuer = tokenIssuer;
        this.confirmation = confirmation;
        this.issuer = issuer;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.derived = derived;
    }

    /** The compact token. Secret: do not log it. */
    public String rawToken() {
        return rawToken;
    }

    public JWTClaimsSet claims() {
        return claims;
    }

    public String issuer() {
        return issuer;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    /** The {@code jti} (RFC 7519 §4.1.7) as verified; see {@link JwtVerifier#safeId} before logging it. */
    public Optional<String> jti() {
        return Optional.ofNullable(jti);
    }

    /** The {@code iss} claim as verified. */
    String tokenIssuer() {
        return tokenIssuer;
    }

    /** The {@code cnf} claim as verified, or null ({@link CertificateBinding}). */
    Object confirmation() {
        return confirmation;
    }

    /**
     * A value computed once from the claims by {@code owner} and kept as long as this verification is cached, so that
     * a repeated token is not mapped again. {@code compute} sees the claims only, never the raw token, and its result
     * must be immutable.
     */
    public <T> T derived(Object owner, Class<T> type, Function<JWTClaimsSet, T> compute) {
        Derived current = derived.get();
        if (current != null && current.owner() == owner && type.isInstance(current.value())) {
            return type.cast(current.value());
        }
        T value = compute.apply(claims);
        derived.set(new Derived(owner, value));
        return value;
    }

    VerifiedJwt withRawToken(String token) {
        return new VerifiedJwt(token, claims, jti, tokenIssuer, confirmation, issuer, expiresAt, derived);
    }

    /** Never prints the token or the claims. */
    @Override
    public String toString() {
        return "VerifiedJwt[issuer=" + issuer + ", jti="
                + Objects.requireNonNullElse(JwtVerifier.safeId(claims.getJWTID()), "-") + ", exp=" + expiresAt + "]";
    }
}
