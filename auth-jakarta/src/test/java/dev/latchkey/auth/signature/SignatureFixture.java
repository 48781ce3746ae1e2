package dev.latchkey.auth.signature;

import dev.latchkey.auth.signature.keys.SignatureAlgorithm;
import dev.latchkey.auth.config.ConfigReader;
import dev.latchkey.test.time.MutableClock;
import dev.latchkey.auth.signature.client.RequestSigner;
import dev.latchkey.auth.signature.keys.ClientKeyService;
import dev.latchkey.auth.signature.keys.ClientKeyStore;
import dev.latchkey.auth.signature.keys.InMemoryClientKeyStore;
import dev.latchkey.auth.signature.keys.IssuedKey;
import dev.latchkey.auth.signature.keys.SecretSealer;
import dev.latchkey.auth.signature.keys.SignatureKeys;
import dev.latchkey.auth.signature.keys.TestKeys;
import dev.latchkey.auth.state.MemoryReplayCache;
import dev.latchkey.auth.state.ReplaySettings;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A registry with an Ed25519 and an HMAC key, signers for them, and a verifier; time is a {@link MutableClock}. */
final class SignatureFixture {

    static final String KEK = Base64.getEncoder().encodeToString(new byte[32]);
    static final URI URI_ = URI.create("https://api.example.com/orders?id=7");
    static final byte[] BODY = "{\"item\":\"book\"}".getBytes(StandardCharsets.UTF_8);

    final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
    final ClientKeyStore store;
    final SignatureKeys keys;
    final ClientKeyService service;
    final SignatureSettings settings;
    final SignatureVerifier verifier;
    final KeyPair edPair = TestKeys.ed25519();
    final IssuedKey ed;
    final IssuedKey hmac;

    SignatureFixture(Map<String, String> config) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("latchkey.signature.kek", KEK));
        all.putAll(config);
        this.settings = SignatureSettings.from(new ConfigReader(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(all, "test", 100)).build()));
        this.store = new InMemoryClientKeyStore();
        SecretSealer sealer = settings.registry().sealer().orElseThrow();
        this.keys = new SignatureKeys(store, sealer, Duration.ofSeconds(30), Duration.ofSeconds(5), 100, clock);
        this.service = new ClientKeyService(this.store, sealer, clock, keys::invalidate);
        this.verifier = new SignatureVerifier(settings, keys, new MemoryReplayCache(ReplaySettings.uniform(1000, 1000), clock), clock);
        this.ed = service.registerPublicKey("partner-ed", TestKeys.pem(edPair.getPublic()), Set.of("orders:read"),
                Set.of(), null);
        this.hmac = service.createHmacKey("partner-hmac", Set.of("orders:write"), Set.of(), null);
    }

    SignatureFixture() {
        this(Map.of());
    }

    RequestSigner.Builder edSigner() {
        return RequestSigner.builder(ed.keyId(), SignatureAlgorithm.ED25519, edPair.getPrivate()).clock(clock);
    }

    RequestSigner.Builder hmacSigner() {
        return RequestSigner.builder(hmac.keyId(), SignatureAlgorithm.HMAC_SHA256,
                SignatureAlgorithm.hmacKey(Base64.getDecoder().decode(hmac.secret().orElseThrow()))).clock(clock);
    }

    /** A POST with content, signed by {@code signer}; {@code extra} header lines added before signing. */
    static Map<String, List<String>> signedPost(RequestSigner signer, Map<String, List<String>> extra) {
        Map<String, List<String>> headers = new LinkedHashMap<>(Map.of("Content-Type", List.of("application/json")));
        headers.putAll(extra);
        signer.headers("POST", URI_, headers, BODY).forEach((n, v) -> headers.put(n, List.of(v)));
        return headers;
    }

    static RequestComponents post(Map<String, List<String>> headers) {
        return new UriRequestComponents("POST", URI_, headers, true);
    }

    static RequestComponents get(Map<String, List<String>> headers) {
        return new UriRequestComponents("GET", URI_, headers, false);
    }
}
