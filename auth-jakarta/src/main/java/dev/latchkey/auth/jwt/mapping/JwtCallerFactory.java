package dev.latchkey.auth.jwt.mapping;

import dev.latchkey.auth.caller.LatchkeyCaller;

import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Makes the caller of a verified bearer JWT. The MicroProfile JWT API is optional at run time (WildFly, for one, shows
 * it to a deployment only when its own MicroProfile JWT subsystem is active): where it is visible, the caller is a
 * {@link dev.latchkey.auth.jwt.mp.JwtCaller}, also the MicroProfile {@code JsonWebToken}; where it is not, a plain
 * {@link LatchkeyCaller} with the same name, groups, scopes and claims. The JWT core (verification, mapping, the
 * identity store) names no MicroProfile type, so a missing API never removes bearer tokens as a credential kind.
 */
@FunctionalInterface
public interface JwtCallerFactory {

    /** The MicroProfile JWT view, loaded by name only when {@link #MP_JWT_API} is visible. */
    String MP_FACTORY = "dev.latchkey.auth.jwt.mp.MpJwtCallerFactory";
    /** The type whose presence selects the MicroProfile view (MicroProfile JWT 2.1, "JsonWebToken interface"). */
    String MP_JWT_API = "org.eclipse.microprofile.jwt.JsonWebToken";

    LatchkeyCaller caller(String name, Set<String> groups, Set<String> scopes, Map<String, Object> claims,
                          String credentialId, String rawToken);

    /** Without the MicroProfile JWT API: a plain caller of mechanism {@value JwtCallerMapper#MECHANISM}. */
    JwtCallerFactory PLAIN = (name, groups, scopes, claims, credentialId, rawToken) ->
            new LatchkeyCaller(name, JwtCallerMapper.MECHANISM, groups, scopes, claims, credentialId);

    /** The factory for the class loader that loaded Latchkey (the web application's), chosen once. */
    static JwtCallerFactory detect() {
        ClassLoader loader = JwtCallerFactory.class.getClassLoader();
        try {
            Class.forName(MP_JWT_API, false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            Logger.getLogger(JwtCallerFactory.class.getName()).fine(
                    "MicroProfile JWT API not visible: JWT callers are not JsonWebTokens");
            return PLAIN;
        }
        try {
            return (JwtCallerFactory) Class.forName(MP_FACTORY, true, loader).getConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("the MicroProfile JWT API is visible but " + MP_FACTORY
                    + " cannot be loaded: " + e, e);
        }
    }
}
