package dev.latchkey.auth.signature;

import dev.latchkey.auth.apikey.jdbc.OwnedPools;
import dev.latchkey.auth.clock.LatchkeyClock;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.auth.request.TrustedProxies;
import dev.latchkey.auth.signature.keys.ClientKeyService;
import dev.latchkey.auth.signature.keys.ClientKeyStore;
import dev.latchkey.auth.signature.keys.ClientKeyStores;
import dev.latchkey.auth.signature.keys.KeyRegistrySettings;
import dev.latchkey.auth.signature.keys.SignatureKeys;
import dev.latchkey.auth.state.MemoryReplayCache;
import dev.latchkey.auth.state.ReplayCache;
import dev.latchkey.auth.state.ReplaySettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * CDI producers of HTTP message signatures, built once from MicroProfile Config ({@code latchkey.signature.*}) when
 * first needed: the settings, the key registry (the configured store), the cached key resolution, the administration
 * service, the verifier, the kind ({@code @Named("signature")}) and its identity store. Nonces go to the application's {@link ReplayCache} bean when there is one (a store shared
 * by every instance), else to one in memory (single instance).
 */
@ApplicationScoped
public class SignatureProducers {


    @Inject
    @LatchkeyClock
    Clock clock;

    @Inject
    Instance<ReplayCache> replayCaches;

    /** Connection pools this bean opened (store {@code jdbc} with {@code latchkey.api-key.jdbc.url}). */
    private final OwnedPools pools = new OwnedPools("signature-key");

    @Produces
    @Singleton
    SignatureSettings settings() {
        return SignatureSettings.from(ConfigReader.current());
    }

    @Produces
    @Singleton
    ClientKeyStore store(SignatureSettings settings) {
        return ClientKeyStores.backend(settings.registry(), ConfigReader.current(), pools);
    }

    @Produces
    @Singleton
    SignatureKeys keys(SignatureSettings settings, ClientKeyStore store) {
        KeyRegistrySettings r = settings.registry();
        return new SignatureKeys(store, r.sealer().orElse(null), r.cacheTtl(), r.negativeCacheTtl(), r.cacheMaxSize(),
                clock);
    }

    /** Writes through the service reach this node's key cache at once. */
    @Produces
    @Singleton
    ClientKeyService service(SignatureSettings settings, ClientKeyStore store, SignatureKeys keys) {
        return new ClientKeyService(store, settings.registry().sealer().orElse(null), clock, keys::invalidate);
    }

    @Produces
    @Singleton
    SignatureVerifier verifier(SignatureSettings settings, SignatureKeys keys) {
        ReplayCache replay = replayCaches.isResolvable() ? replayCaches.get() : new MemoryReplayCache(
                ReplaySettings.from(ConfigReader.current()), clock);
        return new SignatureVerifier(settings, keys, replay, clock);
    }

    @Produces
    @Singleton
    @Named(SignatureKind.NAME)
    SignatureKind kind(SignatureSettings settings) {
        return new SignatureKind(settings, new SignatureResolver(TrustedProxies.from(ConfigReader.current())));
    }

    /** Reads no configuration until a signature arrives. */
    @Produces
    @Singleton
    SignatureIdentityStore identityStore(Instance<SignatureVerifier> verifier) {
        return new SignatureIdentityStore(verifier::get);
    }

    @PreDestroy
    void closePools() {
        pools.closeAll();
    }
}
