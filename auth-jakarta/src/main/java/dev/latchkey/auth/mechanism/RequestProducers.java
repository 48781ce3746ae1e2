package dev.latchkey.auth.mechanism;

import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.request.TrustedProxies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * What every part that reads a request shares, built once from MicroProfile Config: the trusted proxies
 * ({@value TrustedProxies#PROPERTY}), for the mechanism's client addresses and the kinds (Basic's TLS rule and
 * throttle, API-key exposure reports, forwarded client certificates).
 */
@ApplicationScoped
public class RequestProducers {

    @Produces
    @Singleton
    TrustedProxies trustedProxies() {
        return TrustedProxies.from(ConfigReader.current());
    }
}
