package dev.latchkey.auth.introspection;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.request.CompactSerialization;

import java.util.function.Predicate;

/**
 * Which bearer tokens go to introspection: with {@code latchkey.introspection.tokens=opaque} (the default) those that
 * are not JWTs, with {@code all} every one. A JWT is three (JWS, RFC 7515 §7.1) or five (JWE, RFC 7516 §7.1)
 * base64url parts separated by dots; anything else is opaque to this resource server.
 */
public final class TokenShape {

    private TokenShape() {
    }

    /** Whether {@code token} has the compact shape of a JWS or a JWE (its content is not checked here). */
    public static boolean looksLikeJwt(String token) {
        int dots = CompactSerialization.separators(token);
        return dots == 2 || dots == 4;
    }

    /**
     * The tokens introspection takes ({@value IntrospectionSettings#TOKENS}), or none when it is not {@code enabled}.
     */
    public static Predicate<String> introspected(ConfigReader config, boolean enabled) {
        if (!enabled) {
            return token -> false;
        }
        boolean all = "all".equals(config.string(IntrospectionSettings.TOKENS, "opaque"));
        return token -> introspected(token, all);
    }

    /** Whether the introspection kind, configured with {@code allTokens}, takes {@code token}. */
    public static boolean introspected(String token, boolean allTokens) {
        return allTokens || !looksLikeJwt(token);
    }
}
