package dev.latchkey.test.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TestIssuerTest {

    private final TestIssuer issuer = TestIssuer.create();

    @Test
    void whenATokenIsMadeThenTheIssuersOwnJwksVerifiesItsIssuerAudienceAndSubject() throws Exception {
        JWTClaimsSet claims = processor(issuer.publicJwks()).process(issuer.token().scope("orders:read").sign(), null);
        assertEquals(TestIssuer.DEFAULT_SUBJECT, claims.getSubject());
        assertEquals("orders:read", claims.getStringClaim("scope"));
    }

    @Test
    void whenExpiredOrSignedByTheWrongKeyThenVerificationFails() throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = processor(issuer.publicJwks());
        assertThrows(BadJWTException.class, () -> processor.process(issuer.token().expired().sign(), null));
        assertThrows(com.nimbusds.jose.proc.BadJOSEException.class,
                () -> processor.process(issuer.token().wrongKey().sign(), null));
    }

    @Test
    void whenPropertiesAreAskedThenTheyNameIssuerAudienceAndOnlyThePublicKey() throws Exception {
        Map<String, String> properties = issuer.properties();
        assertEquals(TestIssuer.DEFAULT_ISSUER, properties.get("mp.jwt.verify.issuer"));
        assertEquals(TestIssuer.DEFAULT_AUDIENCE, properties.get("mp.jwt.verify.audiences"));
        JWKSet published = JWKSet.parse(properties.get("mp.jwt.verify.publickey"));
        assertFalse(published.getKeys().get(0).isPrivate());
        assertEquals("http://127.0.0.1:1/jwks.json",
                issuer.properties("http://127.0.0.1:1/jwks.json").get("mp.jwt.verify.publickey.location"));
        assertEquals(2, JWKSet.parse(issuer.publicJwksWith(TestKeys.ec("other"))).getKeys().size());
    }

    @Test
    void whenTheKeyComesFromAJwkFileThenTokensCarryItsKid(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("issuer.jwk"), TestKeys.ec("from-file").toJSONString());
        TestIssuer loaded = TestIssuer.fromJwkFile("https://running.example", null, file);
        assertEquals("from-file", com.nimbusds.jwt.SignedJWT.parse(loaded.token().sign()).getHeader().getKeyID());
        assertFalse(loaded.properties().containsKey("mp.jwt.verify.audiences"));
        Path publicOnly = Files.writeString(dir.resolve("public.jwk"), TestKeys.ec("pub").toPublicJWK().toJSONString());
        assertThrows(IllegalArgumentException.class, () -> TestIssuer.fromJwkFile("https://x", null, publicOnly));
    }

    private DefaultJWTProcessor<SecurityContext> processor(String jwks) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(JWKSet.parse(jwks))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(TestIssuer.DEFAULT_AUDIENCE,
                new JWTClaimsSet.Builder().issuer(TestIssuer.DEFAULT_ISSUER).build(), Set.of("sub", "exp")));
        return processor;
    }
}
