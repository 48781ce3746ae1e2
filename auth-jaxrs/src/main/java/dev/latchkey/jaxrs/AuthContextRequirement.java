package dev.latchkey.jaxrs;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.error.AuthError;
import dev.latchkey.auth.error.ErrorCodes;

import dev.latchkey.auth.jwt.mapping.ClaimValues;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one or more {@link RequiresAuthenticationContext} demand of the authentication event behind a token (RFC 9470
 * §3), validated once at deployment.
 *
 * @param acr    acceptable {@code acr} values in order of preference; empty: any
 * @param maxAge longest time since {@code auth_time}; empty: no limit
 */
public record AuthContextRequirement(List<String> acr, Optional<Duration> maxAge) {

    /** An {@code acr} value fits a space-separated {@code acr_values} list: no space, quote or backslash. */
    private static final Pattern ACR = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    public AuthContextRequirement {
        acr = List.copyOf(acr);
        maxAge = maxAge == null ? Optional.empty() : maxAge;
        for (String value : acr) {
            if (value == null || !ACR.matcher(value).matches()) {
                throw new IllegalArgumentException("not a valid acr value: '" + value + "'");
            }
        }
        if (maxAge.filter(d -> d.isZero() || d.isNegative()).isPresent()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        if (acr.isEmpty() && maxAge.isEmpty()) {
            throw new IllegalArgumentException("@RequiresAuthenticationContext must name acr values or a maxAge");
        }
    }

    public static AuthContextRequirement of(RequiresAuthenticationContext annotation) {
        Optional<Duration> maxAge = Optional.empty();
        if (!annotation.maxAge().isBlank()) {
            try {
                maxAge = Optional.of(Duration.parse(annotation.maxAge().strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("maxAge is not an ISO-8601 duration such as PT5M: '"
                        + annotation.maxAge() + "'");
            }
        }
        return new AuthContextRequirement(List.of(annotation.acr()), maxAge);
    }

    /**
     * Both this and {@code other}: the {@code acr} values both accept (this one's order), the shorter max age.
     *
     * @throws IllegalArgumentException when no {@code acr} value satisfies both
     */
    public AuthContextRequirement and(AuthContextRequirement other) {
        List<String> both;
        if (acr.isEmpty() || other.acr.isEmpty()) {
            both = acr.isEmpty() ? other.acr : acr;
        } else {
            both = new ArrayList<>(acr);
            both.retainAll(other.acr);
            if (both.isEmpty()) {
                throw new IllegalArgumentException("no acr value satisfies both " + acr + " and " + other.acr);
            }
        }
        Optional<Duration> shorter = maxAge.isEmpty() ? other.maxAge : other.maxAge.isEmpty() ? maxAge
                : Optional.of(maxAge.get().compareTo(other.maxAge.get()) <= 0 ? maxAge.get() : other.maxAge.get());
        return new AuthContextRequirement(both, shorter);
    }

    /**
     * The 401 {@code insufficient_user_authentication} for {@code caller}, or empty when its token's {@code acr} and
     * {@code auth_time} satisfy this requirement at {@code time}'s instant: {@code auth_time} no older than the max age
     * and no further in the future than the clock skew (a later one is no authentication that has happened).
     *
     * @param scheme the challenge scheme ({@code Bearer}, {@code DPoP}), or null for a caller without a token
     *               (then 403: no challenge can ask it for a stronger token)
     */
    public Optional<AuthError> check(LatchkeyCaller caller, String scheme, StepUpClock time) {
        Map<String, Object> attributes = caller == null ? Map.of() : caller.attributes();
        boolean acrOk = acr.isEmpty() || attributes.get("acr") instanceof String value && acr.contains(value);
        boolean ageOk = maxAge.isEmpty() || authTime(attributes.get("auth_time")).filter(t -> recent(t, time))
                .isPresent();
        if (acrOk && ageOk) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        if (!acr.isEmpty()) {
            params.put("acr_values", String.join(" ", acr));
        }
        maxAge.ifPresent(d -> params.put("max_age", Long.toString(d.toSeconds())));
        // RFC 9470 §3 asks a token holder for a new token (401 with a Bearer/DPoP challenge); a caller of another
        // kind (Basic, API key, client certificate) has no token to step up with: 403, never a 401 without challenge
        int status = scheme == null ? 403 : 401;
        return Optional.of(new AuthError(status, ErrorCodes.INSUFFICIENT_USER_AUTHENTICATION,
                "a more recent or stronger authentication is required", scheme, Set.of(), Map.of(),
                "insufficient_user_authentication", null, params));
    }

    private boolean recent(Instant authTime, StepUpClock time) {
        Instant now = time.clock().instant();
        return !authTime.isAfter(now.plus(time.skew())) && Duration.between(authTime, now).compareTo(maxAge.get()) <= 0;
    }

    /** {@code acr any of [...]}, {@code max age PT5M}: for the route report. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!acr.isEmpty()) {
            parts.add("acr any of " + acr);
        }
        maxAge.ifPresent(d -> parts.add("max age " + d));
        return String.join(", ", parts);
    }

    /** {@code auth_time}: seconds since the epoch (OpenID Connect Core §2), as a number, a date or digits. */
    private static Optional<Instant> authTime(Object value) {
        if (value instanceof Number n) {
            return ClaimValues.epochSeconds(n); // out of range: malformed, never a DateTimeException
        }
        if (value instanceof Date d) {
            return Optional.of(d.toInstant());
        }
        if (value instanceof String s && s.matches("[0-9]{1,12}")) {
            return ClaimValues.epochSeconds(Long.parseLong(s));
        }
        return Optional.empty();
    }
}
