package dev.latchkey.auth.mechanism;

import java.util.List;
import java.util.TreeSet;
import java.util.logging.Level;

/**
 * The start-up warning of a Latchkey mechanism with no authenticator enabled: every caller is anonymous and protected
 * resources answer 401. Louder ({@link Level#SEVERE}) when Latchkey or MicroProfile JWT properties are set, since
 * the application then most likely meant to enable something. Names the properties, never their values.
 */
record EmptyChainWarning(Level level, String message) {

    private static final List<String> PREFIXES = List.of("latchkey.", "mp.jwt.");
    /** Settings that never enable a mechanism (authorization of JAX-RS resources). */
    private static final String AUTHORIZATION_PREFIX = "latchkey.authorization.";

    /** @param propertyNames the MicroProfile Config property names of the application */
    static EmptyChainWarning of(Iterable<String> propertyNames) {
        TreeSet<String> set = new TreeSet<>();
        for (String name : propertyNames) {
            if (PREFIXES.stream().anyMatch(name::startsWith) && !name.startsWith(AUTHORIZATION_PREFIX)) {
                set.add(name);
            }
        }
        String how = "no authentication mechanism enabled: every caller is anonymous and protected resources answer "
                + "401. Enable one with " + MechanismSettings.MECHANISMS + " (e.g. jwt, api-key, basic, "
                + "client-cert), @LoginConfig(authMethod = \"MP-JWT\") on the JAX-RS application, or a JWT issuer ("
                + String.join(", ", MechanismSettings.JWT_ISSUER_PROPERTIES) + ", "
                + MechanismSettings.JWT_ISSUERS_PREFIX + "*)";
        if (set.isEmpty()) {
            return new EmptyChainWarning(Level.WARNING, how);
        }
        return new EmptyChainWarning(Level.SEVERE, how + ". Latchkey or MicroProfile JWT properties are set but "
                + "enable nothing: " + set);
    }
}
