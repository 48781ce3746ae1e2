package dev.latchkey.auth.jwt.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import dev.latchkey.auth.jwt.config.JwtAlgorithms;
import dev.latchkey.test.jwt.TestKeys;
import dev.latchkey.test.log.LogCapture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyPolicyTest {

    private final KeyPolicy all = KeyPolicy.verification(JwtAlgorithms.ALLOWED, 2048);
    private final RSAKey rsa = TestKeys.rsa("rsa-1").toPublicJWK();

    private void refused(KeyPolicy policy, JWK key, String fragment) {
        Optional<String> problem = policy.problem(key);
        assertTrue(problem.isPresent() && problem.get().contains(fragment), "expected '" + fragment + "', got " + problem);
    }

    @Test
    void whenUsablePublicKeysThenAccepted() {
        assertEquals(Optional.empty(), all.problem(rsa));
        assertEquals(Optional.empty(), all.problem(TestKeys.ec("e").toPublicJWK()));
        assertEquals(Optional.empty(), all.problem(TestKeys.ed25519("ed").toPublicJWK()));
        assertEquals(Optional.empty(), all.problem(new RSAKey.Builder(rsa).keyUse(KeyUse.SIGNATURE)
                .keyOperations(Set.of(KeyOperation.VERIFY)).algorithm(JWSAlgorithm.RS256).build()));
    }

    @Test
    void whenRsaBelowMinimumThenRefused() {
        refused(all, TestKeys.rsa("weak", 1024).toPublicJWK(), "1024 bits");
        refused(KeyPolicy.verification(JwtAlgorithms.ALLOWED, 3072), rsa, "below the minimum of 3072");
    }

    @Test
    void whenUseIsEncOrKeyOpsLackVerifyThenRefused() {
        refused(all, new RSAKey.Builder(rsa).keyUse(KeyUse.ENCRYPTION).build(), "use");
        refused(all, new RSAKey.Builder(rsa).keyOperations(Set.of(KeyOperation.ENCRYPT)).build(), "key_ops");
    }

    @Test
    void whenKeyAlgOutsideAllowListThenRefused() {
        refused(KeyPolicy.verification(Set.of(JWSAlgorithm.RS256), 2048),
                new RSAKey.Builder(rsa).algorithm(JWSAlgorithm.PS256).build(), "alg PS256");
        refused(all, new RSAKey.Builder(rsa).algorithm(JWSAlgorithm.HS256).build(), "alg HS256");
    }

    @Test
    void whenKeyTypeOrCurveDoesNotFitAlgorithmsThenRefused() throws Exception {
        refused(KeyPolicy.verification(Set.of(JWSAlgorithm.ES256), 2048), rsa, "RSA keys are not usable");
        refused(KeyPolicy.verification(Set.of(JWSAlgorithm.RS256), 2048), TestKeys.ec("e").toPublicJWK(), "needs ES256");
        refused(KeyPolicy.verification(Set.of(JWSAlgorithm.ES256), 2048), TestKeys.ec("e384", Curve.P_384).toPublicJWK(), "needs ES384");
        refused(all, new OctetKeyPairGenerator(Curve.X25519).generate().toPublicJWK(), "not supported");
        refused(KeyPolicy.verification(Set.of(JWSAlgorithm.RS256), 2048), TestKeys.ed25519("ed").toPublicJWK(), "EdDSA");
        OctetSequenceKey hmac = new OctetSequenceKeyGenerator(256).generate();
        refused(all, hmac, "symmetric");
    }

    @Test
    void whenPrivateKeyThenRefused() {
        refused(all, TestKeys.rsa("rsa-1"), "private key");
        refused(all, TestKeys.ec("e"), "private key");
        refused(all, TestKeys.ed25519("ed"), "private key");
    }

    @Test
    void whenDuplicateKidsThenBothRefusedAndOthersKept() {
        RSAKey twin = new RSAKey.Builder(TestKeys.rsa("twin").toPublicJWK()).keyID("rsa-1").build();
        JWK other = TestKeys.ec("e").toPublicJWK();
        KeyPolicy.Result r = all.filter(List.of(rsa, twin, other));
        assertEquals(List.of(other), r.usable());
        assertEquals(2, r.refused().size());
        assertTrue(r.refused().get(0).problem().contains("duplicate kid"));
    }

    @Test
    void whenKidHasControlCharactersThenSanitizedForLogs() {
        RSAKey evil = new RSAKey.Builder(TestKeys.rsa("weak", 1024).toPublicJWK()).keyID("a\nFAKE LOG LINE").build();
        assertEquals("a?FAKE LOG LINE", all.filter(List.of(evil)).refused().get(0).kid());
    }

    @Test
    void whenASetAlsoHoldsKeysForOtherAlgorithmsThenTheyAreSkippedWithOneWarningNamingKidAndAlg() {
        KeyPolicy rs256 = KeyPolicy.verification(Set.of(JWSAlgorithm.RS256), 2048);
        JWK ec = TestKeys.ec("idp-ec").toPublicJWK();
        JWK ed = TestKeys.ed25519("idp-ed").toPublicJWK();
        JWK enc = new RSAKey.Builder(TestKeys.rsa("idp-enc").toPublicJWK()).keyUse(KeyUse.ENCRYPTION).build();
        List<String> warnings;
        JWKSet usable;
        try (LogCapture log = LogCapture.of(KeyPolicy.class)) {
            usable = rs256.requireUsable(new JWKSet(List.of(rsa, ec, ed, enc)), "mp.jwt.verify.publickey");
            warnings = log.messages(Level.WARNING);
        }
        assertEquals(List.of(rsa), usable.getKeys());
        assertEquals(1, warnings.size(), warnings.toString());
        String warning = warnings.get(0);
        assertTrue(warning.contains("kid 'idp-ec' alg ES256") && warning.contains("kid 'idp-ed' alg EdDSA")
                && warning.contains("kid 'idp-enc' alg RSA"), warning);
    }

    @Test
    void whenNoKeyIsForAnAllowedAlgorithmThenRefusedNamingTheAllowList() {
        KeyPolicy rs256 = KeyPolicy.verification(Set.of(JWSAlgorithm.RS256), 2048, "latchkey.jwt.issuers.a.publickey.algorithm");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> rs256.requireUsable(new JWKSet(TestKeys.ec("idp-ec").toPublicJWK()), "x"));
        assertTrue(e.getMessage().contains("kid 'idp-ec' alg ES256"), e.getMessage());
        assertTrue(e.getMessage().contains("latchkey.jwt.issuers.a.publickey.algorithm"), e.getMessage());
    }

    @Test
    void whenAnUnsafeKeySitsBesideUsableOnesThenTheSetIsStillRefused() throws Exception {
        for (JWK unsafe : List.of(TestKeys.rsa("private"), TestKeys.rsa("weak", 1024).toPublicJWK(),
                new OctetSequenceKeyGenerator(256).keyID("hmac").generate())) {
            assertThrows(IllegalArgumentException.class,
                    () -> all.requireUsable(new JWKSet(List.of(rsa, unsafe)), "x"), unsafe.getKeyID());
        }
    }
}
