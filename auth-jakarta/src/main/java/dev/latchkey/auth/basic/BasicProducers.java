package dev.latchkey.auth.basic;

import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.state.StateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The Basic kind's objects, each built once from one validated {@link BasicSettings} (MicroProfile Config) and passed
 * by constructor.
 */
@ApplicationScoped
public class BasicProducers {

    @Produces
    @Singleton
    BasicSettings settings() {
        return BasicSettings.from(ConfigReader.current());
    }

    @Produces
    @Singleton
    LoginThrottle throttle(BasicSettings settings, StateStore state, @LatchkeyClock Clock clock) {
        return new LoginThrottle(settings, state, clock);
    }

    @Produces
    @Singleton
    @Named(BasicKind.NAME)
    BasicKind kind(BasicSettings settings, LoginThrottle throttle, TrustedProxies proxies) {
        return new BasicKind(settings, new BasicCredentialResolver(settings.apiKeyPrefixes()), throttle, proxies);
    }

    @Produces
    @Singleton
    UserFileIdentityStore store(Instance<BasicSettings> settings) {
        return new UserFileIdentityStore(settings::get, new PasswordHasher());
    }
}
