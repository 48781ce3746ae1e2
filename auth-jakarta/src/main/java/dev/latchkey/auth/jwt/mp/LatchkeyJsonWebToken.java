package dev.latchkey.auth.jwt.mp;

import dev.latchkey.auth.jwt.mapping.ClaimValues;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The MicroProfile JWT view of a verified token. Claim values follow MicroProfile JWT 2.1 §5.1.2: standard
 * numeric-date claims as {@link Long}, {@code aud} and {@code groups} as {@code Set<String>}, strings as
 * {@link String}, booleans as {@link Boolean}; other numbers, objects and arrays as JSON-P {@code JsonValue}s.
 * {@code groups} is the caller's groups as mapped from {@code latchkey.jwt.groups-claim}.
 *
 * <p>The raw token is available through {@link #getRawToken()} only; {@link #toString()} never shows it.
 */
public final class LatchkeyJsonWebToken implements JsonWebToken {

    private static final LatchkeyJsonWebToken EMPTY = new LatchkeyJsonWebToken(null, null, Map.of(), Set.of());

    private final String name;
    private final String rawToken;
    private final Map<String, Object> claims;
    private final Set<String> groups;

    /**
     * @param claims an immutable claims map as made by {@link ClaimValues#immutableCopy(Map)}
     */
    public LatchkeyJsonWebToken(String name, String rawToken, Map<String, Object> claims, Set<String> groups) {
        this.name = name;
        this.rawToken = rawToken;
        this.claims = Objects.requireNonNull(claims, "claims");
        this.groups = Set.copyOf(groups);
    }

    /** The token of an unauthenticated request: no name, no claim names ({@code null}), no claims. */
    public static LatchkeyJsonWebToken empty() {
        return EMPTY;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        if (rawToken == null) {
            // MicroProfile JWT 2.1, "Injection of JsonWebToken": the empty token's methods return null
            return null;
        }
        Set<String> names = new LinkedHashSet<>(claims.keySet());
        names.add(Claims.raw_token.name());
        names.add(Claims.groups.name());
        return Set.copyOf(names);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        if (claimName == null) {
            return null;
        }
        if (claimName.equals(Claims.raw_token.name())) {
            return (T) rawToken;
        }
        if (claimName.equals(Claims.groups.name())) {
            return rawToken == null ? null : (T) groups;
        }
        Object value = claims.get(claimName);
        if (value == null) {
            return null;
        }
        Claims standard = standard(claimName);
        if (claimName.equals(Claims.aud.name())) {
            return (T) Set.copyOf(ClaimValues.strings(value));
        }
        if (standard != null && standard.getType() == Long.class && value instanceof Number n) {
            return (T) Long.valueOf(n.longValue());
        }
        if (value instanceof String || value instanceof Boolean) {
            return (T) value;
        }
        return (T) JsonValues.of(value);
    }

    @Override
    public long getExpirationTime() {
        Object exp = claims.get(Claims.exp.name());
        return exp instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public long getIssuedAtTime() {
        Object iat = claims.get(Claims.iat.name());
        return iat instanceof Number n ? n.longValue() : 0;
    }

    private static Claims standard(String name) {
        for (Claims c : Claims.values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Never prints the raw token or claim values. */
    @Override
    public String toString() {
        return "LatchkeyJsonWebToken[name=" + name + ", claims=" + claims.keySet() + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatchkeyJsonWebToken other && Objects.equals(rawToken, other.rawToken)
                && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, rawToken);
    }
}
