package dev.latchkey.auth.caller;

import java.util.Objects;
import java.util.Optional;

/**
 * A caller's identity across credential kinds and issuers: the same name from two issuers, or from a JWT and a Basic
 * login, is two different callers. Group stores ({@link LatchkeyGroupStore}) and anything else kept per caller match on
 * all three parts.
 *
 * @param mechanism the credential kind: {@code jwt}, {@code api-key}, {@code basic}, {@code client-cert}, ...
 * @param issuer    who vouches for the name ({@link LatchkeyCaller#issuer()}: a JWT's {@code iss}), or empty
 * @param name      the caller name
 */
public record CallerKey(String mechanism, Optional<String> issuer, String name) {

    public CallerKey {
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(name, "name");
    }

    public static CallerKey of(LatchkeyCaller caller) {
        return new CallerKey(caller.mechanism(), caller.issuer(), caller.getName());
    }
}
