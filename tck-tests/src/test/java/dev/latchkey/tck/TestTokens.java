package dev.latchkey.tck;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.latchkey.tck.logs.LogCapture;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Fixture factory: an RS256 issuer key generated at test time and tokens signed with it. */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.latchkey.test";
    public static final String AUDIENCE = "orders-api";

    private final RSAKey key;

    private TestTokens(RSAKey key) {
        this.key = key;
    }

    public static TestTokens generate(String kid) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(kid).generate();
            LogCapture.secret(key.getPrivateExponent().toString());
            return new TestTokens(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK as configured in {@code mp.jwt.verify.publickey}. */
    public String publicJwk() {
        return key.toPublicJWK().toJSONString();
    }

    public String token(String subject, String scope, List<String> groups) {
        return token(c -> c.subject(subject).claim("scope", scope).claim("groups", groups));
    }

    /** A valid token, customised by {@code customize}. */
    public String token(UnaryOperator<JWTClaimsSet.Builder> customize) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject("alice")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString());
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    customize.apply(claims).build());
            jwt.sign(new RSASSASigner(key));
            String token = jwt.serialize();
            LogCapture.secret(token);
            return token;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
