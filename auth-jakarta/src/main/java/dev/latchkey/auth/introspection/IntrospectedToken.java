package dev.latchkey.auth.introspection;

import dev.latchkey.auth.jwt.mapping.ClaimValues;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An introspection answer (RFC 7662 §2.2): whether the token is active and its members, as an immutable map.
 *
 * @param active  {@code active}
 * @param members every member of the answer (never the token itself: RFC 7662 does not echo it)
 */
public record IntrospectedToken(boolean active, Map<String, Object> members) {

    public static final IntrospectedToken INACTIVE = new IntrospectedToken(false, Map.of());

    public IntrospectedToken {
        members = ClaimValues.immutableCopy(members);
    }

    /** {@code scope}: space-separated (RFC 7662 §2.2). */
    public Set<String> scopes() {
        return ClaimValues.spaceSeparated(members.get("scope"));
    }

    /** {@code exp}, seconds since the epoch. */
    public Optional<Instant> expiresAt() {
        return ClaimValues.epochSeconds(members.get("exp"));
    }

    /** {@code nbf}, seconds since the epoch. */
    public Optional<Instant> notBefore() {
        return ClaimValues.epochSeconds(members.get("nbf"));
    }

    /** Whether {@code exp}, {@code nbf} or {@code iat} is present but no NumericDate this server can represent. */
    public boolean malformedTimes() {
        return Stream.of("exp", "nbf", "iat").anyMatch(m -> members.containsKey(m)
                && ClaimValues.epochSeconds(members.get(m)).isEmpty());
    }

    public Optional<String> string(String member) {
        return members.get(member) instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }

    /** {@code aud}: a string or an array of strings (RFC 7662 §2.2, RFC 7519 §4.1.3). */
    public Set<String> audiences() {
        return ClaimValues.strings(members.get("aud"));
    }

    /** Whether the token is bound to a client certificate ({@code cnf.x5t#S256}, RFC 8705 §3.2) too or instead. */
    public boolean certificateBound() {
        return members.get("cnf") instanceof Map<?, ?> cnf && cnf.containsKey("x5t#S256");
    }

    /** The key the token is bound to: {@code cnf.jkt} (RFC 9449 §6.2), when DPoP-bound. */
    public Optional<String> jkt() {
        return members.get("cnf") instanceof Map<?, ?> cnf && cnf.get("jkt") instanceof String jkt
                ? Optional.of(jkt) : Optional.empty();
    }

    /** Whether {@code cnf} names any confirmation method (a proof-of-possession token: never plain bearer). */
    public boolean isBound() {
        return members.get("cnf") instanceof Map<?, ?> cnf && !cnf.isEmpty();
    }

    /** Never prints the members (they may hold personal data). */
    @Override
    public String toString() {
        return "IntrospectedToken[active=" + active + "]";
    }
}
