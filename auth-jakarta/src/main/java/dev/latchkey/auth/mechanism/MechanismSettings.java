package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;

import java.util.HashSet;
import java.util.List;

/**
 * Settings of the Latchkey mechanism chain.
 *
 * @param mechanisms {@code latchkey.mechanisms}: the enabled authenticators in precedence order (default {@code jwt})
 * @param realm      {@code latchkey.realm}: the realm named in every challenge (default {@code api})
 */
public record MechanismSettings(List<String> mechanisms, String realm) {

    public static final String MECHANISMS = "latchkey.mechanisms";
    public static final String REALM = "latchkey.realm";

    public MechanismSettings {
        mechanisms = List.copyOf(mechanisms);
        if (mechanisms.isEmpty()) {
            throw new ConfigurationException(MECHANISMS, "must name at least one mechanism");
        }
        if (new HashSet<>(mechanisms).size() != mechanisms.size()) {
            throw new ConfigurationException(MECHANISMS, "names a mechanism twice: " + mechanisms);
        }
        if (realm == null || realm.isBlank()) {
            throw new ConfigurationException(REALM, "must not be blank");
        }
    }

    public static MechanismSettings from(ConfigReader config) {
        return new MechanismSettings(config.list(MECHANISMS, List.of("jwt")), config.string(REALM, "api"));
    }
}
