package dev.latchkey.auth.introspection;

import dev.latchkey.auth.apikey.ApiKeySettings;
import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.dpop.DPoPSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * The introspection kind's objects, each built once from one validated {@link IntrospectionSettings}. The settings
 * and the client (its private key) are read when the kind is enabled, at start-up, so bad configuration fails
 * deployment; the store obtains them on its first token.
 */
@ApplicationScoped
public class IntrospectionProducers {

    @Produces
    @Singleton
    IntrospectionSettings settings() {
        return IntrospectionSettings.from(ConfigReader.current());
    }

    @Produces
    @Singleton
    TokenIntrospector introspector(IntrospectionSettings settings, @LatchkeyClock Clock clock) {
        return new TokenIntrospector(settings, new IntrospectionClient(settings)::introspect, clock);
    }

    @Produces
    @Singleton
    IntrospectionCallerMapper mapper(IntrospectionSettings settings) {
        return new IntrospectionCallerMapper(settings);
    }

    /** The kind, when enabled; it takes the introspector only to build it now (the key is read at start-up). */
    @Produces
    @Singleton
    @Named(IntrospectionSettings.KIND)
    IntrospectionKind kind(IntrospectionSettings settings, TokenIntrospector introspector) {
        ConfigReader config = ConfigReader.current();
        return new IntrospectionKind(new IntrospectionTokenResolver(settings.allTokens(),
                List.copyOf(ApiKeySettings.prefixes(config).keySet())), config.bool(DPoPSettings.REQUIRED, false));
    }

    @Produces
    @Singleton
    IntrospectionIdentityStore store(Instance<TokenIntrospector> introspector,
                                     Instance<IntrospectionCallerMapper> mapper) {
        return new IntrospectionIdentityStore(introspector::get, mapper::get);
    }
}
