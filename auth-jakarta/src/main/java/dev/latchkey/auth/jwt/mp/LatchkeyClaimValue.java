package dev.latchkey.auth.jwt.mp;

import org.eclipse.microprofile.jwt.ClaimValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link ClaimValue} that reads its claim from the current token on every {@link #getValue()}: the token supplier
 * is the request-scoped {@code JsonWebToken}, so a {@code ClaimValue} injected into an {@code @ApplicationScoped} bean
 * follows the request (MicroProfile JWT 2.1, "Handling of Non-RequestScoped Injection of Claim Values").
 *
 * @param <T> the value type: a {@link ClaimTypes} value type, an {@code Optional} of one, or {@code Object}
 */
final class LatchkeyClaimValue<T> implements ClaimValue<T> {

    private final String name;
    private final Type valueType;
    private final Supplier<JsonWebToken> token;

    LatchkeyClaimValue(String name, Type valueType, Supplier<JsonWebToken> token) {
        this.name = Objects.requireNonNull(name, "name");
        this.valueType = Objects.requireNonNull(valueType, "valueType");
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public String getName() {
        return name;
    }

    /** The claim converted to {@code T}; {@code null} (or an empty {@code Optional}) when absent or of another type. */
    @Override
    @SuppressWarnings("unchecked")
    public T getValue() {
        return (T) ClaimTypes.convert(token.get().getClaim(name), valueType);
    }

    /** Names the claim only: its value may be a secret (the raw token is a claim too). */
    @Override
    public String toString() {
        return "ClaimValue[" + name + "]";
    }
}
