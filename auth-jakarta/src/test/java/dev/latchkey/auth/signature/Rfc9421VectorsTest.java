package dev.latchkey.auth.signature;

import dev.latchkey.auth.signature.keys.SignatureAlgorithm;
import dev.latchkey.auth.request.sfv.ByteSequence;
import dev.latchkey.auth.signature.fixtures.Rfc9421Examples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.latchkey.auth.signature.fixtures.Rfc9421Examples.publicKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 9421 Appendix B.2: for each request example, the signature base Latchkey builds from {@code test-request} and
 * the example's Signature-Input is byte for byte the RFC's, and the RFC's signature verifies under the Appendix B.1 key;
 * the deterministic ones (HMAC, Ed25519) are also reproduced exactly.
 */
class Rfc9421VectorsTest {

    static Stream<Arguments> requestExamples() {
        Key pss = publicKey("RSA", Rfc9421Examples.RSA_PSS_PUBLIC);
        return Stream.of(
                Arguments.of(Rfc9421Examples.B21_INPUT, Rfc9421Examples.B21_SIGNATURE, pss,
                        SignatureAlgorithm.RSA_PSS_SHA512,
                        "\"@signature-params\": ();created=1618884473;keyid=\"test-key-rsa-pss\""
                                + ";nonce=\"b3k2pp5k7z-50gnwp.yemd\""),
                Arguments.of(Rfc9421Examples.B22_INPUT, Rfc9421Examples.B22_SIGNATURE, pss,
                        SignatureAlgorithm.RSA_PSS_SHA512, """
                                "@authority": example.com
                                "content-digest": %s
                                "@query-param";name="Pet": dog
                                "@signature-params": ("@authority" "content-digest" "@query-param";name="Pet")\
                                ;created=1618884473;keyid="test-key-rsa-pss";tag="header-example\""""
                                .formatted(Rfc9421Examples.CONTENT_DIGEST)),
                Arguments.of(Rfc9421Examples.B23_INPUT, Rfc9421Examples.B23_SIGNATURE, pss,
                        SignatureAlgorithm.RSA_PSS_SHA512, """
                                "date": Tue, 20 Apr 2021 02:07:55 GMT
                                "@method": POST
                                "@path": /foo
                                "@query": ?param=Value&Pet=dog
                                "@authority": example.com
                                "content-type": application/json
                                "content-digest": %s
                                "content-length": 18
                                "@signature-params": ("date" "@method" "@path" "@query" "@authority" "content-type" \
                                "content-digest" "content-length");created=1618884473;keyid="test-key-rsa-pss\""""
                                .formatted(Rfc9421Examples.CONTENT_DIGEST)),
                Arguments.of(Rfc9421Examples.B25_INPUT, Rfc9421Examples.B25_SIGNATURE,
                        SignatureAlgorithm.hmacKey(Rfc9421Examples.sharedSecret()), SignatureAlgorithm.HMAC_SHA256, """
                                "date": Tue, 20 Apr 2021 02:07:55 GMT
                                "@authority": example.com
                                "content-type": application/json
                                "@signature-params": ("date" "@authority" "content-type");created=1618884473\
                                ;keyid="test-shared-secret\""""),
                Arguments.of(Rfc9421Examples.B26_INPUT, Rfc9421Examples.B26_SIGNATURE,
                        publicKey("Ed25519", Rfc9421Examples.ED25519_PUBLIC), SignatureAlgorithm.ED25519, """
                                "date": Tue, 20 Apr 2021 02:07:55 GMT
                                "@method": POST
                                "@path": /foo
                                "@authority": example.com
                                "content-type": application/json
                                "content-length": 18
                                "@signature-params": ("date" "@method" "@path" "@authority" "content-type" \
                                "content-length");created=1618884473;keyid="test-key-ed25519\""""));
    }

