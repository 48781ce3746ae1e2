package dev.latchkey.auth.spi;

import dev.latchkey.auth.config.ConfigReader;

import java.util.List;
import java.util.Optional;

/**
 * A kind's say in the chain when {@code latchkey.mechanisms} is not set: whether it is enabled by default (e.g.
 * {@code jwt} when an issuer is configured) and the realm to challenge with. A CDI bean of this type; the chain asks
 * every one, so an application enables kinds by configuring them.
 */
public interface DefaultMechanisms {

    /** The kinds to enable when {@code latchkey.mechanisms} is not set, in precedence order; empty for none. */
    List<String> mechanisms(ConfigReader config);

    /** The realm when {@code latchkey.realm} is not set, e.g. the {@code @LoginConfig} {@code realmName}. */
    default Optional<String> realm() {
        return Optional.empty();
    }

    /** How an application enables a kind this way, for the warning of a chain that enabled none. */
    String hint();
}
