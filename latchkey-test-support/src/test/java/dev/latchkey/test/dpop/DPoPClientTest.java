package dev.latchkey.test.dpop;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.test.time.MutableClock;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DPoPClientTest {

    @Test
    void whenProofMadeThenSignedByTheBoundKeyForTheUriWithoutQueryAtTheClocksTime() throws Exception {
        MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
        DPoPClient client = DPoPClient.generate(clock);
        SignedJWT proof = SignedJWT.parse(client.proof("GET", "https://api.example/orders?page=2", "tok", null));
        assertEquals(new JOSEObjectType("dpop+jwt"), proof.getHeader().getType());
        ECKey key = (ECKey) proof.getHeader().getJWK();
        assertTrue(proof.verify(new ECDSAVerifier(key)));
        assertEquals(client.thumbprint(), key.computeThumbprint().toString());
        assertEquals(Map.of("cnf", Map.of("jkt", client.thumbprint())), client.binding());
        assertEquals("GET", proof.getJWTClaimsSet().getStringClaim("htm"));
        assertEquals("https://api.example/orders", proof.getJWTClaimsSet().getStringClaim("htu"));
        assertEquals(clock.instant(), proof.getJWTClaimsSet().getIssueTime().toInstant());
        String ath = Base64URL.encode(MessageDigest.getInstance("SHA-256")
                .digest("tok".getBytes(StandardCharsets.US_ASCII))).toString();
        assertEquals(ath, proof.getJWTClaimsSet().getStringClaim("ath"));
        assertNotEquals(proof.getJWTClaimsSet().getJWTID(), SignedJWT.parse(client.proof("GET",
                "https://api.example/orders", "tok", null)).getJWTClaimsSet().getJWTID());
    }
}