    @ParameterizedTest
    @MethodSource("requestExamples")
    void whenAppendixB2ExampleRebuiltThenBaseIsTheRfcsAndSignatureVerifies(String input, String signature, Key key,
                                                                         SignatureAlgorithm algorithm, String base)
            throws Exception {
        SignatureFields.Labelled signed = SignatureFields.parse(List.of(input), List.of(signature)).values().iterator()
                .next();
        byte[] built = new SignatureBase(Rfc9421Examples.testRequest(), StructuredFieldTypes.BUILT_IN)
                .build(signed.input().components(), signed.input().value());
        assertEquals(base, new String(built, StandardCharsets.US_ASCII));
        assertTrue(algorithm.verify(key, built, signed.signature().bytes()));
        byte[] tampered = built.clone();
        tampered[tampered.length - 2] ^= 1;
        assertFalse(algorithm.verify(key, tampered, signed.signature().bytes()));
    }

    @Test
    void whenDeterministicAlgorithmsSignTheRfcBasesThenTheRfcsSignaturesResult() throws Exception {
        Map<String, SignatureFields.Labelled> hmac = SignatureFields.parse(List.of(Rfc9421Examples.B25_INPUT),
                List.of(Rfc9421Examples.B25_SIGNATURE));
        Map<String, SignatureFields.Labelled> ed = SignatureFields.parse(List.of(Rfc9421Examples.B26_INPUT),
                List.of(Rfc9421Examples.B26_SIGNATURE));
        SignatureBase base = new SignatureBase(Rfc9421Examples.testRequest(), StructuredFieldTypes.BUILT_IN);
        SignatureInput hmacInput = hmac.get("sig-b25").input();
        assertEquals(hmac.get("sig-b25").signature(), ByteSequence.of(SignatureAlgorithm.HMAC_SHA256.sign(
                SignatureAlgorithm.hmacKey(Rfc9421Examples.sharedSecret()),
                base.build(hmacInput.components(), hmacInput.value()))));
        SignatureInput edInput = ed.get("sig-b26").input();
        assertEquals(ed.get("sig-b26").signature(), ByteSequence.of(SignatureAlgorithm.ED25519.sign(
                Rfc9421Examples.privateKey("Ed25519", Rfc9421Examples.ED25519_PRIVATE),
                base.build(edInput.components(), edInput.value()))));
    }

    @Test
    void whenAppendixB24EcdsaSignatureCheckedThenRawRAndSVerify() {
        byte[] base = Rfc9421Examples.B24_BASE.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64.getDecoder().decode(Rfc9421Examples.B24_SIGNATURE);
        Key key = publicKey("EC", Rfc9421Examples.ECC_P256_PUBLIC);
        assertEquals(64, signature.length);
        assertTrue(SignatureAlgorithm.ECDSA_P256_SHA256.verify(key, base, signature));
        signature[63] ^= 1;
        assertFalse(SignatureAlgorithm.ECDSA_P256_SHA256.verify(key, base, signature));
    }

    @Test
    void whenKeyOfAnotherAlgorithmUsedThenVerificationFails() throws Exception {
        SignatureFields.Labelled ed = SignatureFields.parse(List.of(Rfc9421Examples.B26_INPUT),
                List.of(Rfc9421Examples.B26_SIGNATURE)).get("sig-b26");
        byte[] base = new SignatureBase(Rfc9421Examples.testRequest(), StructuredFieldTypes.BUILT_IN)
                .build(ed.input().components(), ed.input().value());
        Key edKey = publicKey("Ed25519", Rfc9421Examples.ED25519_PUBLIC);
        // Algorithm confusion: the public key's encoding used as an HMAC secret, or an EC verifier given Ed25519
        Key confused = SignatureAlgorithm.hmacKey(edKey.getEncoded().length >= 32 ? edKey.getEncoded()
                : new byte[32]);
        assertFalse(SignatureAlgorithm.HMAC_SHA256.verify(edKey, base, ed.signature().bytes()));
        assertFalse(SignatureAlgorithm.ECDSA_P256_SHA256.verify(edKey, base, ed.signature().bytes()));
        assertFalse(SignatureAlgorithm.ED25519.verify(confused, base, ed.signature().bytes()));
    }
}
