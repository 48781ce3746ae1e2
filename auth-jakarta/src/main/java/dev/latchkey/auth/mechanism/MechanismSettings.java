package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.spi.DefaultMechanisms;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Settings of the Latchkey mechanism chain.
 *
 * <p>Which mechanisms run ({@code latchkey.mechanisms}), when the property is not set: those the kinds' {@link
 * DefaultMechanisms} enable (the JWT kind's: {@code jwt} for {@code @LoginConfig(authMethod = "MP-JWT")} or a
 * configured issuer); with none, no mechanism: every caller is anonymous, unprotected resources answer, protected ones
 * answer 401. An explicit {@code latchkey.mechanisms} always wins.
 *
 * @param mechanisms {@code latchkey.mechanisms}: the enabled credential kinds in precedence order (may be empty: none)
 * @param realm      {@code latchkey.realm}: the realm named in every challenge (default: the first realm a
 *                   {@link DefaultMechanisms} names, such as the {@code @LoginConfig} {@code realmName}, else
 *                   {@value #DEFAULT_REALM})
 */
public record MechanismSettings(List<String> mechanisms, String realm) {

    public static final String MECHANISMS = "latchkey.mechanisms";
    public static final String REALM = "latchkey.realm";
    public static final String DEFAULT_REALM = "api";

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

    /** @param defaults what the kinds enable when {@code latchkey.mechanisms} is not set */
    public static MechanismSettings from(ConfigReader config, List<DefaultMechanisms> defaults) {
        String realm = defaults.stream().map(DefaultMechanisms::realm).flatMap(Optional::stream).findFirst()
                .orElse(DEFAULT_REALM);
        List<String> mechanisms = defaults.stream().flatMap(d -> d.mechanisms(config).stream()).distinct().toList();
        return new MechanismSettings(config.list(MECHANISMS, mechanisms), config.string(REALM, realm));
    }
}
