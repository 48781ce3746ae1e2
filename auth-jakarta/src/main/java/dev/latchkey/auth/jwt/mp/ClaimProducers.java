package dev.latchkey.auth.jwt.mp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;

/**
 * {@code @Claim} injection (MicroProfile JWT 2.1, "Injection of JsonWebToken claims via Raw Type, ClaimValue,
 * jakarta.enterprise.inject.Instance and JSON-P Types"): one {@code @Dependent} producer per claim value type of
 * {@link ClaimTypes}, each {@code @Typed} to exactly that type so that no two of them match one injection point.
 * {@code @Claim}'s members are {@code @Nonbinding}: each producer serves every claim name and reads it from the
 * injection point. {@code Instance<T>}/{@code Provider<T>} need nothing more: the container's built-in bean calls the
 * producer again on each {@code get()}, against the current request's token.
 *
 * <p>The values come from the request-scoped {@code JsonWebToken}: with no token (the empty one) or no such claim, a
 * raw type is {@code null} (a primitive gets its default), an {@code Optional} is empty, a {@code ClaimValue} holds
 * {@code null} or an empty {@code Optional}.
 */
@ApplicationScoped
public class ClaimProducers {

    /** The request-scoped token: a client proxy, so reads always reach the current request's token. */
    @Inject
    JsonWebToken token;

    @Produces
    @Claim
    @Typed(String.class)
    String string(InjectionPoint ip) {
        return (String) value(ip, String.class);
    }

    @Produces
    @Claim
    @Typed(Set.class)
    @SuppressWarnings("unchecked")
    Set<String> strings(InjectionPoint ip) {
        return (Set<String>) value(ip, Set.class);
    }

    @Produces
    @Claim
    @Typed(Long.class)
    Long number(InjectionPoint ip) {
        return (Long) value(ip, Long.class);
    }

    @Produces
    @Claim
    @Typed(Boolean.class)
    Boolean bool(InjectionPoint ip) {
        return (Boolean) value(ip, Boolean.class);
    }

    @Produces
    @Claim
    @Typed(JsonValue.class)
    JsonValue json(InjectionPoint ip) {
        return (JsonValue) value(ip, JsonValue.class);
    }

    @Produces
    @Claim
    @Typed(JsonString.class)
    JsonString jsonString(InjectionPoint ip) {
        return (JsonString) value(ip, JsonString.class);
    }

    @Produces
    @Claim
    @Typed(JsonNumber.class)
    JsonNumber jsonNumber(InjectionPoint ip) {
        return (JsonNumber) value(ip, JsonNumber.class);
    }

    @Produces
    @Claim
    @Typed(JsonArray.class)
    JsonArray jsonArray(InjectionPoint ip) {
        return (JsonArray) value(ip, JsonArray.class);
    }

    @Produces
    @Claim
    @Typed(JsonObject.class)
    JsonObject jsonObject(InjectionPoint ip) {
        return (JsonObject) value(ip, JsonObject.class);
    }

    /** {@code Optional<T>} of any value type: the injection point's type argument says which. */
    @Produces
    @Claim
    @Typed(Optional.class)
    @SuppressWarnings("unchecked")
    <T> Optional<T> optional(InjectionPoint ip) {
        return (Optional<T>) value(ip, ClaimTypes.unwrapLookup(ip.getType()));
    }

    /** A {@code ClaimValue} that reads the claim again on every {@code getValue()}. */
    @Produces
    @Claim
    @Typed(ClaimValue.class)
    <T> ClaimValue<T> claimValue(InjectionPoint ip) {
        Type valueType = ClaimTypes.typeArgument(ClaimTypes.unwrapLookup(ip.getType()));
        return new LatchkeyClaimValue<>(claimName(ip), valueType, () -> token);
    }

    private Object value(InjectionPoint ip, Type target) {
        return ClaimTypes.convert(token.getClaim(claimName(ip)), ClaimTypes.unwrapLookup(target));
    }

    private static String claimName(InjectionPoint ip) {
        return ClaimNames.of(ClaimNames.qualifier(ip)
                .orElseThrow(() -> new IllegalStateException("no @Claim at " + ip.getMember())));
    }
}
