package dev.latchkey.auth.cdi;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.mechanism.LatchkeyAuthenticationMechanism;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;

/**
 * Deployment-time decision of Latchkey: removes the Latchkey mechanism when {@code latchkey.mechanism.enabled=false},
 * for applications that bring their own {@code HttpAuthenticationMechanism} (Jakarta Security resolves exactly one)
 * and use Latchkey's stores or JAX-RS annotations only.
 *
 * <p>It names no MicroProfile JWT type (that API is optional at run time): the application's {@code @LoginConfig} is
 * found by {@link dev.latchkey.auth.jwt.mp.MpJwtExtension}. One instance per CDI container, i.e. per web application.
 */
public class LatchkeyExtension implements Extension {

    public static final String ENABLED = "latchkey.mechanism.enabled";

    void vetoWhenDisabled(@Observes ProcessAnnotatedType<LatchkeyAuthenticationMechanism> type) {
        if (!ConfigReader.current().bool(ENABLED, true)) {
            type.veto();
        }
    }
}
