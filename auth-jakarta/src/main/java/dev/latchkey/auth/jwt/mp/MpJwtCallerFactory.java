package dev.latchkey.auth.jwt.mp;

import dev.latchkey.auth.caller.LatchkeyCaller;
import dev.latchkey.auth.jwt.mapping.JwtCallerFactory;

import java.util.Map;
import java.util.Set;

/**
 * Makes {@link JwtCaller}s, the callers that are also MicroProfile {@code JsonWebToken}s. Loaded by name
 * ({@link JwtCallerFactory#detect()}) only where the MicroProfile JWT API is visible.
 */
public final class MpJwtCallerFactory implements JwtCallerFactory {

    @Override
    public LatchkeyCaller caller(String name, Set<String> groups, Set<String> scopes, Map<String, Object> claims,
                                 String credentialId, String rawToken) {
        return new JwtCaller(name, groups, scopes, claims, credentialId, rawToken);
    }
}
