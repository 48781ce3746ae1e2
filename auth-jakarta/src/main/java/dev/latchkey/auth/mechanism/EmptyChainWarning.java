package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.spi.DefaultMechanisms;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.logging.Level;

/**
 * The start-up warning of a Latchkey mechanism with no credential kind enabled: every caller is anonymous and protected
 * resources answer 401. Louder ({@link Level#SEVERE}) when Latchkey or MicroProfile JWT properties are set, since
 * the application then most likely meant to enable something. Names the properties, never their values.
 */
record EmptyChainWarning(Level level, String message) {

    private static final List<String> PREFIXES = List.of("latchkey.", "mp.jwt.");
    /** Settings that never enable a mechanism (authorization of JAX-RS resources). */
    private static final String AUTHORIZATION_PREFIX = "latchkey.authorization.";

    /**
     * @param propertyNames the MicroProfile Config property names of the application
     * @param hints         how the kinds enable themselves without {@code latchkey.mechanisms} ({@link
     *                      DefaultMechanisms#hint()})
     */
    static EmptyChainWarning of(Iterable<String> propertyNames, List<String> hints) {
        TreeSet<String> set = new TreeSet<>();
        for (String name : propertyNames) {
            if (PREFIXES.stream().anyMatch(name::startsWith) && !name.startsWith(AUTHORIZATION_PREFIX)) {
                set.add(name);
            }
        }
        String how = "no authentication mechanism enabled: every caller is anonymous and protected resources answer "
                + "401. Enable one with " + MechanismSettings.MECHANISMS + " (e.g. jwt, api-key, basic, "
                + "client-cert)" + hints.stream().map(h -> ", " + h).collect(Collectors.joining());
        if (set.isEmpty()) {
            return new EmptyChainWarning(Level.WARNING, how);
        }
        return new EmptyChainWarning(Level.SEVERE, how + ". Latchkey or MicroProfile JWT properties are set but "
                + "enable nothing: " + set);
    }
}
