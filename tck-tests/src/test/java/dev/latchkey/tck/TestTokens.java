package dev.latchkey.tck;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.latchkey.tck.logs.SuiteLog;
import dev.latchkey.test.jwt.TestIssuer;
import dev.latchkey.test.jwt.TestKeys;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/** Fixture factory: the test kit's issuer with an RS256 key generated at test time, tokens remembered as secrets. */
public final class TestTokens {

    public static final String ISSUER = "https://issuer.latchkey.test";
    public static final String AUDIENCE = "orders-api";

    private final TestIssuer issuer;

    private TestTokens(TestIssuer issuer) {
        this.issuer = issuer;
    }

    public static TestTokens generate(String kid) {
        RSAKey key = TestKeys.newRsa(kid);
        SuiteLog.secret(key.getPrivateExponent().toString());
        return new TestTokens(TestIssuer.of(ISSUER, AUDIENCE, key));
    }

    /** The public JWK as configured in {@code mp.jwt.verify.publickey}. */
    public String publicJwk() {
        return issuer.key().toPublicJWK().toJSONString();
    }

    public String token(String subject, String scope, List<String> groups) {
        return token(c -> c.subject(subject).claim("scope", scope).claim("groups", groups));
    }

    /** A valid token (ten minutes, no {@code typ}), customised by {@code customize}. */
    public String token(UnaryOperator<JWTClaimsSet.Builder> customize) {
        String token = issuer.token().lifetime(Duration.ofMinutes(10)).type(null).claims(customize).sign();
        SuiteLog.secret(token);
        return token;
    }
}
