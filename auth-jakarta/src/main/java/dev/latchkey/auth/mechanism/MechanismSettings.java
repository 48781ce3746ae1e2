package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the Latchkey mechanism chain.
 *
 * <p>Which mechanisms run ({@code latchkey.mechanisms}), when the property is not set:
 * <ol>
 *   <li>{@code @LoginConfig(authMethod = "MP-JWT")} on the JAX-RS application: {@code jwt} (MicroProfile JWT 2.1,
 *   "Marking a JAX-RS Application as Requiring MP-JWT Access Control");</li>
 *   <li>no such annotation, but a JWT issuer configured ({@code mp.jwt.verify.issuer}, {@code .publickey},
 *   {@code .publickey.location} or {@code latchkey.jwt.issuers.*}): {@code jwt}, as before;</li>
 *   <li>neither: no mechanism. Every caller is anonymous: unprotected resources answer, protected ones answer 401.</li>
 * </ol>
 * An explicit {@code latchkey.mechanisms} always wins.
 *
 * @param mechanisms {@code latchkey.mechanisms}: the enabled authenticators in precedence order (may be empty: none)
 * @param realm      {@code latchkey.realm}: the realm named in every challenge (default: the {@code @LoginConfig}
 *                   {@code realmName}, else {@code api})
 */
public record MechanismSettings(List<String> mechanisms, String realm) {

    public static final String MECHANISMS = "latchkey.mechanisms";
    public static final String REALM = "latchkey.realm";
    public static final String JWT = "jwt";

    /** Properties that configure a JWT issuer: their presence enables {@code jwt} by default. */
    static final List<String> JWT_ISSUER_PROPERTIES =
            List.of("mp.jwt.verify.issuer", "mp.jwt.verify.publickey", "mp.jwt.verify.publickey.location");
    static final String JWT_ISSUERS_PREFIX = "latchkey.jwt.issuers.";

    public MechanismSettings {
        mechanisms = List.copyOf(mechanisms);
        if (new HashSet<>(mechanisms).size() != mechanisms.size()) {
            throw new ConfigurationException(MECHANISMS, "names a mechanism twice: " + mechanisms);
        }
        if (mechanisms.stream().anyMatch(String::isBlank)) {
            throw new ConfigurationException(MECHANISMS, "names a blank mechanism: " + mechanisms);
        }
        if (realm == null || realm.isBlank()) {
            throw new ConfigurationException(REALM, "must not be blank");
        }
    }

    /** Settings of an application without {@code @LoginConfig}. */
    public static MechanismSettings from(ConfigReader config) {
        return from(config, Optional.empty());
    }

    public static MechanismSettings from(ConfigReader config, Optional<LoginConfigDeclaration> loginConfig) {
        String defaultRealm = loginConfig.map(LoginConfigDeclaration::realmName).filter(r -> !r.isEmpty())
                .orElse("api");
        return new MechanismSettings(config.list(MECHANISMS, defaultMechanisms(config, loginConfig)),
                config.string(REALM, defaultRealm));
    }

    private static List<String> defaultMechanisms(ConfigReader config, Optional<LoginConfigDeclaration> loginConfig) {
        if (loginConfig.filter(LoginConfigDeclaration::isMpJwt).isPresent() || jwtIssuerConfigured(config)) {
            return List.of(JWT);
        }
        return List.of();
    }

    private static boolean jwtIssuerConfigured(ConfigReader config) {
        return JWT_ISSUER_PROPERTIES.stream().anyMatch(p -> config.string(p).isPresent())
                || config.hasAny(JWT_ISSUERS_PREFIX);
    }
}
