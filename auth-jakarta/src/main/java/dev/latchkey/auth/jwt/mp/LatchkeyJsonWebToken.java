package dev.latchkey.auth.jwt.mp;

import dev.latchkey.auth.jwt.mapping.ClaimValues;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The MicroProfile JWT view of a verified token. Claim values follow MicroProfile JWT 2.1 §5.1.2: standard
 * numeric-date claims as {@link Long}, {@code aud} and {@code groups} as {@code Set<String>}, strings as
 * {@link String}, booleans as {@link Boolean}; other numbers, objects and arrays as JSON-P {@code JsonValue}s.
 * {@code groups} is the caller's groups as mapped from {@code latchkey.jwt.groups-claim}.
 *
 * <p>The values are converted once, on the first read: later {@link #getClaim} and {@link #getClaimNames} calls only
 * look them up (a token is made per request, and most requests read no claim through this API). The raw token is available through {@link #getRawToken()} only; {@link #toString()} never shows it.
 */
public final class LatchkeyJsonWebToken implements JsonWebToken {

    private static final LatchkeyJsonWebToken EMPTY = new LatchkeyJsonWebToken(null, null, Map.of(), Set.of());

    private static final Map<String, Claims> STANDARD = Arrays.stream(Claims.values())
            .collect(Collectors.toUnmodifiableMap(Claims::name, Function.identity()));

    private final String name;
    private final String rawToken;
    private final Set<String> groups;
    private final Map<String, Object> claims;
    /** The claims converted as {@link #getClaim} returns them; made on first use (a benign race: immutable). */
    private Converted converted;

    /** The claims as {@link #getClaim} returns them (without {@code raw_token} and {@code groups}), and the names. */
    private record Converted(Map<String, Object> values, Set<String> names) {
    }

    /**
     * @param claims an immutable claims map as made by {@link ClaimValues#immutableCopy(Map)}; kept, not copied
     */
    public LatchkeyJsonWebToken(String name, String rawToken, Map<String, Object> claims, Set<String> groups) {
        this(name, rawToken, Set.copyOf(groups), Objects.requireNonNull(claims, "claims"), null);
    }

    private LatchkeyJsonWebToken(String name, String rawToken, Set<String> groups, Map<String, Object> claims,
                                 Converted converted) {
        this.name = name;
        this.rawToken = rawToken;
        this.groups = groups;
        this.claims = claims;
        this.converted = converted;
    }

    /** The token of an unauthenticated request: no name, no claim names ({@code null}), no claims. */
    public static LatchkeyJsonWebToken empty() {
        return EMPTY;
    }

    /** This token with other groups, sharing the converted claims. */
    LatchkeyJsonWebToken withGroups(Set<String> groups) {
        return new LatchkeyJsonWebToken(name, rawToken, Set.copyOf(groups), claims, converted);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Set<String> getClaimNames() {
        // MicroProfile JWT 2.1, "Injection of JsonWebToken": the empty token's methods return null
        return rawToken == null ? null : converted().names();
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
        return (T) converted().values().get(claimName);
    }

    @Override
    public long getExpirationTime() {
        return converted().values().get(Claims.exp.name()) instanceof Long exp ? exp : 0;
    }

    @Override
    public long getIssuedAtTime() {
        return converted().values().get(Claims.iat.name()) instanceof Long iat ? iat : 0;
    }

    private Converted converted() {
        Converted c = converted;
        if (c == null) {
            Map<String, Object> values = convert(claims);
            c = new Converted(values, names(values.keySet()));
            converted = c;
        }
        return c;
    }

    private static Map<String, Object> convert(Map<String, Object> claims) {
        Map<String, Object> values = new HashMap<>();
        claims.forEach((claimName, value) -> {
            if (value != null && !claimName.equals(Claims.raw_token.name())
                    && !claimName.equals(Claims.groups.name())) {
                values.put(claimName, convert(claimName, value));
            }
        });
        return Map.copyOf(values);
    }

    private static Object convert(String claimName, Object value) {
        if (claimName.equals(Claims.aud.name())) {
            return Set.copyOf(ClaimValues.strings(value));
        }
        Claims standard = STANDARD.get(claimName);
        if (standard != null && standard.getType() == Long.class && value instanceof Number) {
            Object whole = ClaimTypes.convert(value, Long.class);
            if (whole != null) {
                return whole;
            }
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        return JsonValues.of(value);
    }

    private static Set<String> names(Set<String> claims) {
        Set<String> names = new LinkedHashSet<>(claims);
        names.add(Claims.raw_token.name());
        names.add(Claims.groups.name());
        return Set.copyOf(names);
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
