package dev.latchkey.auth.cert;

import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.config.ConfigReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The client-certificate kind's objects, each built once from one validated {@link ClientCertificateSettings}
 * (MicroProfile Config) and passed by constructor. The resolver also serves certificate-bound JWTs (RFC 8705 §3).
 */
@ApplicationScoped
public class ClientCertificateProducers {

    @Produces
    @Singleton
    ClientCertificateSettings settings() {
        return ClientCertificateSettings.from(ConfigReader.current());
    }

    @Produces
    @Singleton
    ClientCertificateResolver resolver(ClientCertificateSettings settings, @LatchkeyClock Clock clock) {
        return new ClientCertificateResolver(settings, clock);
    }

    @Produces
    @Singleton
    @Named(ClientCertificateKind.NAME)
    ClientCertificateKind kind(ClientCertificateResolver resolver) {
        return new ClientCertificateKind(resolver);
    }

    @Produces
    @Singleton
    ClientCertificateIdentityStore store(Instance<ClientCertificateSettings> settings, @LatchkeyClock Clock clock) {
        return new ClientCertificateIdentityStore(settings::get, clock);
    }
}
