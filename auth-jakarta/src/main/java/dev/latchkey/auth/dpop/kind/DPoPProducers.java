package dev.latchkey.auth.dpop.kind;

import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.config.ConfigurationException;
import dev.latchkey.auth.dpop.DPoPErrors;
import dev.latchkey.auth.dpop.DPoPNonces;
import dev.latchkey.auth.dpop.DPoPProofVerifier;
import dev.latchkey.auth.dpop.DPoPSettings;
import dev.latchkey.auth.introspection.IntrospectionCallerMapper;
import dev.latchkey.auth.introspection.IntrospectionSettings;
import dev.latchkey.auth.introspection.TokenIntrospector;
import dev.latchkey.auth.introspection.TokenShape;
import dev.latchkey.auth.jwt.config.JwtSettings;
import dev.latchkey.auth.jwt.mapping.JwtCallerMapper;
import dev.latchkey.auth.jwt.validation.JwtVerifier;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.state.MemoryReplayCache;
import dev.latchkey.auth.state.ReplayCache;
import dev.latchkey.auth.state.ReplaySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Clock;
import java.util.function.Predicate;

/**
 * The DPoP kind's objects, built once from one validated {@link DPoPSettings}. Proof identifiers go to the
 * application's {@link ReplayCache} bean when there is one (a store shared by every instance), else to a
 * {@link MemoryReplayCache} of this instance. Tokens are verified by the JWT kind's verifier, or, when
 * {@code latchkey.introspection.endpoint} is set, the tokens the introspection settings take are introspected.
 */
@ApplicationScoped
public class DPoPProducers {

    @Produces
    @Singleton
    DPoPSettings settings() {
        return DPoPSettings.from(ConfigReader.current());
    }

    @Produces
    @Singleton
    DPoPProofVerifier verifier(DPoPSettings settings, Instance<ReplayCache> shared, @LatchkeyClock Clock clock) {
        ReplayCache replay = shared.isResolvable() ? shared.get() : new MemoryReplayCache(
                ReplaySettings.from(ConfigReader.current()), clock);
        return new DPoPProofVerifier(settings, DPoPNonces.of(settings, clock), replay, clock);
    }

    @Produces
    @Singleton
    @Named(DPoPKind.NAME)
    DPoPKind kind(DPoPProofVerifier verifier, DPoPSettings settings) {
        tokenSources(true); // the kind is enabled: fails deployment without any token source
        settings.requireOrigins();
        return new DPoPKind(new DPoPTokenResolver(TrustedProxies.from(ConfigReader.current())), verifier.errors());
    }

    @Produces
    @Singleton
    DPoPIdentityStore store(Instance<DPoPProofVerifier> verifier, Instance<JwtVerifier> jwts,
                            Instance<JwtCallerMapper> jwtCallers, Instance<TokenIntrospector> introspector,
                            Instance<IntrospectionCallerMapper> introspectedCallers) {
        TokenSources sources = tokenSources(false); // every store is built, enabled or not
        return new DPoPIdentityStore(verifier::get, jwts::get, jwtCallers::get, introspector::get,
                introspectedCallers::get, sources.introspected(), sources.jwt());
    }

    /**
     * Where DPoP access tokens are verified, decided once.
     *
     * @param introspected the tokens introspection takes
     * @param jwt          whether JWTs can be verified (an issuer is configured)
     */
    record TokenSources(Predicate<String> introspected, boolean jwt) {
    }

    /**
     * @param enabled whether the DPoP kind is among the enabled mechanisms
     * @throws ConfigurationException when it is and neither an issuer nor an introspection endpoint is configured
     */
    static TokenSources tokenSources(boolean enabled) {
        Config config = ConfigProvider.getConfig();
        ConfigReader reader = new ConfigReader(config);
        boolean jwt = JwtSettings.hasIssuer(reader, config.getPropertyNames());
        if (enabled && !jwt && reader.string(IntrospectionSettings.ENDPOINT).isEmpty()) {
            throw new ConfigurationException(DPoPSettings.PREFIX + "*",
                    "the dpop kind verifies no token: set mp.jwt.verify.* (JWT access tokens) or "
                            + IntrospectionSettings.ENDPOINT + " (introspection)");
        }
        return new TokenSources(introspected(reader), jwt);
    }

    /** With {@code latchkey.introspection.endpoint} set, the tokens its settings take; else none. */
    static Predicate<String> introspected(ConfigReader config) {
        return TokenShape.introspected(config, config.string(IntrospectionSettings.ENDPOINT).isPresent());
    }
}
