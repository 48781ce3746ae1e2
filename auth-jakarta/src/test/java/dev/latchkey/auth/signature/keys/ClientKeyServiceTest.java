package dev.latchkey.auth.signature.keys;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.Curve;
import dev.latchkey.auth.keylife.KeyLifecycle;
import dev.latchkey.test.time.MutableClock;
import dev.latchkey.auth.signature.keys.SignatureAlgorithm;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientKeyServiceTest {

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final InMemoryClientKeyStore store = new InMemoryClientKeyStore();
    private final SecretSealer sealer = new SecretSealer(SecretSealerTest.kek(7), List.of());
    private final SignatureKeys keys = new SignatureKeys(store, sealer, Duration.ofMinutes(5), Duration.ofSeconds(5),
            100, clock);
    private final ClientKeyService service = new ClientKeyService(store, sealer, clock, keys::invalidate);

    @Test
    void whenPublicKeysRegisteredThenEachIsBoundToItsOneAlgorithm() {
        KeyPair ed = TestKeys.ed25519();
        KeyPair ec = TestKeys.p256();
        KeyPair rsa = TestKeys.rsa(2048);
        assertEquals(SignatureAlgorithm.ED25519, service.registerPublicKey("partner-a", TestKeys.pem(ed.getPublic()),
                Set.of("orders:read"), Set.of(), null).record().algorithm());
        String ecJwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) ec.getPublic()).build().toJSONString();
        assertEquals(SignatureAlgorithm.ECDSA_P256_SHA256,
                service.registerPublicKey("partner-b", ecJwk, Set.of(), Set.of(), null).record().algorithm());
        IssuedKey r = service.registerPublicKey("partner-c", TestKeys.pem(rsa.getPublic()), Set.of(), Set.of(), null);
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA512, r.record().algorithm());
        assertTrue(r.keyId().matches("ks_[0-9A-Za-z]{22}"));
        assertTrue(r.secret().isEmpty());
        assertNull(r.record().sealedSecret());
        assertEquals(rsa.getPublic(), keys.resolve(r.keyId()).orElseThrow().key());
    }

    @Test
    void whenPrivateWeakOrUnsupportedKeyRegisteredThenRefused() throws Exception {
        KeyPair ec = TestKeys.p256();
        String privateJwk = new ECKey.Builder(Curve.P_256, (ECPublicKey) ec.getPublic())
                .privateKey(ec.getPrivate()).build().toJSONString();
        String privatePem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                ec.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
        for (String bad : List.of(privateJwk, privatePem, TestKeys.pem(TestKeys.rsa(1024).getPublic()),
                TestKeys.pem(TestKeys.p384().getPublic()), "not a key", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> service.registerPublicKey("x", bad, Set.of(), Set.of(), null), bad);
            assertFalse(bad.length() > 20 && e.getMessage().contains(bad.substring(10, 20)), "no key material echoed");
        }
        assertTrue(store.list().isEmpty());
    }

    @Test
    void whenHmacKeyCreatedThenSecretShownOnceAndStoredSealed() {
        IssuedKey issued = service.createHmacKey("partner-h", Set.of("orders:read"), Set.of("partners"), null);
        byte[] secret = Base64.getDecoder().decode(issued.secret().orElseThrow());
        assertEquals(32, secret.length);
        ClientKeyRecord stored = store.findById(issued.keyId()).orElseThrow();
        assertFalse(stored.sealedSecret().contains(issued.secret().get()));
        assertFalse(stored.toString().contains(stored.sealedSecret()));
        assertFalse(issued.toString().contains(issued.secret().get()));
        SecretKey key = (SecretKey) keys.resolve(issued.keyId()).orElseThrow().key();
        assertArrayEquals(secret, key.getEncoded());
        assertEquals(Set.of("orders:read"), stored.scopes());
    }

    @Test
    void whenNoKekThenHmacKeysCannotBeCreatedOrUsed() {
        ClientKeyService noKek = new ClientKeyService(store, null, clock, id -> { });
        assertThrows(IllegalStateException.class, () -> noKek.createHmacKey("h", Set.of(), Set.of(), null));
        String keyId = service.createHmacKey("h", Set.of(), Set.of(), null).keyId();
        SignatureKeys withoutKek = new SignatureKeys(store, null, Duration.ofMinutes(5), Duration.ofSeconds(5), 10,
                clock);
        assertThrows(IllegalStateException.class, () -> withoutKek.resolve(keyId));
    }

    @Test
    void whenHmacKeyRotatedThenBothWorkUntilGraceEnds() {
        IssuedKey old = service.createHmacKey("h", Set.of("a"), Set.of(), null);
        IssuedKey replacement = service.rotate(old.keyId(), Duration.ofHours(1), null);
        assertTrue(replacement.secret().isPresent());
        assertEquals(old.keyId(), replacement.record().rotatedFrom());
        assertEquals(Set.of("a"), replacement.record().scopes());
        ClientKeyRecord oldNow = keys.resolve(old.keyId()).orElseThrow().record();
        assertEquals(replacement.keyId(), oldNow.replacedBy(), "the rotation reached the cache at once");
        assertEquals(KeyLifecycle.Status.ACTIVE, oldNow.status(clock.instant()));
        clock.advance(Duration.ofHours(1));
        assertEquals(KeyLifecycle.Status.ROTATED_OUT, oldNow.status(clock.instant()));
        assertThrows(IllegalStateException.class, () -> service.rotate(old.keyId(), Duration.ZERO, null));
    }

    @Test
    void whenPublicKeyRotatedThenNewPublicKeyRequired() {
        IssuedKey old = service.registerPublicKey("p", TestKeys.pem(TestKeys.ed25519().getPublic()), Set.of(),
                Set.of(), null);
        assertThrows(IllegalArgumentException.class, () -> service.rotate(old.keyId(), Duration.ZERO, null));
        KeyPair next = TestKeys.p256();
        IssuedKey replacement = service.rotate(old.keyId(), Duration.ZERO, TestKeys.pem(next.getPublic()));
        assertEquals(SignatureAlgorithm.ECDSA_P256_SHA256, replacement.record().algorithm());
        assertEquals(KeyLifecycle.Status.ROTATED_OUT, store.findById(old.keyId()).orElseThrow()
                .status(clock.instant()));
    }

    @Test
    void whenRevokedThenCachedResolutionSeesItAtOnceAndUnknownKeysAreNotFound() {
        IssuedKey key = service.registerPublicKey("p", TestKeys.pem(TestKeys.ed25519().getPublic()), Set.of(),
                Set.of(), null);
        assertEquals(KeyLifecycle.Status.ACTIVE, keys.resolve(key.keyId()).orElseThrow().record()
                .status(clock.instant()));
        service.revoke(key.keyId());
        assertEquals(KeyLifecycle.Status.REVOKED, keys.resolve(key.keyId()).orElseThrow().record()
                .status(clock.instant()));
        assertTrue(keys.resolve("ks_unknown").isEmpty());
        assertThrows(NoSuchElementException.class, () -> service.revoke("ks_unknown"));
        assertThrows(IllegalArgumentException.class, () -> service.registerPublicKey("p",
                TestKeys.pem(TestKeys.ed25519().getPublic()), Set.of(), Set.of(), Instant.parse("2025-01-01T00:00:00Z")));
    }
}
