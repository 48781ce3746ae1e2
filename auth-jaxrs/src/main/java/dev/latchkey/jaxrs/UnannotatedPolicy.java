package dev.latchkey.jaxrs;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.util.Locale;

/**
 * What a resource method that declares no security annotation anywhere on its hierarchy requires: property
 * {@value #PROPERTY}. Secure by default: {@link #AUTHENTICATED}.
 */
public enum UnannotatedPolicy {
    /** Any authenticated caller; 401 otherwise (RFC 7235 §3.1). */
    AUTHENTICATED,
    /** Nobody: 401 without a caller, 403 with one. */
    DENY,
    /** Open, as if annotated {@code @PermitAll}. */
    PERMIT;

    public static final String PROPERTY = "latchkey.authorization.unannotated";

    /** Reads {@value #PROPERTY}; a value other than the three names fails deployment naming the property. */
    public static UnannotatedPolicy fromConfig(ConfigReader config) {
        String value = config.string(PROPERTY, "authenticated");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "authenticated" -> AUTHENTICATED;
            case "deny" -> DENY;
            case "permit" -> PERMIT;
            default -> throw new ConfigurationException(PROPERTY,
                    "must be one of authenticated, deny, permit (was '" + value + "')");
        };
    }

    /** The rule for a method that declares nothing. */
    AccessRule rule() {
        String source = "no annotation: " + PROPERTY + "=" + name().toLowerCase(Locale.ROOT);
        return switch (this) {
            case AUTHENTICATED -> AccessRule.authenticatedOnly(source);
            case DENY -> AccessRule.deny(source);
            case PERMIT -> AccessRule.open(source);
        };
    }
}
